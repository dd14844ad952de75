package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.soundalike.eval.BlockedScalarKernel;
import org.soundalike.eval.EvaluationSet;
import org.soundalike.eval.ExactRetrieval;
import org.soundalike.eval.InnerProductKernel;
import org.soundalike.eval.InnerProductKernels;
import org.soundalike.eval.MacroAuc;
import org.soundalike.eval.QueryBootstrap;
import org.soundalike.eval.RetrievalMetrics;
import org.soundalike.eval.RetrievalResult;
import org.soundalike.eval.SyntheticEvaluationSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code soundalike bench metrics}: time of the retrieval metrics and of the AUCs on random tracks. */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = "Times exact retrieval + R@K/M@K, the macro AUCs and the bootstrap on random unit vectors; prints JSON.")
public final class BenchMetrics implements Callable<Integer> {

  @Option(names = "--tracks", split = ",", defaultValue = "5000,50000", description = "Set sizes (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(names = "--dim", defaultValue = "512", description = "Embedding dimension (default: ${DEFAULT-VALUE}).")
  int dim;

  @Option(names = "--tags", defaultValue = "50", description = "Tag vocabulary size (default: ${DEFAULT-VALUE}).")
  int tags;

  @Option(names = "--threads", description = "Retrieval threads (default: every core).")
  Integer threads;

  @Option(names = "--kernel", defaultValue = "fastest", description = "fastest or scalar (default: ${DEFAULT-VALUE}).")
  String kernelName;

  @Option(names = "--repeats", defaultValue = "3", description = "Timed runs per size; the JSON gives each (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    InnerProductKernel kernel = switch (kernelName) {
      case "fastest" -> InnerProductKernels.fastest();
      case "scalar" -> new BlockedScalarKernel();
      default -> throw new IllegalArgumentException("--kernel must be fastest or scalar, got " + kernelName);
    };
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    RetrievalMetrics retrieval = new RetrievalMetrics(new ExactRetrieval(kernel, workers));
    // Warm-up so that the timed runs measure compiled code, not the JIT.
    retrieval.evaluate(SyntheticEvaluationSet.generate(1500, dim, tags, seed + 1));
    MacroAuc.of(SyntheticEvaluationSet.generate(1500, dim, tags, seed + 2));

    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode report = json.createObjectNode();
    report.put("kernel", kernel.name());
    report.put("threads", workers);
    report.put("cores", Runtime.getRuntime().availableProcessors());
    report.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    report.put("dim", dim);
    report.put("tags", tags);
    ArrayNode runs = report.putArray("runs");
    for (int size : sizes) {
      EvaluationSet set = SyntheticEvaluationSet.generate(size, dim, tags, seed);
      ObjectNode run = runs.addObject();
      run.put("tracks", size);
      ArrayNode retrievalSeconds = run.putArray("retrievalSeconds");
      ArrayNode aucSeconds = run.putArray("aucSeconds");
      RetrievalResult result = null;
      for (int r = 0; r < repeats; r++) {
        long start = System.nanoTime();
        result = retrieval.evaluate(set);
        retrievalSeconds.add(seconds(start));
        start = System.nanoTime();
        MacroAuc.of(set);
        aucSeconds.add(seconds(start));
      }
      int queries = result.queries();
      run.put("queries", queries);
      double best = Double.POSITIVE_INFINITY;
      for (var s : retrievalSeconds) {
        best = Math.min(best, s.asDouble());
      }
      // Each pair is computed once: Q²/2 inner products of 2·D flops, over the whole retrieval time.
      run.put("innerProductGflopsAtBest", 1.0 * queries * queries * dim / best / 1e9);
      long start = System.nanoTime();
      result.intervalsPercent(QueryBootstrap.standard(seed));
      run.put("bootstrap1000Seconds", seconds(start));
      run.set("metrics", json.valueToTree(result.percentages()));
      System.err.println("bench metrics: " + size + " tracks done");
    }
    System.out.println(json.writeValueAsString(report));
    return 0;
  }

  private static double seconds(long startNanos) {
    return Math.round((System.nanoTime() - startNanos) / 1e6) / 1e3;
  }
}
