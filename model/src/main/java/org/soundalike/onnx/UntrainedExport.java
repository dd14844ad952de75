package org.soundalike.onnx;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.SampleCnnConfig;

/**
 * Exports a freshly initialised network (config + seed): what benchmarks and tests serve until a
 * trained run exists. Its provenance says so ({@code soundalike.source = untrained}).
 */
public final class UntrainedExport {

  private UntrainedExport() {}

  /**
   * @param tags the vocabulary; empty = placeholders {@code tag0 … tag49}
   * @param codeVersion the build that wrote the file
   */
  public static Path write(SampleCnnConfig config, long seed, List<String> tags, String codeVersion, Path out) {
    List<String> vocabulary = tags.isEmpty() ? placeholderTags(config.tags()) : tags;
    NetworkParameters parameters =
        NetworkParameters.initialize(config.withTags(vocabulary.size()), DataType.FLOAT, seed);
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("soundalike.source", "untrained");
    provenance.put("soundalike.seed", Long.toString(seed));
    provenance.put("soundalike.code_version", codeVersion);
    provenance.put("soundalike.exported_at", Instant.now().toString());
    return OnnxExport.write(parameters, vocabulary, provenance, out);
  }

  /** {@code tag0 … tag<count-1>}: the vocabulary of a network not trained on a dataset. */
  public static List<String> placeholderTags(int count) {
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tags.add("tag" + i);
    }
    return tags;
  }
}
