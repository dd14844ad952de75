package org.soundalike.ui.map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A results.json of one run with a t-SNE map of 40 test tracks t00..t39 in the paper's contrast:
 * 10 'female vocal' only, 12 'no vocal' only, 3 with both, 15 with neither (some 'piano').
 * Track i sits at (i mod 8, i div 8) · 2 on the map.
 */
public final class RunResultFixture {

  public static final int TRACKS = 40;
  public static final int FEMALE_ONLY = 10;
  public static final int NO_VOCAL_ONLY = 12;
  public static final int BOTH = 3;
  public static final int NEITHER = TRACKS - FEMALE_ONLY - NO_VOCAL_ONLY - BOTH;

  private RunResultFixture() {}

  public static String id(int i) {
    return String.format("t%02d", i);
  }

  public static List<String> tags(int i) {
    List<String> tags = new ArrayList<>();
    if (i < FEMALE_ONLY) {
      tags.add("female vocal");
    } else if (i < FEMALE_ONLY + NO_VOCAL_ONLY) {
      tags.add("no vocal");
    } else if (i < FEMALE_ONLY + NO_VOCAL_ONLY + BOTH) {
      tags.add("female vocal");
      tags.add("no vocal");
    }
    if (i % 3 == 0) {
      tags.add("piano");
    }
    return tags;
  }

  public static double x(int i) {
    return (i % 8) * 2.0;
  }

  public static double y(int i) {
    return (i / 8) * 2.0;
  }

  /** Writes {@code dir/runs/<runId>/results.json} and returns the file. */
  public static Path write(Path dir, String runId) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode result = json.createObjectNode();
    ObjectNode run = result.putObject("run");
    run.put("runId", runId).put("dataset", "demo").put("catalogFingerprint", "f00d").put("config", "compact")
        .put("variant", "G").put("techniques", "c+p").put("alpha", 1.0).put("r", 20.1)
        .put("labelFraction", 0.1).put("seed", 1).put("codeVersion", "abc1234567").put("epochs", 23)
        .put("trainedAt", "2026-11-26T10:00:00Z");
    result.put("tracks", TRACKS).put("queries", TRACKS - NEITHER);
    result.putObject("metrics").put("R@1", 61.2);
    ArrayNode tsne = result.putArray("tsne");
    for (int i = 0; i < TRACKS; i++) {
      ArrayNode tags = tsne.addObject().put("id", id(i)).put("x", x(i)).put("y", y(i)).putArray("tags");
      tags(i).forEach(tags::add);
    }
    Path file = dir.resolve("runs").resolve(runId).resolve(RunResultsService.FILE_NAME);
    Files.createDirectories(file.getParent());
    json.writeValue(file.toFile(), result);
    return file;
  }
}
