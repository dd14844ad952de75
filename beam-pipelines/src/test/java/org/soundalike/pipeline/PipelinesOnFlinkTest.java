package org.soundalike.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.dataset.ViewShards;
import org.soundalike.pipeline.augment.AugmentOptions;
import org.soundalike.pipeline.augment.AugmentPipeline;
import org.soundalike.pipeline.augment.AugmentViews;
import org.soundalike.pipeline.ingest.IngestOptions;
import org.soundalike.pipeline.ingest.IngestPipeline;
import org.soundalike.pipeline.ingest.IngestReject;
import org.soundalike.pipeline.ingest.IngestTracks;
import org.soundalike.pipeline.ingest.ManifestEntry;
import org.soundalike.pipeline.runner.JsonLines;
import org.soundalike.pipeline.runner.PipelineSummary;
import org.soundalike.pipeline.runner.RunnerDefaults;

/** The real pipelines, end to end, on an embedded Flink (the default runner of `soundalike pipeline`). */
class PipelinesOnFlinkTest {

  @TempDir Path dir;

  @Test
  void ingestAccountsForEveryFileAndAugmentMaterialisesItsManifestOnFlink() throws Exception {
    Path input = dir.resolve("input");
    Map<Path, String> files = AudioFixtures.mixedFolder(input);
    Path out = dir.resolve("ingest");

    IngestOptions ingest = RunnerDefaults.parse(new String[] {
        "--input=" + input, "--out=" + out, "--flinkMaster=[local]", "--parallelism=2"}, IngestOptions.class);
    assertThat(ingest.getRunner().getSimpleName()).isEqualTo("FlinkRunner");
    PipelineSummary summary = IngestPipeline.run(ingest);

    assertThat(summary.state()).isEqualTo(PipelineResult.State.DONE);
    List<ManifestEntry> manifest = JsonLines.read(out.resolve("manifest.jsonl"), ManifestEntry.class);
    List<IngestReject> rejects = JsonLines.read(out.resolve("rejects.jsonl"), IngestReject.class);
    assertThat(manifest).extracting(ManifestEntry::path).containsExactlyInAnyOrderElementsOf(
        files.entrySet().stream().filter(e -> e.getValue().equals("OK")).map(e -> e.getKey().toString()).toList());
    Map<String, String> rejected = rejects.stream().collect(Collectors.toMap(IngestReject::path, IngestReject::reason));
    assertThat(rejected.keySet()).containsExactlyInAnyOrderElementsOf(
        files.entrySet().stream().filter(e -> !e.getValue().equals("OK")).map(e -> e.getKey().toString()).toList());
    assertThat(rejected.get(input.resolve("truncated.ogg").toString())).isEqualTo("TRUNCATED");
    assertThat(rejected.get(input.resolve("short.wav").toString())).isEqualTo("TOO_SHORT");
    assertThat(rejected.get(input.resolve("z-copy-of-a.flac").toString())).isEqualTo("DUPLICATE");
    assertThat(summary.counter(IngestTracks.FILES_INSPECTED)).isEqualTo(files.size());
    assertThat(summary.counter(IngestTracks.TRACKS_ACCEPTED)).isEqualTo(manifest.size());
    assertThat(summary.counter(IngestTracks.FILES_REJECTED)).isEqualTo(rejects.size());

    Path views = dir.resolve("views");
    AugmentOptions augment = PipelineOptionsFactory.fromArgs(
        "--manifest=" + out.resolve("manifest.jsonl"), "--out=" + views, "--epochs=2", "--viewsPerShard=4",
        "--flinkMaster=[local]", "--parallelism=2").as(AugmentOptions.class);
    augment.setRunner(org.apache.beam.runners.flink.FlinkRunner.class);
    PipelineSummary augmented = AugmentPipeline.run(augment);

    assertThat(augmented.counter(AugmentViews.VIEWS_MADE)).isEqualTo(3 * 2 * 2);
    ViewShards shards = ViewShards.open(views);
    assertThat(shards.index().tracks()).isEqualTo(3);
    assertThat(shards.views(0)).hasSize(6);
    assertThat(shards.views(1)).hasSize(6);
  }
}
