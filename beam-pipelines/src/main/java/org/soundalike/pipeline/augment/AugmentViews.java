package org.soundalike.pipeline.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.soundalike.dataset.TrainingView;
import org.soundalike.dataset.ViewShard;
import org.soundalike.dataset.ViewShardIndex;
import org.soundalike.pipeline.ingest.ManifestEntry;
import org.soundalike.pipeline.runner.WorkerProgress;

/**
 * Materialises training views: for every training track, epoch and view (two per track per epoch),
 * a random crop passed through the augmentation chain, written as checksummed shards plus an
 * index (docs/formats.md "Training view shards"), so training reads ready views.
 *
 * <pre>
 *   manifest ─ Filter(train) ─ ExpandViews ─ Reshuffle ─ CropAndAugment ─ GroupByKey(epoch, shard)
 *            ─ WriteShards ─ Combine(list) ─ WriteIndex
 * </pre>
 */
public final class AugmentViews extends PTransform<PCollection<ManifestEntry>, PCollection<ViewShardIndex>> {

  /** Beam counter name (namespace: this class). */
  public static final String VIEWS_MADE = "views-made";

  private final ViewPlan plan;
  private final long expectedViews;
  private final String progressKey;

  private AugmentViews(ViewPlan plan, long expectedViews) {
    super("AugmentViews");
    this.plan = plan;
    this.expectedViews = expectedViews;
    this.progressKey = "augment-" + UUID.randomUUID();
  }

  /** @param trainingTracks the number of training tracks, for the progress line's ETA (0 if unknown) */
  public static AugmentViews of(ViewPlan plan, long trainingTracks) {
    return new AugmentViews(plan, trainingTracks * 2L * plan.epochs());
  }

  /** Prints the final progress line of this run in this JVM (call after the pipeline finished). */
  public void finishProgress() {
    WorkerProgress.finish(progressKey);
  }

  @Override
  public PCollection<ViewShardIndex> expand(PCollection<ManifestEntry> manifest) {
    ViewPlan plan = this.plan;
    PCollection<ViewShard> shards = manifest
        .apply("TrainingTracks", Filter.by(ManifestEntry::forTraining))
        .apply("ExpandViews", FlatMapElements.into(TypeDescriptor.of(ViewRequest.class)).via(t -> requests(plan, t)))
        .setCoder(SerializableCoder.of(ViewRequest.class))
        // One track yields 2·epochs views: spread them, or one worker would decode them all.
        .apply("SpreadViews", Reshuffle.viaRandomKey())
        .apply("CropAndAugment", ParDo.of(new MakeViewFn(plan, progressKey, expectedViews)))
        .setCoder(KvCoder.of(KvCoder.of(VarIntCoder.of(), VarIntCoder.of()), SerializableCoder.of(TrainingView.class)))
        .apply("GroupIntoShards", GroupByKey.create())
        .apply("WriteShards", ParDo.of(new WriteShardFn(plan.out())))
        .setCoder(SerializableCoder.of(ViewShard.class));
    return shards
        .apply("AllShards", Combine.globally(new ToList<ViewShard>()))
        .setCoder(ListCoder.of(SerializableCoder.of(ViewShard.class)))
        .apply("WriteIndex", ParDo.of(new WriteIndexFn(plan)))
        .setCoder(SerializableCoder.of(ViewShardIndex.class));
  }

  static List<ViewRequest> requests(ViewPlan plan, ManifestEntry track) {
    int shard = plan.shardOf(track.id());
    List<ViewRequest> requests = new ArrayList<>(2 * plan.epochs());
    for (int epoch = 0; epoch < plan.epochs(); epoch++) {
      for (int view = 0; view < 2; view++) {
        requests.add(new ViewRequest(track.id(), track.path(), track.samples(), epoch, view, shard));
      }
    }
    return requests;
  }

  /** Collects a PCollection into one list (the shard list is small: one entry per shard file). */
  static final class ToList<T> extends Combine.CombineFn<T, List<T>, List<T>> {
    @Override
    public List<T> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<T> addInput(List<T> accumulator, T input) {
      accumulator.add(input);
      return accumulator;
    }

    @Override
    public List<T> mergeAccumulators(Iterable<List<T>> accumulators) {
      List<T> merged = new ArrayList<>();
      accumulators.forEach(merged::addAll);
      return merged;
    }

    @Override
    public List<T> extractOutput(List<T> accumulator) {
      return accumulator;
    }
  }
}
