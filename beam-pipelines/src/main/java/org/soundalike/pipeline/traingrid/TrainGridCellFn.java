package org.soundalike.pipeline.traingrid;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Catalogs;
import org.soundalike.pipeline.runner.WorkerProgress;
import org.soundalike.train.TrainingException;
import org.soundalike.train.TrainingRun;
import org.soundalike.train.TrainingState;
import org.soundalike.run.RunFolderException;

/**
 * Trains one grid cell with the model's {@link TrainingRun} (whichever ND4J backend is on the
 * classpath). The run folder makes it idempotent: a finished run is kept, an interrupted one
 * resumes from its checkpoint. A failing cell is reported, not retried: the others still train.
 */
final class TrainGridCellFn extends DoFn<GridCell, TrainGridOutcome> {

  private final TrainGridPlan plan;
  private final PCollectionView<TrainGridShared> shared;
  private final String progressKey;
  private final long cells;
  private final Counter trained = Metrics.counter(TrainGrid.class, TrainGrid.RUNS_TRAINED);
  private final Counter kept = Metrics.counter(TrainGrid.class, TrainGrid.RUNS_KEPT);
  private final Counter failed = Metrics.counter(TrainGrid.class, TrainGrid.RUNS_FAILED);
  private transient Catalog catalog;

  TrainGridCellFn(TrainGridPlan plan, PCollectionView<TrainGridShared> shared, String progressKey, long cells) {
    this.plan = plan;
    this.shared = shared;
    this.progressKey = progressKey;
    this.cells = cells;
  }

  @Setup
  public void openCatalog() throws IOException {
    catalog = Catalogs.open(Path.of(plan.catalog()));
  }

  @ProcessElement
  public void train(@Element GridCell cell, ProcessContext context, OutputReceiver<TrainGridOutcome> out) {
    var progress = WorkerProgress.line(progressKey, "train-grid", "runs", cells);
    TrainGridShared prepared = context.sideInput(shared);
    String run = plan.runDir(cell).toString();
    try {
      TrainingRun.Outcome outcome = new TrainingRun(
          catalog, plan.runDir(cell), plan.settings(cell, prepared), plan.codeVersion(), System.err).run();
      TrainingState state = outcome.state();
      (outcome.alreadyFinished() ? kept : trained).inc();
      out.output(new TrainGridOutcome(run, cell.variant(), cell.percent(), cell.seed(),
          outcome.alreadyFinished() ? TrainGridOutcome.KEPT : TrainGridOutcome.TRAINED, state.epochs(),
          state.stopReason(), Double.isFinite(state.bestValidation()) ? state.bestValidation() : null, null));
      progress.advance();
    } catch (TrainingException | RunFolderException | IllegalArgumentException e) {
      failed.inc();
      System.err.println("train-grid: " + cell.runName() + " failed: " + e.getMessage());
      out.output(new TrainGridOutcome(run, cell.variant(), cell.percent(), cell.seed(), TrainGridOutcome.FAILED, 0,
          null, null, e.getMessage()));
      progress.fail();
    }
  }
}
