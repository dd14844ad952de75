package org.soundalike.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.soundalike.dataset.Catalog;

/**
 * r = (converged L_SSL trained with L_SSL alone) / (converged L_ML trained with L_ML alone, all
 * labels) (METHOD.md "Losses"), measured on a catalog: two runs, and "converged" is the mean of
 * the validation losses of their last epochs. Recorded in {@value #FILE} so that presets can read
 * it back ({@code soundalike train --r-file}).
 *
 * @param r the ratio
 * @param selfSupervised converged validation L_SSL of the SSL-only run
 * @param metricLearning converged validation L_ML of the ML-only run
 * @param lastEpochs how many final epochs were averaged
 * @param catalogFingerprint the catalog both runs trained on
 * @param sslRun the SSL-only run folder
 * @param mlRun the ML-only run folder
 */
public record RatioEstimate(
    double r, double selfSupervised, double metricLearning, int lastEpochs, String catalogFingerprint,
    String sslRun, String mlRun) {

  public static final String FILE = "r.json";

  /** The paper's measured r by dataset format (MagnaTagATune 22.00, MTG-Jamendo 18.95). */
  private static final Map<String, Double> PAPER = Map.of("magnatagatune", 22.00, "mtg-jamendo", 18.95);

  /**
   * Trains (or resumes) the two runs in {@code folder}/ssl and {@code folder}/ml and writes
   * {@code folder}/{@value #FILE}.
   *
   * @param base settings whose config, epochs, batch, schedule, seed and engine both runs share
   */
  public static RatioEstimate measure(
      Catalog catalog, Path folder, TrainingSettings base, int lastEpochs, String codeVersion, PrintStream log) {
    Path ssl = folder.resolve("ssl");
    Path ml = folder.resolve("ml");
    TrainingSettings.Builder shared = base.toBuilder().labelFraction(1).pretrainedRun(null).views(null);
    TrainingSettings sslSettings = shared.variant(Variant.PRETRAIN, null).optimizer(OptimizerSettings.PRETRAIN)
        .schedule(0, base.plateauFactor(), 0).build();
    TrainingSettings mlSettings = shared.variant(Variant.SUPERVISED_ONLY, null).optimizer(base.optimizer())
        .schedule(base.plateauPatience(), base.plateauFactor(), base.earlyStopPatience()).build();
    TrainingState sslState = new TrainingRun(catalog, ssl, sslSettings, codeVersion, log).run().state();
    TrainingState mlState = new TrainingRun(catalog, ml, mlSettings, codeVersion, log).run().state();
    double sslLoss = converged(sslState.history(), lastEpochs, true);
    double mlLoss = converged(mlState.history(), lastEpochs, false);
    RatioEstimate estimate = new RatioEstimate(sslLoss / mlLoss, sslLoss, mlLoss,
        Math.min(lastEpochs, Math.min(sslState.history().size(), mlState.history().size())),
        catalog.fingerprint(), ssl.toString(), ml.toString());
    estimate.write(folder.resolve(FILE));
    return estimate;
  }

  /** The mean validation loss of the last {@code last} epochs of a history. */
  static double converged(List<EpochRecord> history, int last, boolean selfSupervised) {
    if (history.isEmpty()) {
      throw new TrainingException("cannot estimate r: a run has no finished epoch");
    }
    List<EpochRecord> tail = history.subList(Math.max(0, history.size() - last), history.size());
    return tail.stream()
        .mapToDouble(r -> selfSupervised ? r.validation().selfSupervised() : r.validation().metricLearning())
        .average()
        .orElseThrow();
  }

  public void write(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Checkpoint.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new TrainingException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  public static RatioEstimate read(Path file) {
    try {
      return Checkpoint.JSON.readValue(file.toFile(), RatioEstimate.class);
    } catch (IOException e) {
      throw new TrainingException("cannot read r from " + file + ": " + e.getMessage(), e);
    }
  }

  /** The paper's r for a catalog format, if the paper measured one. */
  public static Double paperValue(String format) {
    return PAPER.get(format);
  }
}
