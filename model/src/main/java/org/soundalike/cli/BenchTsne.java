package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.soundalike.eval.EmbeddingMatrix;
import org.soundalike.eval.SyntheticEvaluationSet;
import org.soundalike.eval.Tsne;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code soundalike bench tsne}: time of the exact t-SNE map on random unit vectors. */
@Command(
    name = "tsne",
    mixinStandardHelpOptions = true,
    description = "Times t-SNE (1,000 iterations, perplexity 30; Barnes-Hut or exact) on random 512-d unit vectors; prints JSON.")
public final class BenchTsne implements Callable<Integer> {

  @Option(names = "--points", split = ",", defaultValue = "500,2000", description = "Point counts (default: ${DEFAULT-VALUE}).")
  List<Integer> points;

  @Option(names = "--dim", defaultValue = "512", description = "Input dimension (default: ${DEFAULT-VALUE}).")
  int dim;

  @Option(names = "--theta", defaultValue = "0.5", description = "Barnes-Hut angle, 0 for exact t-SNE (default: ${DEFAULT-VALUE}).")
  double theta;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    Tsne.Config defaults = Tsne.Config.defaults(seed);
    Tsne tsne = new Tsne(new Tsne.Config(defaults.perplexity(), defaults.iterations(), seed, defaults.threads(), theta));
    tsne.embed(SyntheticEvaluationSet.generate(300, dim, 1, seed + 1).embeddings());
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode report = json.createObjectNode();
    report.put("threads", Runtime.getRuntime().availableProcessors());
    report.put("dim", dim);
    report.put("theta", theta);
    ArrayNode runs = report.putArray("runs");
    for (int n : points) {
      EmbeddingMatrix data = SyntheticEvaluationSet.generate(n, dim, 1, seed).embeddings();
      long start = System.nanoTime();
      Tsne.Result result = tsne.embed(data);
      ObjectNode run = runs.addObject();
      run.put("points", n);
      run.put("seconds", Math.round((System.nanoTime() - start) / 1e6) / 1e3);
      run.put("klDivergence", result.klDivergence());
    }
    System.out.println(json.writeValueAsString(report));
    return 0;
  }
}
