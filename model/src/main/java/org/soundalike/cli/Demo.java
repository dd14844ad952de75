package org.soundalike.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.soundalike.corpus.CorpusException;
import org.soundalike.corpus.CorpusParameters;
import org.soundalike.corpus.CorpusSummary;
import picocli.CommandLine.Command;

/**
 * {@code soundalike demo}: the main job end to end on embedded defaults. A small orchestrator:
 * each step calls the real code of its package. So far: the demo corpus.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run the demo end to end: render the demo corpus into $SOUNDALIKE_HOME/data/demo-corpus"
        + " (reused when already there) and summarise it.")
public final class Demo implements Callable<Integer> {

  @Override
  public Integer call() {
    Path corpusDir = home().resolve("data").resolve("demo-corpus");
    try {
      CorpusSummary corpus = Corpus.build(corpusDir, CorpusParameters.defaults(), Optional.empty(), null);
      CorpusReport.print(corpus, System.out);
      return 0;
    } catch (CorpusException e) {
      System.err.println("soundalike demo: " + e.getMessage());
      return 1;
    }
  }

  /** Set by the launcher; the working directory otherwise. */
  static Path home() {
    String home = System.getenv("SOUNDALIKE_HOME");
    return home == null || home.isBlank() ? Path.of(".") : Path.of(home);
  }
}
