package org.soundalike.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.audio.AudioWriter;
import picocli.CommandLine;

class InspectTest {

  private static final int RATE = 44_100;

  @TempDir Path dir;

  private final ObjectMapper json = new ObjectMapper();

  private record Run(int exitCode, List<JsonNode> lines) {}

  private Run inspect(Path... files) throws Exception {
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new SoundAlike());
    command.setOut(new PrintWriter(out));
    List<String> args = new ArrayList<>(List.of("inspect"));
    for (Path file : files) {
      args.add(file.toString());
    }
    int exit = command.execute(args.toArray(String[]::new));
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        lines.add(json.readTree(line));
      }
    }
    return new Run(exit, lines);
  }

  private static float[] tone(double seconds) {
    float[] s = new float[(int) (seconds * RATE)];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) (0.4 * Math.sin(2 * Math.PI * 440 * i / RATE));
    }
    return s;
  }

  @Test
  void aGoodFilePrintsItsFactsAndExitsZero() throws Exception {
    Path file = dir.resolve("song.ogg");
    AudioWriter.write(file, RATE, tone(6.0), tone(6.0));

    Run run = inspect(file);

    assertThat(run.exitCode()).isZero();
    assertThat(run.lines()).hasSize(1);
    JsonNode line = run.lines().get(0);
    assertThat(line.get("file").asText()).isEqualTo(file.toString());
    assertThat(line.get("ok").asBoolean()).isTrue();
    assertThat(line.get("seconds").asDouble()).isBetween(5.95, 6.05);
    assertThat(line.get("sampleRate").asInt()).isEqualTo(RATE);
    assertThat(line.get("channels").asInt()).isEqualTo(2);
    assertThat(line.get("codec").asText()).isEqualTo("vorbis");
    assertThat(line.get("excerpts").asInt()).isEqualTo(2);
    assertThat(line.get("silent").asBoolean()).isFalse();
    assertThat(line.get("error").isNull()).isTrue();
  }

  @Test
  void everyFileGetsALineAndAnyFailureMakesTheExitCodeNonZero() throws Exception {
    Path good = dir.resolve("good.flac");
    AudioWriter.write(good, RATE, tone(3.0));
    Path silent = dir.resolve("silent.wav");
    AudioWriter.write(silent, RATE, new float[3 * RATE]);
    Path tooShort = dir.resolve("short.mp3");
    AudioWriter.write(tooShort, RATE, tone(1.2));
    Path text = Files.writeString(dir.resolve("readme.mp3"), "not audio\n".repeat(50));
    Path missing = dir.resolve("missing.wav");

    Run run = inspect(good, silent, tooShort, text, missing);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.lines()).hasSize(5);
    assertThat(run.lines()).extracting(l -> l.get("ok").asBoolean()).containsExactly(true, true, false, false, false);
    assertThat(run.lines().get(1).get("silent").asBoolean()).isTrue();
    JsonNode shortLine = run.lines().get(2);
    assertThat(shortLine.get("error").asText()).isEqualTo("short.mp3: 1.20 s is shorter than one 2.68 s excerpt");
    assertThat(shortLine.get("codec").asText()).isEqualTo("mp3");
    assertThat(shortLine.get("excerpts").asInt()).isZero();
    assertThat(run.lines().get(3).get("error").asText()).startsWith(text.toString() + ": ");
    assertThat(run.lines().get(3).get("seconds").isNull()).isTrue();
    assertThat(run.lines().get(4).get("error").asText()).isEqualTo(missing + ": no such file");
  }
}
