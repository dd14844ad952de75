package org.soundalike.ui.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soundalike.eval.report.RunResult;
import org.soundalike.eval.report.RunResultJson;
import org.soundalike.run.RunProvenance;

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

  /**
   * Writes {@code dir/runs/<runId>/results.json} with the evaluation's own writer and returns the
   * file.
   */
  public static Path write(Path dir, String runId) {
    RunProvenance run = new RunProvenance(runId, "demo", "f00d", "compact", "G", "c+p", 1.0, 20.1, 0.1, 1,
        "abc1234567", 23, "2026-11-26T10:00:00Z", Map.of());
    Map<String, Double> metrics = new LinkedHashMap<>();
    RunResult.COLUMNS.forEach(c -> metrics.put(c, 50.0));
    metrics.put("R@1", 61.2);
    List<RunResult.TsnePoint> tsne = new ArrayList<>();
    for (int i = 0; i < TRACKS; i++) {
      tsne.add(new RunResult.TsnePoint(id(i), x(i), y(i), tags(i)));
    }
    RunResult result = new RunResult(run, "2026-11-26T11:00:00Z", TRACKS, TRACKS - NEITHER, metrics, null, null,
        null, tsne);
    Path file = dir.resolve("runs").resolve(runId).resolve(RunResultsService.FILE_NAME);
    RunResultJson.write(file, result);
    return file;
  }
}
