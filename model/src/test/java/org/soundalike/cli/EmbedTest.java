package org.soundalike.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.train.TinyRun;
import picocli.CommandLine;
import org.soundalike.run.RunFolder;

/** {@code soundalike embed --engine onnx|nd4j}: both engines embed a file alike; ONNX caches the run's export. */
class EmbedTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path run;
  static Path track;

  @BeforeAll
  static void trainOnce() throws Exception {
    run = TinyRun.train(dir);
    track = dir.resolve("corpus/test/t8.wav");
  }

  private static JsonNode embed(String... options) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new SoundAlike());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] args = new String[options.length + 4];
    args[0] = "embed";
    args[1] = "--run";
    args[2] = run.toString();
    System.arraycopy(options, 0, args, 3, options.length);
    args[args.length - 1] = track.toString();
    int code = cli.execute(args);
    assertThat(code).as(err.toString()).isZero();
    return JSON.readTree(out.toString().strip());
  }

  @Test
  void bothEnginesGiveTheSameEmbeddingAndOnnxCachesTheExport() throws Exception {
    JsonNode nd4j = embed("--engine", "nd4j");
    assertThat(run.resolve(RunFolder.MODEL_ONNX)).doesNotExist();

    JsonNode ort = embed("--engine", "onnx", "--threads", "1");

    assertThat(run.resolve(RunFolder.MODEL_ONNX)).isRegularFile();
    assertThat(ort.get("embedding")).hasSize(nd4j.get("embedding").size());
    double dot = 0;
    for (int i = 0; i < ort.get("embedding").size(); i++) {
      dot += ort.get("embedding").get(i).asDouble() * nd4j.get("embedding").get(i).asDouble();
    }
    // Both are unit vectors: the dot product is their cosine.
    assertThat(dot).isGreaterThanOrEqualTo(0.9999);
    ort.get("scores").fields().forEachRemaining(score ->
        assertThat(score.getValue().asDouble()).isCloseTo(nd4j.get("scores").get(score.getKey()).asDouble(), within(1e-4)));
  }
}
