package org.soundalike.ui.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.soundalike.run.RunProvenance;
import org.soundalike.run.RunFolder;
import org.soundalike.run.RunFolderException;

/**
 * The training run whose model embeds uploaded queries: its folder, the checkpoint the encoder
 * loads, and its provenance as the training code recorded it in {@code run.json} (absent or
 * unreadable provenance is a note for the page, not a reason to refuse the run).
 */
public record ServingRun(Path folder, Path checkpoint, Optional<RunProvenance> provenance,
    Optional<String> provenanceProblem) {

  /** One line of the provenance table: what it is and its value as the page writes it. */
  public record Field(String name, String value) {}

  /**
   * Reads what the run folder says about itself.
   *
   * @throws RunFolderException when the folder holds no checkpoint
   */
  public static ServingRun read(Path folder) {
    RunFolder run = RunFolder.of(folder);
    Path checkpoint = run.bestOrLastCheckpoint();
    if (!run.hasProvenance()) {
      return new ServingRun(folder, checkpoint, Optional.empty(),
          Optional.of(run.runJson() + " is missing: the run's provenance is unknown"));
    }
    try {
      return new ServingRun(folder, checkpoint, Optional.of(run.provenance()), Optional.empty());
    } catch (RunFolderException e) {
      return new ServingRun(folder, checkpoint, Optional.empty(), Optional.of(e.getMessage()));
    }
  }

  /** "run G-tiny (variant G, config tiny, 10 % labels, seed 7, best.bin)" for the page. */
  public String describe() {
    String name = folder.toAbsolutePath().normalize().getFileName().toString();
    return provenance.map(p -> String.format(Locale.ROOT, "run %s (variant %s, config %s, %s labels, seed %d, %s)",
            p.runId(), p.variant(), p.config() == null ? "?" : p.config(), Formats.percent(p.labelFraction()), p.seed(),
            checkpoint.getFileName()))
        .orElse("run " + name + " (" + checkpoint.getFileName() + ", provenance unknown)");
  }

  /** The provenance as the page lists it, with the training state the training code records beside it; empty when unknown. */
  public List<Field> provenanceFields() {
    if (provenance.isEmpty()) {
      return List.of();
    }
    RunProvenance p = provenance.get();
    List<Field> fields = new ArrayList<>();
    fields.add(new Field("run", p.runId()));
    fields.add(new Field("dataset", p.dataset()));
    fields.add(new Field("catalog fingerprint", String.valueOf(p.catalogFingerprint())));
    fields.add(new Field("model configuration", String.valueOf(p.config())));
    fields.add(new Field("variant", p.variant() + " (" + p.techniques() + ")"));
    fields.add(new Field("α / r", Formats.number(p.alpha()) + " / " + Formats.number(p.r())));
    fields.add(new Field("labelled fraction", Formats.percent(p.labelFraction())));
    fields.add(new Field("seed", Long.toString(p.seed())));
    fields.add(new Field("epochs", String.valueOf(p.epochs())));
    for (String[] state : new String[][] {{"status", "status"}, {"stopReason", "stop reason"}, {"bestEpoch", "best epoch"}}) {
      JsonNode value = p.extra().get(state[0]);
      if (value != null && !value.isNull()) {
        fields.add(new Field(state[1], value.asText()));
      }
    }
    fields.add(new Field("code version", String.valueOf(p.codeVersion())));
    fields.add(new Field("trained at", String.valueOf(p.trainedAt())));
    fields.add(new Field("checkpoint", checkpoint.getFileName().toString()));
    return List.copyOf(fields);
  }
}
