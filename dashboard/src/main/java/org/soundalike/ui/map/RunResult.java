package org.soundalike.ui.map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** One evaluated run's results.json (docs/formats.md), the fields the dashboard shows. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunResult(
    Run run, int tracks, int queries, Map<String, Double> metrics, List<String> excludedTags,
    List<TsnePoint> tsne) {

  public RunResult {
    metrics = metrics == null ? Map.of() : metrics;
    excludedTags = excludedTags == null ? List.of() : List.copyOf(excludedTags);
    tsne = tsne == null ? List.of() : List.copyOf(tsne);
  }

  /** The run's provenance: which data, variant, α, r, label fraction, seed and code produced it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Run(String runId, String dataset, String catalogFingerprint, String config, String variant,
      String techniques, Double alpha, Double r, double labelFraction, long seed, String codeVersion,
      Integer epochs, String trainedAt) {}

  /** A test track placed on the t-SNE map of the test embeddings. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TsnePoint(String id, double x, double y, List<String> tags) {
    public TsnePoint {
      tags = tags == null ? List.of() : List.copyOf(tags);
    }
  }
}
