package org.soundalike.pipeline.traingrid;

import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.soundalike.dataset.Catalog;
import org.soundalike.train.RatioEstimate;
import org.soundalike.train.TrainingException;
import org.soundalike.train.TrainingRun;
import org.soundalike.train.Variant;

/**
 * What the grid's cells share, made once: the pre-training run (technique p, the CLMR baseline)
 * and r (technique c). Both are resumable run folders, so a rerun finds them finished.
 *
 * @param pretrainedRun the pre-training run folder, or null when no variant needs it
 * @param r λ = α / r, or null when no variant needs it
 */
public record TrainGridShared(String pretrainedRun, Double r) implements Serializable {

  /**
   * Trains (or finds finished) what {@code variants} need: r measured as {@code estimate-r} does
   * (unless the plan gives it), whose self-supervised run is also the pre-training; or the
   * pre-training alone.
   */
  public static TrainGridShared prepare(TrainGridPlan plan, List<String> variants, Catalog catalog, PrintStream log) {
    boolean contrastive = variants.stream().map(Variant::named).anyMatch(Variant::contrastive);
    boolean pretrained = variants.stream().map(Variant::named).anyMatch(Variant::pretrained);
    Double r = plan.r();
    if (contrastive && r == null) {
      RatioEstimate estimate = RatioEstimate.measure(
          catalog, plan.ratioDir(), plan.ratioBase(), plan.rLastEpochs(), plan.codeVersion(), log);
      r = estimate.r();
      log.println("train-grid: r = " + r + " (L_SSL " + estimate.selfSupervised() + " / L_ML "
          + estimate.metricLearning() + "), " + plan.ratioDir().resolve(RatioEstimate.FILE));
    } else if (pretrained) {
      new TrainingRun(catalog, plan.pretrainDir(), plan.pretrainSettings(), plan.codeVersion(), log).run();
    }
    return new TrainGridShared(pretrained ? plan.pretrainDir().toString() : null, contrastive ? r : null);
  }

  Double requireR(GridCell cell) {
    if (r == null) {
      throw new TrainingException("grid cell " + cell.runName() + " needs r, but the shared stage measured none");
    }
    return r;
  }

  Path requirePretrained(GridCell cell) {
    if (pretrainedRun == null) {
      throw new TrainingException("grid cell " + cell.runName() + " needs the pre-training, but the shared stage made none");
    }
    return Path.of(pretrainedRun);
  }
}
