package org.soundalike.cli;

import org.soundalike.run.CodeVersion;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.soundalike.corpus.CorpusBuilder;
import org.soundalike.corpus.CorpusDesign;
import org.soundalike.corpus.CorpusException;
import org.soundalike.corpus.CorpusParameters;
import org.soundalike.corpus.CorpusSummary;
import org.soundalike.corpus.InstrumentBank;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code soundalike corpus}: renders the demo corpus (music with audible ground-truth tags). */
@Command(
    name = "corpus",
    mixinStandardHelpOptions = true,
    description = {
      "Render a tagged demo corpus with the JDK's MIDI synthesizer: audio/<track>.wav (mono 22,050 Hz"
          + " 16-bit), tracks.csv (path,split,tags) and corpus.json (parameters, soundbank, truth).",
      "Tags (design 1): instruments, drums/no drums, tempo band, major/minor, style. Same seed and soundbank give"
          + " byte-identical files; a folder that already holds the same corpus is reused."
    })
public final class Corpus implements Callable<Integer> {

  @Option(names = "--out", required = true, description = "Folder to write the corpus into.")
  Path out;

  @Option(names = "--tracks", defaultValue = "" + CorpusParameters.DEFAULT_TRACKS,
      description = "Number of tracks (default: ${DEFAULT-VALUE}).")
  int tracks;

  @Option(names = "--seconds", defaultValue = "" + CorpusParameters.DEFAULT_SECONDS,
      description = "Length of each track in seconds (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--seed", defaultValue = "" + CorpusParameters.DEFAULT_SEED,
      description = "Seeds the music, the splits and the label noise (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--label-noise", defaultValue = "0",
      description = "Fraction of training-split tags replaced by wrong ones (default: ${DEFAULT-VALUE}).")
  double labelNoise;

  @Option(names = "--design", defaultValue = "1", converter = DesignConverter.class,
      description = "Which corpus the seed draws: 1 (26 dense tags, the default) or 2 (a catalog-like label"
          + " regime: about 3 of 43 tags per track, common to rare; more variety per tag; 70/15/15 splits)."
          + " See docs/corpus.md.")
  CorpusDesign design;

  @Option(names = "--audibility", defaultValue = "0",
      description = "After building, render every tagged part of the first N test-split tracks alone and"
          + " report, per tag, the excerpt windows where it has at least 1 %% of the mix's power"
          + " (also written to DIR/audibility.json; default: ${DEFAULT-VALUE}, no check).")
  int audibility;

  @Option(names = "--threads", description = "Tracks rendered at once (default: up to 2, one per core).")
  Integer threads;

  @Option(names = "--soundfont", description = "A General MIDI .sf2 file (default: "
      + "/usr/share/sounds/sf2/FluidR3_GM.sf2, else the JDK's built-in bank with a warning).")
  Path soundfont;

  @Override
  public Integer call() {
    try {
      CorpusParameters parameters = new CorpusParameters(tracks, seconds, seed, labelNoise, design);
      CorpusSummary summary = build(out, parameters, Optional.ofNullable(soundfont), threads);
      CorpusReport.print(summary, System.out);
      if (audibility > 0) {
        CorpusAudibilityReport.run(out, parameters, audibility, Optional.ofNullable(soundfont), System.out);
      }
      return 0;
    } catch (IllegalArgumentException | CorpusException e) {
      System.err.println("soundalike corpus: " + e.getMessage());
      return 1;
    }
  }

  static CorpusSummary build(Path dir, CorpusParameters parameters, Optional<Path> soundfont, Integer threads) {
    int workers = threads != null ? threads : Math.min(2, Runtime.getRuntime().availableProcessors());
    InstrumentBank bank = InstrumentBank.locate(soundfont, System.err);
    return new CorpusBuilder(bank, workers, CodeVersion.current(), System.err).build(dir, parameters);
  }

  static final class DesignConverter implements ITypeConverter<CorpusDesign> {
    @Override
    public CorpusDesign convert(String value) {
      return CorpusDesign.parse(value);
    }
  }
}
