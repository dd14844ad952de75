package org.soundalike.pipeline.augment;

import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.soundalike.pipeline.ingest.ManifestEntry;
import org.soundalike.pipeline.runner.JsonLines;
import org.soundalike.pipeline.runner.PipelineSummary;
import org.soundalike.pipeline.runner.RunnerDefaults;

/** {@code soundalike pipeline augment --manifest M --out DIR --epochs E}: wires the options to {@link AugmentViews}. */
public final class AugmentPipeline {

  private AugmentPipeline() {}

  public static void main(String[] args) {
    AugmentOptions options = RunnerDefaults.parse(args, AugmentOptions.class);
    System.out.println(run(options).line());
  }

  /** Runs the augmentation to completion. */
  public static PipelineSummary run(AugmentOptions options) {
    Path manifest = Path.of(options.getManifest()).toAbsolutePath().normalize();
    Path out = Path.of(options.getOut()).toAbsolutePath().normalize();
    List<ManifestEntry> tracks = JsonLines.read(manifest, ManifestEntry.class);
    long training = tracks.stream().filter(ManifestEntry::forTraining).count();
    ViewPlan plan = new ViewPlan(options.getEpochs(), options.getSeed(), options.getPreset(),
        ViewPlan.shardsFor((int) training, options.getViewsPerShard()), out.toString(), manifest.toString());
    System.err.println("augment: " + training + " training tracks of " + tracks.size() + ", " + plan.epochs()
        + " epochs, " + plan.shardsPerEpoch() + " shards per epoch, preset " + plan.preset() + ", on "
        + RunnerDefaults.runnerName(options));

    Pipeline pipeline = Pipeline.create(options);
    AugmentViews augment = AugmentViews.of(plan, training);
    pipeline
        .apply("ReadManifest", Create.of(tracks).withCoder(SerializableCoder.of(ManifestEntry.class)))
        .apply(augment);
    PipelineResult run = pipeline.run();
    run.waitUntilFinish();
    augment.finishProgress();
    return PipelineSummary.of("augment", run, AugmentViews.class, training * 2L * plan.epochs(), out);
  }
}
