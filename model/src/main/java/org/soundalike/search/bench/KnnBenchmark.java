package org.soundalike.search.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.dataset.TrackSegment;
import org.soundalike.progress.Progress;
import org.soundalike.search.BulkWriter;
import org.soundalike.search.EsConnection;
import org.soundalike.search.Provenance;
import org.soundalike.search.QueryTrack;
import org.soundalike.search.RetryPolicy;
import org.soundalike.search.SearchResults;
import org.soundalike.search.SimilarHit;
import org.soundalike.search.SimilarityQuery;
import org.soundalike.search.TagSource;
import org.soundalike.search.TrackDocument;
import org.soundalike.search.TrackIndexSchema;
import org.soundalike.search.TrackIndices;
import org.soundalike.search.TrackSearch;
import org.soundalike.search.VectorIndexOptions;

/**
 * {@code soundalike bench knn}: for each index type, bulk-index generated clustered vectors through
 * the production path ({@link BulkWriter}), force-merge to one segment, then run the queries
 * through {@link TrackSearch} with and without a tag filter at several num_candidates, timing them
 * on the client and reading Elasticsearch's own {@code took}, and comparing the ids with exact
 * brute force on the same vectors (recall@k).
 *
 * <p>With {@code segmentsPerTrack} > 0 every track also carries that many nested segment vectors
 * (around its own vector, {@link SegmentVectors}), and segment searches are timed too: one query
 * segment (recall@k against the tracks ranked by their best segment) and a clip of
 * {@code querySegments} segments (one multi-search, the latency an upload sees).
 */
public final class KnnBenchmark {

  /** What to measure. {@code rescoreAtQuery} lists the query-time oversample values tried on quantised types (0 = none). */
  public record Plan(int tracks, int dims, int clusters, double spread, int queries, int warmup, int k,
      List<VectorIndexOptions> indexOptions, List<Integer> numCandidates, List<Float> rescoreAtQuery, int batchSize, int bulkRequests,
      long seed, boolean keepIndices, int segmentsPerTrack, double segmentSpread, int querySegments) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILTER_TAG = ClusteredVectors.tag(0);

  private final EsConnection connection;
  private final Plan plan;

  public KnnBenchmark(EsConnection connection, Plan plan) {
    this.connection = connection;
    this.plan = plan;
  }

  public ObjectNode run() {
    ClusteredVectors generator = new ClusteredVectors(plan.dims(), plan.clusters(), plan.spread(), plan.seed());
    float[][] vectors = new float[plan.tracks()][];
    List<List<String>> tags = new ArrayList<>(plan.tracks());
    for (int i = 0; i < plan.tracks(); i++) {
      ClusteredVectors.Sample s = generator.next();
      vectors[i] = s.vector();
      tags.add(s.tags());
    }
    float[][] queries = new float[plan.queries() + plan.warmup()][];
    for (int q = 0; q < queries.length; q++) {
      queries[q] = generator.next().vector();
    }
    float[][][] segments = new float[plan.segmentsPerTrack() > 0 ? vectors.length : 0][][];
    for (int i = 0; i < segments.length; i++) {
      segments[i] = SegmentVectors.around(vectors[i], plan.segmentsPerTrack(), plan.segmentSpread(), plan.seed() + i);
    }
    float[][][] clips = new float[segments.length > 0 ? queries.length : 0][][];
    for (int q = 0; q < clips.length; q++) {
      clips[q] = SegmentVectors.around(queries[q], plan.querySegments(), plan.segmentSpread(), -plan.seed() - q - 1);
    }
    CompletableFuture<int[][]> exactSegments = CompletableFuture.supplyAsync(
        () -> SegmentVectors.topTracks(segments, java.util.Arrays.stream(clips).map(c -> c[0]).toArray(float[][]::new), plan.k()));
    IntPredicate tagged = i -> tags.get(i).contains(FILTER_TAG);
    long filteredCount = IntStream.range(0, vectors.length).filter(tagged).count();
    // The brute-force ground truth runs while the first index is being built (both are CPU-bound,
    // but the server spends much of the bulk load waiting on I/O and merges).
    System.err.println("bench knn: exact top-" + plan.k() + " by brute force for " + queries.length + " queries, in the background");
    CompletableFuture<int[][]> exact = CompletableFuture.supplyAsync(() -> ExactKnn.topK(vectors, queries, plan.k(), i -> true));
    CompletableFuture<int[][]> exactFiltered = CompletableFuture.supplyAsync(() -> ExactKnn.topK(vectors, queries, plan.k(), tagged));

    ObjectNode out = JSON.createObjectNode();
    out.put("benchmark", "knn").put("date", Instant.now().toString()).put("es_url", connection.url().toString());
    out.put("tracks", plan.tracks()).put("dims", plan.dims()).put("clusters", plan.clusters()).put("spread", plan.spread());
    out.put("queries", plan.queries()).put("warmup_queries", plan.warmup()).put("k", plan.k());
    out.put("filter", "tag " + FILTER_TAG + " (" + String.format("%.1f", 100.0 * filteredCount / vectors.length) + " % of tracks)");
    out.put("processors", Runtime.getRuntime().availableProcessors());
    out.put("segments_per_track", plan.segmentsPerTrack()).put("segment_spread", plan.segmentSpread())
        .put("query_segments", plan.querySegments());
    out.put("load_average_at_start", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    ArrayNode indices = out.putArray("indices");
    for (VectorIndexOptions options : plan.indexOptions()) {
      indices.add(measure(options, vectors, tags, segments, queries, clips, exact, exactFiltered, exactSegments));
    }
    return out;
  }

  private ObjectNode measure(VectorIndexOptions options, float[][] vectors, List<List<String>> tags, float[][][] segments,
      float[][] queries, float[][][] clips, CompletableFuture<int[][]> exact, CompletableFuture<int[][]> exactFiltered,
      CompletableFuture<int[][]> exactSegments) {
    TrackIndices indices = new TrackIndices(connection);
    String index = "bench-knn-" + options.label().replaceAll("[^a-z0-9]+", "-");
    if (indices.exists(index)) {
      indices.delete(index);
    }
    TrackIndexSchema schema = TrackIndexSchema.DEFAULT.withDimensions(plan.dims()).withVectorOptions(options);
    indices.create(index, schema, JSON.createObjectNode().put("benchmark", "knn"));
    ObjectNode row = JSON.createObjectNode();
    row.put("index_options", options.label()).put("m", options.m()).put("ef_construction", options.efConstruction());
    row.put("bulk_requests_in_flight", plan.bulkRequests());

    Provenance provenance = new Provenance("bench", "generated", "", Instant.now());
    BulkWriter writer = new BulkWriter(connection, index, schema, RetryPolicy.DEFAULT);
    indices.buildMode(index, true);
    long start = System.nanoTime();
    try (Progress progress = new Progress("bench knn: index " + options.label(), "docs", vectors.length);
        BulkRequestsInFlight inFlight = new BulkRequestsInFlight(plan.bulkRequests())) {
      List<BulkWriter.Item> batch = new ArrayList<>(plan.batchSize());
      for (int i = 0; i < vectors.length; i++) {
        EmbeddedTrack track = new EmbeddedTrack(Integer.toString(i), tags.get(i), vectors[i], Map.of());
        if (segments.length > 0) {
          track = track.withSegments(segmentsOf(segments[i]));
        }
        batch.add(new BulkWriter.Item(i + 1, TrackDocument.of(track, provenance)));
        if (batch.size() == plan.batchSize() || i == vectors.length - 1) {
          List<BulkWriter.Item> full = batch;
          inFlight.submit(() -> {
            if (!writer.write(full).isEmpty()) {
              throw new IllegalStateException("the benchmark's generated vectors were rejected by " + index);
            }
            progress.advance(full.size());
          });
          batch = new ArrayList<>(plan.batchSize());
        }
      }
    }
    indices.buildMode(index, false);
    indices.refresh(index);
    double indexSeconds = (System.nanoTime() - start) / 1e9;
    row.put("bulk_docs_per_s", Math.round(vectors.length / indexSeconds));
    long mergeStart = System.nanoTime();
    indices.forceMerge(index);
    row.put("force_merge_s", round((System.nanoTime() - mergeStart) / 1e9));
    long storeBytes = connection.getJson("/" + index + "/_stats/store").path("_all").path("total").path("store").path("size_in_bytes").asLong();
    row.put("store_mb", round(storeBytes / 1e6)).put("store_kb_per_track", round(storeBytes / 1e3 / vectors.length));

    ArrayNode results = row.putArray("queries");
    List<Float> rescores = options.type().quantized() && options.rescoreOversample() == 0 ? plan.rescoreAtQuery() : Collections.singletonList(null);
    TrackSearch search = new TrackSearch(connection, index);
    for (Float rescore : rescores) {
      for (int candidates : plan.numCandidates()) {
        for (boolean filtered : List.of(false, true)) {
          SimilarityQuery query = SimilarityQuery.top(plan.k()).withNumCandidates(candidates).withRescoreOversample(rescore);
          if (filtered) {
            query = query.withTags(List.of(FILTER_TAG), List.of()).withTagSource(TagSource.HUMAN);
          }
          results.add(queries(search, query, queries, (filtered ? exactFiltered : exact).join(), rescore, candidates, filtered));
        }
      }
    }
    if (segments.length > 0) {
      ArrayNode segmentResults = row.putArray("segment_queries");
      for (int candidates : plan.numCandidates()) {
        SimilarityQuery query = SimilarityQuery.top(plan.k()).withNumCandidates(candidates);
        segmentResults.add(segmentQueries(search, query, queries, clips, 1, exactSegments.join(), candidates));
        segmentResults.add(segmentQueries(search, query, queries, clips, plan.querySegments(), null, candidates));
      }
    }
    if (!plan.keepIndices()) {
      indices.delete(index);
    }
    row.put("heap_used_mb", round(connection.getJson("/_nodes/stats/jvm").path("nodes").elements().next()
        .path("jvm").path("mem").path("heap_used_in_bytes").asLong() / 1e6));
    return row;
  }

  private ObjectNode queries(TrackSearch search, SimilarityQuery query, float[][] queries, int[][] exact, Float rescore,
      int candidates, boolean filtered) {
    for (int q = 0; q < plan.warmup(); q++) {
      search.searchByVector(QueryTrack.ofVector(queries[q]), query);
    }
    int n = plan.queries();
    double[] client = new double[n];
    double[] took = new double[n];
    double recall = 0;
    for (int j = 0; j < n; j++) {
      int q = plan.warmup() + j;
      long t0 = System.nanoTime();
      SearchResults results = search.searchByVector(QueryTrack.ofVector(queries[q]), query);
      client[j] = (System.nanoTime() - t0) / 1e6;
      took[j] = results.tookMillis();
      List<Integer> ids = results.hits().stream().map(SimilarHit::id).map(Integer::valueOf).toList();
      recall += ExactKnn.recall(ids, exact[q]);
    }
    Latencies c = new Latencies(client);
    Latencies t = new Latencies(took);
    ObjectNode r = JSON.createObjectNode();
    r.put("num_candidates", candidates).put("filtered", filtered);
    if (rescore != null) {
      r.put("query_rescore_oversample", rescore);
    }
    r.put("recall_at_k", round4(recall / n));
    r.put("client_p50_ms", round(c.percentile(50))).put("client_p99_ms", round(c.percentile(99)));
    r.put("took_p50_ms", round(t.percentile(50))).put("took_p99_ms", round(t.percentile(99)));
    System.err.println("bench knn: " + search.index() + " " + r);
    return r;
  }

  /** Segment searches with the first {@code used} segments of each clip; recall only against {@code exact} when given. */
  private ObjectNode segmentQueries(TrackSearch search, SimilarityQuery query, float[][] queries, float[][][] clips, int used,
      int[][] exact, int candidates) {
    java.util.function.IntFunction<QueryTrack> clip = q -> new QueryTrack(null, queries[q], List.of(), Map.of(),
        segmentsOf(java.util.Arrays.copyOf(clips[q], used)));
    for (int q = 0; q < plan.warmup(); q++) {
      search.searchBySegments(clip.apply(q), query);
    }
    int n = plan.queries();
    double[] client = new double[n];
    double[] took = new double[n];
    double recall = 0;
    for (int j = 0; j < n; j++) {
      int q = plan.warmup() + j;
      long t0 = System.nanoTime();
      SearchResults results = search.searchBySegments(clip.apply(q), query);
      client[j] = (System.nanoTime() - t0) / 1e6;
      took[j] = results.tookMillis();
      if (exact != null) {
        recall += ExactKnn.recall(results.hits().stream().map(SimilarHit::id).map(Integer::valueOf).toList(), exact[q]);
      }
    }
    Latencies c = new Latencies(client);
    Latencies t = new Latencies(took);
    ObjectNode r = JSON.createObjectNode();
    r.put("num_candidates", candidates).put("query_segments", used);
    if (exact != null) {
      r.put("recall_at_k", round4(recall / n));
    }
    r.put("client_p50_ms", round(c.percentile(50))).put("client_p99_ms", round(c.percentile(99)));
    r.put("took_p50_ms", round(t.percentile(50))).put("took_p99_ms", round(t.percentile(99)));
    System.err.println("bench knn: " + search.index() + " segments " + r);
    return r;
  }

  /** Segment vectors as track segments, one every 5 s (the start only labels them). */
  private static List<TrackSegment> segmentsOf(float[][] vectors) {
    List<TrackSegment> out = new ArrayList<>(vectors.length);
    for (int s = 0; s < vectors.length; s++) {
      out.add(new TrackSegment(5.0 * s, vectors[s]));
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double round4(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
