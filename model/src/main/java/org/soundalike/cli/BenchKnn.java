package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.soundalike.search.EsConnection;
import org.soundalike.search.SearchException;
import org.soundalike.search.VectorIndexOptions;
import org.soundalike.search.VectorIndexType;
import org.soundalike.search.bench.KnnBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code soundalike bench knn}: Elasticsearch kNN speed and recall on generated clustered vectors. */
@Command(
    name = "knn",
    mixinStandardHelpOptions = true,
    description = {
      "Bulk-index generated clustered unit vectors into hnsw, int8_hnsw and bbq_hnsw indices, force-merge,",
      "then time >= 1,000 kNN queries (client side and Elasticsearch's 'took') with and without a tag filter,",
      "and measure recall@k against exact brute force. Prints JSON. Needs a running server ('soundalike es start';",
      "heap 2g for 1,000,000 tracks)."
    })
public final class BenchKnn implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--tracks", defaultValue = "10000", description = "Indexed vectors (10000, 100000, 1000000; default: ${DEFAULT-VALUE}).")
  int tracks;

  @Option(names = "--dims", defaultValue = "512", description = "Vector dimensions (default: ${DEFAULT-VALUE}).")
  int dims;

  @Option(names = "--queries", defaultValue = "1000", description = "Timed queries per configuration (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(names = "--warmup", defaultValue = "100", description = "Untimed queries first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--clusters", description = "Cluster centres of the generated vectors (default: one per 1,000 tracks, at least 100: "
      + "the same density at every size; see docs/benchmarks/search.md for why it matters).")
  Integer clusters;

  @Option(names = "--spread", defaultValue = "1.0", description = "Noise length relative to a unit centre (default: ${DEFAULT-VALUE}).")
  double spread;

  @Option(names = "--num-candidates", split = ",", defaultValue = "50,100,200", description = "num_candidates values (default: ${DEFAULT-VALUE}).")
  List<Integer> numCandidates;

  @Option(names = "--types", split = ",", defaultValue = "hnsw,int8_hnsw,bbq_hnsw", description = "Index types (default: ${DEFAULT-VALUE}); int8_hnsw is queried without and with rescoring ×3, bbq_hnsw rescores ×3.")
  List<String> types;

  @Option(names = "--bulk-requests", defaultValue = "1", description = "Bulk requests in flight while indexing (default: ${DEFAULT-VALUE}, as 'soundalike index'; 2 keeps both cores busy on a 2-core machine).")
  int bulkRequests;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON here.")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated vectors (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--keep", description = "Keep the bench-knn-* indices afterwards (to profile queries by hand).")
  boolean keep;

  @Option(names = "--segments", defaultValue = "0",
      description = "Nested segment vectors per track, 0 = track vectors only (default: ${DEFAULT-VALUE}); segment searches are timed too.")
  int segments;

  @Option(names = "--segment-spread", defaultValue = "0.5", description = "Noise length of a segment around its track's vector (default: ${DEFAULT-VALUE}).")
  double segmentSpread;

  @Option(names = "--query-segments", defaultValue = "3",
      description = "Segments of a clip query, one kNN each in one multi-search (default: ${DEFAULT-VALUE}: a 20 s clip).")
  int querySegments;

  @Mixin EsOptions es;

  @Override
  public Integer call() throws IOException {
    List<VectorIndexOptions> options = new ArrayList<>();
    for (String t : types) {
      VectorIndexType type = VectorIndexType.fromEsName(t);
      // bbq keeps too little of the vector to rank without rescoring; int8 is rescored at query time.
      options.add(VectorIndexOptions.of(type, type == VectorIndexType.BBQ_HNSW ? 3f : 0f));
    }
    int centres = clusters != null ? clusters : Math.max(100, tracks / 1000);
    KnnBenchmark.Plan plan = new KnnBenchmark.Plan(tracks, dims, centres, spread, queries, warmup, 10, options, numCandidates,
        Arrays.asList(null, 3f), segments > 0 ? 50 : 500, bulkRequests, seed, keep, segments, segmentSpread, querySegments);
    ObjectNode result;
    try (EsConnection connection = es.open()) {
      result = new KnnBenchmark(connection, plan).run();
    } catch (SearchException e) {
      System.err.println("soundalike bench knn: " + e.getMessage());
      return 2;
    }
    String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result);
    System.out.println(json);
    if (out != null) {
      Files.writeString(out, json + System.lineSeparator());
    }
    return 0;
  }
}
