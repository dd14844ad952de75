package org.soundalike.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.soundalike.dataset.Catalogs;
import org.soundalike.net.SampleCnnConfig;

/**
 * Test fixture: a really trained run of the tiny network on {@link TinyCorpus}: one supervised
 * epoch (two optimizer steps), so its weights and batch-norm running averages are no longer the
 * initial ones, with its checkpoints and run.json as {@link TrainingRun} writes them.
 */
public final class TinyRun {

  /** The seed of the run's initial weights. */
  public static final long SEED = 7;

  private TinyRun() {}

  /** Trains into {@code dir/run} on a corpus generated in {@code dir/corpus}; returns the run folder. */
  public static Path train(Path dir) throws IOException {
    Path run = dir.resolve("run");
    TrainingSettings settings = TrainingSettings.defaults(SampleCnnConfig.TINY, Variant.SUPERVISED_ONLY, null, 1, SEED, null)
        .withEpochs(1)
        .withBatch(TinyCorpus.BATCH, 0);
    PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    new TrainingRun(Catalogs.open(TinyCorpus.create(dir.resolve("corpus"))), run, settings, "test", log).run();
    return run;
  }
}
