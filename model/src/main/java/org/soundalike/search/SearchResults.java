package org.soundalike.search;

import java.util.List;

/** The hits, best first, and Elasticsearch's own time for the query ({@code took}). */
public record SearchResults(String index, List<SimilarHit> hits, long tookMillis) {

  public SearchResults {
    hits = List.copyOf(hits);
  }
}
