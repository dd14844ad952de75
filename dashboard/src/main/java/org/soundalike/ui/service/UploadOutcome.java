package org.soundalike.ui.service;

import java.util.List;
import java.util.Optional;
import org.soundalike.search.SearchResults;
import org.soundalike.search.TagScore;

/**
 * What became of an upload that decoded: its length, its predicted tags and the look-alikes when
 * a model could embed it; otherwise why it could not be searched.
 */
public record UploadOutcome(String fileName, double seconds, List<TagScore> predicted,
    Optional<SearchResults> results, Optional<String> notSearchedBecause) {

  public UploadOutcome {
    predicted = List.copyOf(predicted);
  }
}
