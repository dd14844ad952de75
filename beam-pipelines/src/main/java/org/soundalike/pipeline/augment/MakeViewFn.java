package org.soundalike.pipeline.augment;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.soundalike.audio.AudioDecoder;
import org.soundalike.audio.AudioSpec;
import org.soundalike.audio.Excerpts;
import org.soundalike.augment.AugmentationChain;
import org.soundalike.augment.AugmentationPreset;
import org.soundalike.augment.AugmentationSeed;
import org.soundalike.dataset.TrainingView;
import org.soundalike.pipeline.runner.WorkerProgress;
import org.soundalike.progress.Progress;

/**
 * Makes one training view: a uniformly random crop (METHOD.md: any valid start equally likely),
 * read by seeking so a long track costs one excerpt of decoding, then the augmentation chain. The
 * crop start and the chain's seed both come from the view's seed (run seed, track, epoch, view),
 * so the view is the same whichever worker makes it, and on every rerun.
 */
final class MakeViewFn extends DoFn<ViewRequest, KV<KV<Integer, Integer>, TrainingView>> {

  private final ViewPlan plan;
  private final String progressKey;
  private final long expectedViews;
  private final Counter made = Metrics.counter(AugmentViews.class, AugmentViews.VIEWS_MADE);
  private transient AudioDecoder decoder;
  private transient AugmentationChain chain;
  private transient Progress progress;

  MakeViewFn(ViewPlan plan, String progressKey, long expectedViews) {
    this.plan = plan;
    this.progressKey = progressKey;
    this.expectedViews = expectedViews;
  }

  @Setup
  public void setup() {
    decoder = new AudioDecoder();
    chain = plan.augmented() ? new AugmentationChain(AugmentationPreset.named(plan.preset())) : null;
    progress = WorkerProgress.line(progressKey, "augment", "views", expectedViews);
  }

  @ProcessElement
  public void process(@Element ViewRequest request, OutputReceiver<KV<KV<Integer, Integer>, TrainingView>> out) {
    long seed = AugmentationSeed.of(plan.runSeed(), request.trackId(), request.epoch(), request.view());
    SplittableRandom random = new SplittableRandom(seed);
    long start = Excerpts.randomCropStart(request.samples(), random);
    float[] excerpt = decoder.decodeRange(Path.of(request.path()), start, AudioSpec.EXCERPT_SAMPLES);
    float[] audio = chain == null ? excerpt : chain.augment(excerpt, random.nextLong()).audio();
    TrainingView view = new TrainingView(request.trackId(), request.epoch(), request.view(), start, seed, audio);
    out.output(KV.of(KV.of(request.epoch(), request.shard()), view));
    made.inc();
    progress.advance();
  }
}
