package org.soundalike.pipeline.traingrid;

import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.soundalike.pipeline.runner.WorkerProgress;

/**
 * The training grid: one element per (variant, label fraction, seed), each trained by the model
 * into its own run folder; the pre-training and r, which several cells need, are made once by a
 * shared stage whose result every cell reads as a side input.
 *
 * <pre>
 *   plan ─ PrepareShared (pre-train, estimate r) ─ AsSingleton ──┐
 *   cells ─ SpreadCells ─ TrainCell (side input: shared) ───────┴─ outcomes
 * </pre>
 */
public final class TrainGrid extends PTransform<PCollection<GridCell>, PCollection<TrainGridOutcome>> {

  /** Beam counter names (namespace: this class). */
  public static final String RUNS_TRAINED = "runs-trained";
  public static final String RUNS_KEPT = "runs-kept";
  public static final String RUNS_FAILED = "runs-failed";

  private final TrainGridPlan plan;
  private final List<String> variants;
  private final long cells;
  private final String progressKey = "train-grid-" + UUID.randomUUID();

  private TrainGrid(TrainGridPlan plan, List<String> variants, long cells) {
    super("TrainGrid");
    this.plan = plan;
    this.variants = List.copyOf(variants);
    this.cells = cells;
  }

  /** @param variants every variant of the grid (decides what the shared stage makes) */
  public static TrainGrid of(TrainGridPlan plan, List<String> variants, long cells) {
    return new TrainGrid(plan, variants, cells);
  }

  /** Prints the final progress line of this run in this JVM (call after the pipeline finished). */
  public void finishProgress() {
    WorkerProgress.finish(progressKey);
  }

  @Override
  public PCollection<TrainGridOutcome> expand(PCollection<GridCell> grid) {
    PCollectionView<TrainGridShared> shared = grid.getPipeline()
        .apply("Plan", Create.of(plan).withCoder(SerializableCoder.of(TrainGridPlan.class)))
        .apply("PrepareShared", ParDo.of(new TrainGridSharedFn(variants)))
        .setCoder(SerializableCoder.of(TrainGridShared.class))
        .apply("AsSingleton", View.asSingleton());
    return grid
        // Each cell is minutes of training: spread them over the workers one by one.
        .apply("SpreadCells", Reshuffle.viaRandomKey())
        .apply("TrainCell", ParDo.of(new TrainGridCellFn(plan, shared, progressKey, cells)).withSideInputs(shared))
        .setCoder(SerializableCoder.of(TrainGridOutcome.class));
  }
}
