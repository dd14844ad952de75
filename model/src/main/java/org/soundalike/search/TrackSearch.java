package org.soundalike.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.KnnSearch;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.InnerHitsResult;
import co.elastic.clients.json.JsonData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.soundalike.dataset.TrackSegment;

/**
 * Finds tracks that sound alike in a track index (an alias such as {@code tracks} or a concrete
 * index): approximate kNN on the embeddings by inner product, with tag filters and a minimum
 * similarity applied inside the kNN search (so k results come back when k tracks pass the
 * filters, instead of k-then-filter returning fewer), and an explanation of every match.
 */
public final class TrackSearch {

  /** How many of a hit's predicted tags are returned with it. */
  public static final int PREDICTED_TAGS_SHOWN = 5;

  private static final List<String> SOURCE_FIELDS = List.of(TrackIndexSchema.TAGS, TrackIndexSchema.PREDICTED_TAGS,
      TrackIndexSchema.TAG_SCORES, TrackIndexSchema.TITLE, TrackIndexSchema.PATH, TrackIndexSchema.DURATION);

  /** How long a count of the index's tracks is trusted (it only picks the default num_candidates). */
  private static final long COUNT_TTL_NANOS = 60_000_000_000L;

  private final EsConnection connection;
  private final String index;
  /** -1 until first counted. */
  private long indexedTracks = -1;
  private long countedAtNanos;

  public TrackSearch(EsConnection connection, String index) {
    this.connection = connection;
    this.index = index;
  }

  public String index() {
    return index;
  }

  /** The stored track {@code id} (its vector, tags and predicted scores). */
  public QueryTrack track(String id) {
    GetResponse<Map> response = stored(id);
    JsonData vector = response.fields().get(TrackIndexSchema.EMBEDDING_F32);
    if (vector == null) {
      throw new SearchException("track " + id + " in " + index + " has no stored " + TrackIndexSchema.EMBEDDING_F32
          + " (not written by TrackExporter?)");
    }
    Map<?, ?> source = response.source();
    return new QueryTrack(id, Vectors.fromBase64(vector.toJson().asJsonArray().getString(0)),
        strings(source.get(TrackIndexSchema.TAGS)), scores(source.get(TrackIndexSchema.TAG_SCORES)));
  }

  /** The audio file the stored track {@code id} was embedded from, or null when it was indexed without one. */
  public String trackPath(String id) {
    Object path = stored(id).source().get(TrackIndexSchema.PATH);
    return path == null ? null : String.valueOf(path);
  }

  private GetResponse<Map> stored(String id) {
    GetResponse<Map> response = connection.call("get track " + id + " from " + index, () -> {
      try {
        return connection.client().get(g -> g.index(index).id(id).storedFields(TrackIndexSchema.EMBEDDING_F32)
            .sourceIncludes(SOURCE_FIELDS), Map.class);
      } catch (ElasticsearchException e) {
        if (e.status() == 404 && "index_not_found_exception".equals(e.error().type())) {
          throw new SearchException("index '" + index + "' does not exist at " + connection.url()
              + ": export tracks into it first with 'soundalike index --input tracks.jsonl'", e);
        }
        throw e;
      }
    });
    if (!response.found()) {
      throw new UnknownTrackException(id, index);
    }
    return response;
  }

  /** Tracks like the stored track {@code id}, which is itself excluded. */
  public SearchResults moreLikeThis(String id, SimilarityQuery query) {
    return searchByVector(track(id), query);
  }

  /** Tracks whose embeddings are closest to {@code query}'s (an uploaded track, or a stored one). */
  public SearchResults searchByVector(QueryTrack query, SimilarityQuery options) {
    KnnSearch knn = knn(TrackIndexSchema.EMBEDDING, query.embedding(), options.k(),
        options.effectiveNumCandidates(this::indexedTracks), filter(query, options), options, false);
    SearchResponse<Map> response = connection.call("kNN search in " + index, () -> {
      try {
        return connection.client().search(s -> s.index(index).knn(knn).size(options.k())
            .source(src -> src.filter(f -> f.includes(SOURCE_FIELDS))), Map.class);
      } catch (ElasticsearchException e) {
        throw explained(e.status(), e.error(), query, e);
      }
    });
    Set<String> queryPredicted = predicted(query);
    List<SimilarHit> hits = new ArrayList<>();
    for (Hit<Map> hit : response.hits().hits()) {
      hits.add(explain(hit, query, queryPredicted));
    }
    return new SearchResults(index, hits, response.took());
  }

  /**
   * Tracks whose segments match {@code query}'s segments (an uploaded clip or file): one nested
   * kNN per query segment in a single multi-search, each returning tracks ranked by their best
   * segment with that segment as an inner hit, combined by {@link SegmentRanking}. A query
   * without segments is searched by its vector.
   */
  public SearchResults searchBySegments(QueryTrack query, SimilarityQuery options) {
    if (query.segments().isEmpty()) {
      return searchByVector(query, options);
    }
    List<TrackSegment> segments = SegmentRanking.querySegments(query.segments());
    int perSegment = SegmentRanking.perSegmentK(options.k());
    int numCandidates = Math.max(options.effectiveNumCandidates(this::indexedTracks), perSegment);
    List<Query> filter = filter(query, options);
    MsearchResponse<Map> response = connection.call("segment kNN search in " + index, () -> {
      try {
        return connection.client().msearch(m -> {
          m.index(index);
          for (TrackSegment segment : segments) {
            KnnSearch knn = knn(TrackIndexSchema.SEGMENT_VECTORS, segment.embedding(), perSegment, numCandidates, filter, options, true);
            m.searches(s -> s.header(h -> h).body(b -> b.knn(knn).size(perSegment)
                .source(src -> src.filter(f -> f.includes(SOURCE_FIELDS)))));
          }
          return m;
        }, Map.class);
      } catch (ElasticsearchException e) {
        throw explained(e.status(), e.error(), query, e);
      }
    });
    Set<String> queryPredicted = predicted(query);
    SegmentRanking ranking = new SegmentRanking(segments);
    long took = 0;
    for (int i = 0; i < segments.size(); i++) {
      MultiSearchResponseItem<Map> item = response.responses().get(i);
      if (item.isFailure()) {
        throw explained(item.failure().status(), item.failure().error(), query, null);
      }
      took = Math.max(took, item.result().took());
      for (Hit<Map> hit : item.result().hits().hits()) {
        SimilarHit explainedHit = explain(hit, query, queryPredicted);
        ranking.add(i, explainedHit, explainedHit.score(), segmentAt(hit));
      }
    }
    return new SearchResults(index, ranking.top(options.k()), took);
  }

  private KnnSearch knn(String field, float[] vector, int k, int numCandidates, List<Query> filter, SimilarityQuery options,
      boolean bestSegment) {
    return KnnSearch.of(b -> {
      b.field(field).queryVector(Vectors.asList(vector)).k(k).numCandidates(numCandidates).filter(filter);
      if (options.minScore() != null) {
        // For dot_product the kNN "similarity" threshold is the raw dot product: the cosine here.
        b.similarity(options.minScore().floatValue());
      }
      if (options.rescoreOversample() != null) {
        b.rescoreVector(r -> r.oversample(options.rescoreOversample()));
      }
      if (bestSegment) {
        // The parent's score is its best segment's; the inner hit says which segment (its start).
        b.innerHits(h -> h.name(TrackIndexSchema.SEGMENTS).size(1));
      }
      return b;
    });
  }

  /** The start (seconds) of the best-matching segment of a nested kNN hit. */
  private static double segmentAt(Hit<Map> hit) {
    InnerHitsResult inner = hit.innerHits().get(TrackIndexSchema.SEGMENTS);
    if (inner == null || inner.hits().hits().isEmpty() || inner.hits().hits().get(0).source() == null) {
      throw new SearchException("segment kNN hit " + hit.id() + " came back without its matching segment");
    }
    return inner.hits().hits().get(0).source().toJson().asJsonObject().getJsonNumber(TrackIndexSchema.SEGMENT_AT).doubleValue();
  }

  /**
   * A failed search in the user's words: a missing index says how to fill it; a 400 is checked
   * for its likely cause, a query embedded by another model; otherwise the failure as it came.
   */
  private RuntimeException explained(int status, ErrorCause error, QueryTrack query, ElasticsearchException cause) {
    if (status == 404 && "index_not_found_exception".equals(error.type())) {
      return new SearchException("index '" + index + "' does not exist at " + connection.url()
          + ": export tracks into it first with 'soundalike index --input tracks.jsonl'", cause);
    }
    if (status == 400) {
      // Elasticsearch's own text ("all shards failed") does not say why: check the likely cause.
      int indexDimensions = new TrackIndices(connection).dimensions(index);
      if (indexDimensions != query.embedding().length) {
        return new SearchException(dimensionMismatch(query.embedding().length, indexDimensions), cause);
      }
    }
    return cause != null ? cause : new SearchException("search in " + index + " failed: " + error.type() + ": " + error.reason());
  }

  private static Set<String> predicted(QueryTrack query) {
    return new LinkedHashSet<>(TrackDocument.predictedTags(query.scores(), TrackIndexSchema.DEFAULT_PREDICTED_TAG_THRESHOLD));
  }

  /**
   * A query embedded by another model than the one that built the index (a dashboard or
   * {@code search --like-file} given the wrong {@code --run}): say so, instead of passing on
   * Elasticsearch's "failed to create query".
   */
  private String dimensionMismatch(int queryDimensions, int indexDimensions) {
    return "the query embedding has " + queryDimensions + " dimensions but index '" + index + "' holds "
        + indexDimensions + "-dimensional embeddings: the query was embedded with another "
        + "model than the one that built the index. Search with the run whose tracks are indexed (its id is in the "
        + "index's provenance), or export this run's tracks with 'soundalike index'.";
  }

  /** The index's track count, asked at most once a minute; 0 when it cannot be counted. */
  private synchronized long indexedTracks() {
    long now = System.nanoTime();
    if (indexedTracks < 0 || now - countedAtNanos > COUNT_TTL_NANOS) {
      try {
        indexedTracks = new TrackIndices(connection).count(index);
      } catch (SearchException e) {
        // A missing index or an unreachable server: the search itself says so, in its own words.
        indexedTracks = 0;
      }
      countedAtNanos = now;
    }
    return indexedTracks;
  }

  private static List<Query> filter(QueryTrack query, SimilarityQuery options) {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    String[] fields = options.tagSource().fields();
    for (String tag : options.mustHaveTags()) {
      bool.filter(f -> f.bool(any -> {
        for (String field : fields) {
          any.should(s -> s.term(t -> t.field(field).value(FieldValue.of(tag))));
        }
        return any.minimumShouldMatch("1");
      }));
    }
    for (String tag : options.mustNotHaveTags()) {
      for (String field : fields) {
        bool.mustNot(m -> m.term(t -> t.field(field).value(FieldValue.of(tag))));
      }
    }
    if (query.id() != null) {
      bool.mustNot(m -> m.ids(i -> i.values(query.id())));
    }
    BoolQuery built = bool.build();
    boolean empty = built.filter().isEmpty() && built.mustNot().isEmpty();
    return empty ? List.of() : List.of(Query.of(q -> q.bool(built)));
  }

  private static SimilarHit explain(Hit<Map> hit, QueryTrack query, Set<String> queryPredicted) {
    Map<?, ?> source = hit.source() == null ? Map.of() : hit.source();
    List<String> tags = strings(source.get(TrackIndexSchema.TAGS));
    Map<String, Double> scores = scores(source.get(TrackIndexSchema.TAG_SCORES));
    List<String> predictedTags = strings(source.get(TrackIndexSchema.PREDICTED_TAGS));
    List<TagScore> top = scores.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(PREDICTED_TAGS_SHOWN)
        .map(e -> new TagScore(e.getKey(), e.getValue()))
        .toList();
    List<String> shared = query.tags().stream().filter(tags::contains).toList();
    List<String> sharedPredicted = predictedTags.stream().filter(queryPredicted::contains).toList();
    Object duration = source.get(TrackIndexSchema.DURATION);
    // Elasticsearch scores dot_product hits as (1 + dot) / 2 to keep scores positive; undo it.
    double cosine = 2 * hit.score() - 1;
    return new SimilarHit(hit.id(), cosine, tags, top, shared, sharedPredicted,
        (String) source.get(TrackIndexSchema.TITLE), (String) source.get(TrackIndexSchema.PATH),
        duration instanceof Number n ? n.doubleValue() : null);
  }

  private static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(v -> out.add(String.valueOf(v)));
    } else if (value != null) {
      out.add(String.valueOf(value));
    }
    return out;
  }

  private static Map<String, Double> scores(Object value) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        if (v instanceof Number n) {
          out.put(String.valueOf(k), n.doubleValue());
        }
      });
    }
    return out;
  }
}
