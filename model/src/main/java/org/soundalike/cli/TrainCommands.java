package org.soundalike.cli;

import org.soundalike.run.CodeVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.soundalike.audio.AudioException;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.CatalogException;
import org.soundalike.encode.EncodingException;
import org.soundalike.train.TrainingException;
import org.soundalike.train.TrainingRun;
import org.soundalike.train.TrainingSettings;
import org.soundalike.run.RunFolderException;

/** What the training commands share: running a run and turning failures into one line and exit code 1. */
final class TrainCommands {

  private TrainCommands() {}

  interface Work {
    int run() throws IOException;
  }

  static int execute(String command, PrintWriter err, Work work) {
    try {
      return work.run();
    } catch (TrainingException | RunFolderException | CatalogException | AudioException | EncodingException
        | IllegalArgumentException e) {
      err.println("soundalike " + command + ": " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("soundalike " + command + ": " + e);
      return 1;
    } finally {
      err.flush();
    }
  }

  static int train(Catalog catalog, Path out, TrainingSettings settings, PrintWriter stdout) {
    TrainingRun.Outcome outcome = new TrainingRun(catalog, out, settings, CodeVersion.current(), System.err).run();
    stdout.printf(Locale.ROOT, "%s: %s after %d epochs; best validation loss %.4f at epoch %d; run.json in %s%n",
        out, outcome.alreadyFinished() ? "already finished" : "finished", outcome.state().epochs(),
        outcome.state().bestValidation(), outcome.state().bestEpoch(), out);
    stdout.flush();
    return 0;
  }
}
