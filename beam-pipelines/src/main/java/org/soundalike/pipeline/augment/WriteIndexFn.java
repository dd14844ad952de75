package org.soundalike.pipeline.augment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.soundalike.audio.AudioSpec;
import org.soundalike.dataset.ViewShard;
import org.soundalike.dataset.ViewShardIndex;

/** Writes index.json once every shard is written: its presence means the views are complete. */
final class WriteIndexFn extends DoFn<List<ViewShard>, ViewShardIndex> {

  private final ViewPlan plan;

  WriteIndexFn(ViewPlan plan) {
    this.plan = plan;
  }

  @ProcessElement
  public void process(@Element List<ViewShard> shards, OutputReceiver<ViewShardIndex> out) {
    // Every training track has exactly two views in every epoch.
    int tracks = (int) (shards.stream().mapToLong(ViewShard::views).sum() / (2L * plan.epochs()));
    ViewShardIndex index = ViewShardIndex.of(AudioSpec.SAMPLE_RATE, AudioSpec.EXCERPT_SAMPLES, plan.epochs(), tracks,
        plan.runSeed(), plan.preset(), plan.manifest(), shards);
    try {
      index.write(Path.of(plan.out()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the view index into " + plan.out(), e);
    }
    out.output(index);
  }
}
