package org.soundalike.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.soundalike.train.TinyCorpus;
import picocli.CommandLine;

/**
 * Test fixture for the search and export tests: the tiny generated catalog and a run trained on
 * it for one epoch with the tiny network (4-dimensional embeddings, tags high/low/noisy), made
 * by the real {@code soundalike train} command.
 */
public record TinyTrainedRun(Path corpus, Path run) {

  /** Embedding size of the tiny network. */
  public static final int DIMENSIONS = 4;

  public static TinyTrainedRun create(Path dir) throws Exception {
    Path corpus = TinyCorpus.create(dir.resolve("corpus"));
    Path run = dir.resolve("run");
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new SoundAlike());
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("train", "--catalog", corpus.toString(), "--variant", "A", "--label-fraction", "1",
        "--config", "tiny", "--batch", String.valueOf(TinyCorpus.BATCH), "--epochs", "1", "--seed", "3",
        "--out", run.toString());
    if (code != 0) {
      throw new IllegalStateException("training the tiny run failed (" + code + "): " + err);
    }
    return new TinyTrainedRun(corpus, run);
  }

  /** A catalog track's audio, by its id (for example {@code test/t8}). */
  public Path audio(String id) {
    return corpus.resolve(id + ".wav");
  }
}
