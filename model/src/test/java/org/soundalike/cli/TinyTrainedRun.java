package org.soundalike.cli;

import java.nio.file.Path;
import org.soundalike.train.TinyRun;

/**
 * Test fixture for the search and export tests: the tiny generated catalog and a run trained on
 * it for one epoch with the tiny network (4-dimensional embeddings, tags high/low/noisy): the
 * {@link TinyRun} fixture, with the catalog's audio at hand.
 */
public record TinyTrainedRun(Path corpus, Path run) {

  /** Embedding size of the tiny network. */
  public static final int DIMENSIONS = 4;

  public static TinyTrainedRun create(Path dir) throws Exception {
    Path run = TinyRun.train(dir);
    return new TinyTrainedRun(dir.resolve("corpus"), run);
  }

  /** A catalog track's audio, by its id (for example {@code test/t8}). */
  public Path audio(String id) {
    return corpus.resolve(id + ".wav");
  }
}
