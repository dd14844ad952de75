package org.soundalike.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.onnx.OnnxExportException;

/**
 * Writes an untrained export in a child JVM ({@code soundalike export-onnx}). Exporting needs
 * ND4J (the weights are ND4J arrays); running it in a child keeps ND4J's natives and OpenMP
 * threads out of the benchmark's JVM, so ONNX Runtime is measured alone there
 * (docs/benchmarks/serve.md).
 */
final class IsolatedExport {

  private IsolatedExport() {}

  static Path untrained(SampleCnnConfig config, Path out) throws IOException, InterruptedException {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-cp", System.getProperty("java.class.path"), SoundAlike.class.getName(),
        "export-onnx", "--config", config.name(), "--seed", "1", "--out", out.toString());
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (child.waitFor() != 0) {
      throw new OnnxExportException("the export of an untrained " + config.name() + " network into " + out
          + " failed in its child JVM:\n" + output);
    }
    return out;
  }
}
