package org.soundalike.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.pipeline.ingest.IngestOptions;
import org.soundalike.pipeline.ingest.IngestPipeline;
import org.soundalike.pipeline.ingest.IngestReject;
import org.soundalike.pipeline.ingest.ManifestEntry;
import org.soundalike.pipeline.runner.JsonLines;
import org.soundalike.pipeline.runner.PipelineSummary;
import org.soundalike.pipeline.runner.RunnerDefaults;

/**
 * The ingest pipeline submitted as a job jar to a real two-process Flink 1.19 session cluster on
 * loopback, as a platform team would run it with {@code --flinkMaster=host:port}. Needs the shaded
 * jar, so it runs in the verify phase.
 */
class FlinkClusterIT {

  @TempDir Path dir;

  @Test
  void theIngestJobRunsOnTheClusterAndAccountsForEveryFile() throws Exception {
    Path jobJar = Path.of(System.getProperty("pipeline.jobJar"));
    assertThat(jobJar).as("shaded job jar (mvn verify builds it)").isRegularFile();
    Path input = dir.resolve("input");
    Map<Path, String> files = AudioFixtures.mixedFolder(input);
    Path out = dir.resolve("out");

    // Under target/, not the temporary folder, so the cluster's logs outlive a failed run.
    Path home = Path.of("target", "flink-cluster-it").toAbsolutePath();
    org.apache.commons.io.FileUtils.deleteDirectory(home.toFile());
    try (LocalFlinkCluster cluster = LocalFlinkCluster.start(home, flinkClasspath())) {
      IngestOptions options = RunnerDefaults.parse(new String[] {
          "--input=" + input, "--out=" + out, "--flinkMaster=127.0.0.1:" + cluster.restPort(),
          "--filesToStage=" + jobJar, "--parallelism=2", "--jobName=soundalike-ingest-it"}, IngestOptions.class);
      PipelineSummary summary = IngestPipeline.run(options);

      assertThat(summary.state()).isEqualTo(PipelineResult.State.DONE);
      JsonNode jobs = new ObjectMapper().readTree(cluster.get("/jobs/overview")).get("jobs");
      List<JsonNode> ours = StreamSupport.stream(jobs.spliterator(), false)
          .filter(job -> job.get("name").asText().startsWith("soundalike-ingest-it")).toList();
      assertThat(ours).singleElement().satisfies(job -> assertThat(job.get("state").asText()).isEqualTo("FINISHED"));
      // The work ran in the TaskManager process, which decoded the audio with the jar's FFmpeg.
      assertThat(Files.readString(cluster.logs().resolve("taskmanager.log"))).contains("InspectAudio");
    }

    List<ManifestEntry> manifest = JsonLines.read(out.resolve("manifest.jsonl"), ManifestEntry.class);
    List<IngestReject> rejects = JsonLines.read(out.resolve("rejects.jsonl"), IngestReject.class);
    assertThat(manifest).extracting(ManifestEntry::path).containsExactlyInAnyOrderElementsOf(paths(files, true));
    assertThat(rejects).extracting(IngestReject::path).containsExactlyInAnyOrderElementsOf(paths(files, false));
    assertThat(rejects).filteredOn(r -> r.path().endsWith("z-copy-of-a.flac")).singleElement()
        .satisfies(r -> assertThat(r.duplicateOf()).endsWith("a-good.flac"));
  }

  private static List<String> paths(Map<Path, String> files, boolean good) {
    return files.entrySet().stream().filter(e -> e.getValue().equals("OK") == good)
        .map(e -> e.getKey().toString()).toList();
  }

  /** Flink and logging only: the job's code (Beam, the model, FFmpeg) must come from the job jar. */
  private static String flinkClasspath() throws java.io.IOException {
    String all = Files.readString(Path.of(System.getProperty("pipeline.testClasspath"))).trim();
    return Arrays.stream(all.split(java.io.File.pathSeparator))
        .filter(entry -> !entry.contains("/org/apache/beam/") && !entry.contains("/org/bytedeco/")
            && !entry.contains("soundalike") && !entry.contains("/target/"))
        .collect(Collectors.joining(java.io.File.pathSeparator));
  }
}
