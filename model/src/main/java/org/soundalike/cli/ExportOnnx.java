package org.soundalike.cli;

import org.soundalike.run.CodeVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.onnx.RunOnnxExport;
import org.soundalike.onnx.UntrainedExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code soundalike export-onnx}: the inference network as one ONNX file. */
@Command(
    name = "export-onnx",
    mixinStandardHelpOptions = true,
    description = {
      "Write the network (encoder with batch norm folded, embedding, tag head) as an ONNX graph:",
      "input audio [batch,1,59049], outputs embedding [batch,D] and tag_probabilities [batch,T].",
      "--run RUN: a trained run's best (else last) checkpoint, its tag vocabulary and provenance;",
      "  default --out: the export cached next to the run (RUN/model.onnx), also used by 'embed'.",
      "--config/--seed [--tags]: a freshly initialised network (benchmarks), --out required."
    })
public final class ExportOnnx implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--run", description = "training run folder to export (excludes --config, --seed, --tags)")
  Path run;

  @Option(names = "--config", description = "untrained: paper or compact (default: paper)")
  String config;

  @Option(names = "--seed", description = "untrained: initialisation seed (default: 1)")
  Long seed;

  @Option(names = "--tags", description = "untrained: file with the tag vocabulary, one tag per line (default: tag0..tag49)")
  Path tags;

  @Option(names = "--out", description = "the .onnx file to write (default with --run: RUN/model.onnx)")
  Path out;

  @Override
  public Integer call() throws Exception {
    return run != null ? exportRun() : exportUntrained();
  }

  private int exportRun() {
    if (config != null || seed != null || tags != null) {
      throw new ParameterException(spec.commandLine(), "--run excludes --config, --seed and --tags (the run has them)");
    }
    Path written = out == null ? RunOnnxExport.ensure(run) : RunOnnxExport.write(run, out);
    spec.commandLine().getOut().println(written + " (" + size(written) + " bytes, run " + run + ")");
    return 0;
  }

  private int exportUntrained() throws Exception {
    if (out == null) {
      throw new ParameterException(spec.commandLine(), "an untrained export (no --run) needs --out");
    }
    String name = config == null ? "paper" : config;
    long initialisation = seed == null ? 1 : seed;
    List<String> vocabulary = tags == null
        ? List.of()
        : Files.readAllLines(tags).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    Path written = UntrainedExport.write(SampleCnnConfig.named(name), initialisation, vocabulary, CodeVersion.current(), out);
    spec.commandLine().getOut().println(
        written + " (" + size(written) + " bytes, untrained " + name + " network, seed " + initialisation + ")");
    return 0;
  }

  private static long size(Path file) {
    return file.toFile().length();
  }
}
