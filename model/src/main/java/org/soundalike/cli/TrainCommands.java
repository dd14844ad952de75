package org.soundalike.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.soundalike.audio.AudioException;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.CatalogException;
import org.soundalike.encode.EncodingException;
import org.soundalike.train.TrainingException;
import org.soundalike.train.TrainingRun;
import org.soundalike.train.TrainingSettings;

/** What the training commands share: running a run and turning failures into one line and exit code 1. */
final class TrainCommands {

  private TrainCommands() {}

  interface Work {
    int run() throws IOException;
  }

  static int execute(String command, Work work) {
    try {
      return work.run();
    } catch (TrainingException | CatalogException | AudioException | EncodingException | IllegalArgumentException e) {
      System.err.println("soundalike " + command + ": " + e.getMessage());
      return 1;
    } catch (IOException e) {
      System.err.println("soundalike " + command + ": " + e);
      return 1;
    }
  }

  static int train(Catalog catalog, Path out, TrainingSettings settings) {
    TrainingRun.Outcome outcome = new TrainingRun(catalog, out, settings, CodeVersion.current(), System.err).run();
    System.out.printf(Locale.ROOT, "%s: %s after %d epochs; best validation loss %.4f at epoch %d; run.json in %s%n",
        out, outcome.alreadyFinished() ? "already finished" : "finished", outcome.state().epochs(),
        outcome.state().bestValidation(), outcome.state().bestEpoch(), out);
    return 0;
  }
}
