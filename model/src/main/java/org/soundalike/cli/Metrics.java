package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.soundalike.dataset.CatalogException;
import org.soundalike.dataset.EmbeddedTrackJsonl;
import org.soundalike.eval.EvaluationException;
import org.soundalike.eval.EvaluationResult;
import org.soundalike.eval.EvaluationSet;
import org.soundalike.eval.MetricsEvaluator;
import org.soundalike.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code soundalike metrics --input tracks.jsonl}: the paper's ten metrics (× 100) as one JSON object. */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = {
      "Computes R@1,2,4,8, M@1,4,7,10, macro ROC-AUC and PR-AUC (x100) of embedded tracks, as the paper does.",
      "Input: JSON lines {\"id\", \"tags\", \"embedding\", \"scores\"}; the tag vocabulary is the union of the 'scores' keys.",
      "Output: {\"tracks\", \"queries\", \"R@1\", ..., \"M@10\", \"ROC-AUC\", \"PR-AUC\", \"excludedTags\"}."
    })
public final class Metrics implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, description = "JSON-lines file of embedded tracks (embeddings L2-normalised).")
  Path input;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    EvaluationResult result;
    try {
      EvaluationSet set = EvaluationSet.of(EmbeddedTrackJsonl.read(input));
      try (Progress progress = new Progress("retrieval", "queries", set.tracksWithTags().length)) {
        result = MetricsEvaluator.withDefaults().evaluate(set, progress::advance);
      }
    } catch (CatalogException | EvaluationException e) {
      err.println("soundalike metrics: " + e.getMessage());
      err.flush();
      return 1;
    } catch (IOException e) {
      err.println("soundalike metrics: cannot read " + input + ": " + e);
      err.flush();
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(JSON.writeValueAsString(toJson(result)));
    out.flush();
    return 0;
  }

  static ObjectNode toJson(EvaluationResult result) {
    ObjectNode node = JSON.createObjectNode();
    node.put("tracks", result.tracks());
    node.put("queries", result.retrieval().queries());
    for (Map.Entry<String, Double> e : result.table().entrySet()) {
      // NaN (every tag excluded from the AUCs) is not JSON: it becomes null.
      if (e.getValue().isNaN()) {
        node.putNull(e.getKey());
      } else {
        node.put(e.getKey(), e.getValue());
      }
    }
    ArrayNode excluded = node.putArray("excludedTags");
    result.auc().excludedTags().forEach(excluded::add);
    return node;
  }
}
