package org.soundalike.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.soundalike.eval.report.ReportFixtures.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.run.RunProvenance;

/** Every results.json under a folder, each run once, malformed files named. */
class CollectedRunsTest {

  @TempDir Path dir;

  private Path write(String relative, RunResult result) {
    Path file = dir.resolve(relative);
    RunResultJson.write(file, result);
    return file;
  }

  @Test
  void findsResultsAtAnyDepthAndNothingElse() throws Exception {
    write("results.json", ReportFixtures.result(run("r0", "demo", "A", 1.0, 1), 10, null));
    write("demo/A/seed2/results.json", ReportFixtures.result(run("r1", "demo", "A", 1.0, 2), 20, null));
    write("demo/G/results.json", ReportFixtures.result(run("r2", "demo", "G", 1.0, 1), 30, null));
    write("demo/G/other.json", ReportFixtures.result(run("r3", "demo", "G", 1.0, 2), 40, null));
    Files.writeString(dir.resolve("demo/notes.txt"), "not a result");
    CollectedRuns collected = CollectedRuns.collect(dir);
    assertThat(collected.runs()).extracting(r -> r.result().run().runId()).containsExactlyInAnyOrder("r0", "r1", "r2");
    assertThat(collected.duplicates()).isEmpty();
  }

  @Test
  void aMalformedFileStopsTheCollectionNamingIt() throws Exception {
    write("demo/A/results.json", ReportFixtures.result(run("r1", "demo", "A", 1.0, 1), 20, null));
    Path bad = dir.resolve("demo/G/results.json");
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "{\"run\": {\"runId\": \"g\", \"dataset\": \"demo\", \"variant\": \"G\"}, \"tracks\": 3}");
    assertThatThrownBy(() -> CollectedRuns.collect(dir)).isInstanceOf(ReportException.class).hasMessageContaining(bad.toString());
  }

  @Test
  void withoutEvaluationTimesTheNewestFileCounts() throws Exception {
    RunProvenance g = run("g", "demo", "G", 1.0, 1);
    Path older = write("first/results.json", ReportFixtures.result(g, 10, null));
    Path newer = write("second/results.json", ReportFixtures.result(g, 70, null));
    Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2026-11-26T09:00:00Z")));
    Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2026-11-26T10:00:00Z")));
    CollectedRuns collected = CollectedRuns.collect(dir);
    assertThat(collected.runs()).singleElement().satisfies(r -> assertThat(r.file()).isEqualTo(newer));
    assertThat(collected.duplicates()).singleElement().satisfies(d -> {
      assertThat(d.runId()).isEqualTo("g");
      assertThat(d.ignored()).containsExactly(older);
    });
  }

  @Test
  void aStampedEvaluationIsNewerThanAnUnstampedOne() {
    RunProvenance g = run("g", "demo", "G", 1.0, 1);
    write("a/results.json", ReportFixtures.result(g, 10, null));
    Path stamped = write("b/results.json", ReportFixtures.result(g, 70, "2020-01-01T00:00:00Z"));
    assertThat(CollectedRuns.collect(dir).runs()).singleElement().satisfies(r -> assertThat(r.file()).isEqualTo(stamped));
  }
}
