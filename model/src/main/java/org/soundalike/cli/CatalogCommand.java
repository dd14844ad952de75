package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.CatalogException;
import org.soundalike.dataset.CatalogOptions;
import org.soundalike.dataset.CatalogSummary;
import org.soundalike.dataset.Catalogs;
import org.soundalike.dataset.LabelledPositives;
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

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

  @Option(names = "--label-fractions", paramLabel = "F,F,...", split = ",",
      description = "Also count, per tag, the labelled training positives each of these label fractions keeps"
          + " (e.g. 0.01,0.05,0.1,0.25,1), drawn as training draws them for each of --label-seeds.")
  List<Double> labelFractions;

  @Option(names = "--label-seeds", paramLabel = "S,S,...", split = ",", defaultValue = "1,2,3",
      description = "Run seeds the label draws use (default: ${DEFAULT-VALUE}).")
  List<Long> labelSeeds;

  @Option(names = "--markdown",
      description = "With --label-fractions: print the per-tag table as Markdown instead of the JSON summary.")
  boolean markdown;

  @Override
  public Integer call() throws Exception {
    Catalog catalog;
    try {
      catalog = Catalogs.open(dir, new CatalogOptions(audioRoot, lowQualityAudio));
    } catch (CatalogException e) {
      spec.commandLine().getErr().println("soundalike catalog: " + e.getMessage());
      return 2;
    }
    if (labelFractions != null && !labelFractions.isEmpty()) {
      for (double fraction : labelFractions) {
        if (!(fraction > 0 && fraction <= 1)) {
          spec.commandLine().getErr().println("soundalike catalog: label fraction " + fraction + " is not in (0, 1]");
          return 2;
        }
      }
      LabelledPositives positives = LabelledPositives.of(catalog, labelFractions, labelSeeds);
      if (markdown) {
        spec.commandLine().getOut().print(positives.markdown());
        spec.commandLine().getOut().flush();
        return 0;
      }
      ObjectNode json = JSON.valueToTree(CatalogSummary.of(catalog, missingShown));
      json.set("labelledPositives", JSON.valueToTree(positives));
      spec.commandLine().getOut().println(JSON.writeValueAsString(json));
      spec.commandLine().getOut().flush();
      return 0;
    }
    CatalogSummary summary = CatalogSummary.of(catalog, missingShown);
    spec.commandLine().getOut().println(JSON.writeValueAsString(summary));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
