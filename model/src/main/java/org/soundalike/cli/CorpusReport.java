package org.soundalike.cli;

import java.io.PrintStream;
import java.util.Map;
import org.soundalike.corpus.CorpusSummary;
import org.soundalike.dataset.Split;

/** Prints a {@link CorpusSummary} for people: where, how much, which tags, how fast. */
final class CorpusReport {

  private CorpusReport() {}

  static void print(CorpusSummary summary, PrintStream out) {
    out.println("Demo corpus: " + summary.dir().toAbsolutePath());
    out.printf("  %d tracks x %.1f s = %.1f min of audio (design %d, seed %d, label noise %.2f)%n",
        summary.parameters().tracks(), summary.parameters().seconds(), summary.audioSeconds() / 60,
        summary.parameters().design().number(), summary.parameters().seed(), summary.parameters().labelNoise());
    StringBuilder splits = new StringBuilder("  splits:");
    for (Split split : Split.values()) {
      splits.append(' ').append(split.label()).append(' ').append(summary.tracksPerSplit().get(split));
    }
    out.println(splits);
    out.println("  soundbank: " + summary.bank());
    if (summary.reused()) {
      out.println("  reused: the folder already held this corpus, nothing was rendered");
    } else {
      out.printf("  rendered in %.1f s on %d thread(s): %.1f x real time%n",
          summary.renderSeconds(), summary.threads(), summary.realTimeFactor());
    }
    out.println("  tags (tracks carrying each, as in tracks.csv):");
    for (Map.Entry<String, Integer> e : summary.labelCounts().entrySet()) {
      out.printf("    %-16s %5d%n", e.getKey(), e.getValue());
    }
  }
}
