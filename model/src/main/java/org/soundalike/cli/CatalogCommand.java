package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.CatalogException;
import org.soundalike.dataset.CatalogOptions;
import org.soundalike.dataset.CatalogSummary;
import org.soundalike.dataset.Catalogs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code soundalike catalog DIR}: recognises a catalog folder and prints a JSON summary of it. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "Read a catalog folder (tracks.csv, MTG-Jamendo or MagnaTagATune) and print a JSON summary: "
        + "format, tracks per split, vocabulary, tag frequencies, missing audio files, fingerprint.")
public final class CatalogCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The catalog folder.")
  Path dir;

  @Option(names = "--audio-root", paramLabel = "DIR",
      description = "Folder the audio paths of MTG-Jamendo or MagnaTagATune are relative to "
          + "(default: DIR for MTG-Jamendo, the folder of the split files for MagnaTagATune).")
  Path audioRoot;

  @Option(names = "--low-quality-audio",
      description = "MTG-Jamendo: the audio files are the dataset's low-quality copies, named 14/1234.low.mp3.")
  boolean lowQualityAudio;

  @Option(names = "--missing-shown", paramLabel = "N", defaultValue = "5",
      description = "How many missing audio files to name (default: ${DEFAULT-VALUE}).")
  int missingShown;

  @Override
  public Integer call() throws Exception {
    Catalog catalog;
    try {
      catalog = Catalogs.open(dir, new CatalogOptions(audioRoot, lowQualityAudio));
    } catch (CatalogException e) {
      spec.commandLine().getErr().println("soundalike catalog: " + e.getMessage());
      return 2;
    }
    CatalogSummary summary = CatalogSummary.of(catalog, missingShown);
    spec.commandLine().getOut().println(
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
