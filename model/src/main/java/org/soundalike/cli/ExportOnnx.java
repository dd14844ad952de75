package org.soundalike.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.onnx.UntrainedExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code soundalike export-onnx}: the inference network as one ONNX file. */
@Command(
    name = "export-onnx",
    mixinStandardHelpOptions = true,
    description = {
      "Write the network (encoder with batch norm folded, embedding, tag head) as an ONNX graph:",
      "input audio [batch,1,59049], outputs embedding [batch,D] and tag_probabilities [batch,T].",
      "Until training runs exist this exports a freshly initialised network (--config, --seed)."
    })
public final class ExportOnnx implements Callable<Integer> {

  @Option(names = "--config", defaultValue = "paper", description = "paper or compact (default: ${DEFAULT-VALUE})")
  String config;

  @Option(names = "--seed", defaultValue = "1", description = "initialisation seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--tags", description = "file with the tag vocabulary, one tag per line (default: tag0..tag49)")
  Path tags;

  @Option(names = "--out", required = true, description = "the .onnx file to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    List<String> vocabulary = tags == null
        ? List.of()
        : Files.readAllLines(tags).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    Path written = UntrainedExport.write(SampleCnnConfig.named(config), seed, vocabulary, CodeVersion.current(), out);
    System.out.println(written + " (" + Files.size(written) + " bytes, untrained " + config + " network, seed " + seed + ")");
    return 0;
  }
}
