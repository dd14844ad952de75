package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.soundalike.audio.AudioDecoder;
import org.soundalike.audio.AudioFacts;
import org.soundalike.audio.AudioInspector;
import org.soundalike.audio.Inspection;
import org.soundalike.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code soundalike inspect FILE...}: one JSON line per file saying whether the method can use it. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Decode each file (streaming, any length) and print one JSON line per file:",
      "{\"file\",\"ok\",\"seconds\",\"sampleRate\",\"channels\",\"codec\",\"container\",\"excerpts\",\"silent\",\"peak\",\"error\"}.",
      "sampleRate and channels are the source's; seconds and excerpts are after conversion to mono 22,050 Hz.",
      "Exits with 1 if any file is unusable (undecodable, truncated, or shorter than one 2.68 s excerpt)."
    })
public final class Inspect implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files to inspect.")
  List<Path> files;

  @Spec CommandSpec spec;

  private final ObjectMapper json = new ObjectMapper();

  @Override
  public Integer call() throws Exception {
    AudioInspector inspector = new AudioInspector(new AudioDecoder());
    PrintWriter out = spec.commandLine().getOut();
    int failed = 0;
    try (Progress progress = files.size() > 1 ? new Progress("inspect", "files", files.size()) : null) {
      for (Path file : files) {
        Inspection inspection = inspector.inspect(file);
        out.println(json.writeValueAsString(line(inspection)));
        out.flush();
        if (!inspection.ok()) {
          failed++;
        }
        if (progress != null) {
          if (inspection.ok()) {
            progress.advance();
          } else {
            progress.fail();
          }
        }
      }
    }
    return failed == 0 ? 0 : 1;
  }

  static Map<String, Object> line(Inspection inspection) {
    AudioFacts facts = inspection.facts();
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("file", inspection.file().toString());
    line.put("ok", inspection.ok());
    line.put("seconds", facts == null ? null : Math.round(facts.seconds() * 1000) / 1000.0);
    line.put("sampleRate", facts == null ? null : facts.originalSampleRate());
    line.put("channels", facts == null ? null : facts.channels());
    line.put("codec", facts == null ? null : facts.codec());
    line.put("container", facts == null ? null : facts.container());
    line.put("excerpts", inspection.excerpts());
    line.put("silent", facts == null ? null : facts.silent());
    line.put("peak", facts == null ? null : Math.round(facts.peak() * 10_000) / 10_000.0);
    line.put("error", inspection.error());
    return line;
  }
}
