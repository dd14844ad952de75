package org.soundalike.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.soundalike.net.NetworkParameters;
import org.soundalike.run.RunFolder;

/**
 * The network a training run serves: the weights and running averages of its best (else last)
 * checkpoint, the tag vocabulary in tag-head order, and where it came from. The one way inference
 * (ND4J or an ONNX export) reads a run.
 *
 * @param checkpoint the checkpoint file read
 * @param provenance flat {@code soundalike.*} keys: run, checkpoint, variant, α, r, label
 *     fraction, seed, epochs, catalog fingerprint and, when the run wrote its {@code run.json},
 *     the rest of its {@link org.soundalike.run.RunProvenance#fields()} (dataset, config, code
 *     version, training time)
 */
public record TrainedNetwork(
    Path checkpoint, NetworkParameters parameters, List<String> tags, Map<String, String> provenance) {

  public TrainedNetwork {
    tags = List.copyOf(tags);
    provenance = Map.copyOf(provenance);
  }

  /**
   * Reads the best (else the last) checkpoint of a run folder as float32.
   *
   * @throws TrainingException naming the run when it holds no readable checkpoint
   */
  public static TrainedNetwork load(Path run) {
    RunFolder folder = RunFolder.of(run);
    Path file = folder.bestOrLastCheckpoint();
    Checkpoint saved = Checkpoint.read(file);
    return new TrainedNetwork(file, saved.parameters(DataType.FLOAT, file), saved.tags(), provenance(folder, file, saved));
  }

  private static Map<String, String> provenance(RunFolder run, Path file, Checkpoint saved) {
    Map<String, String> out = new LinkedHashMap<>();
    TrainingSettings settings = saved.settings();
    out.put("soundalike.source", "run");
    out.put("soundalike.run", run.path().toAbsolutePath().normalize().toString());
    out.put("soundalike.checkpoint", file.getFileName().toString());
    out.put("soundalike.variant", settings.variant().name());
    out.put("soundalike.techniques", settings.variant().techniques());
    putIfPresent(out, "soundalike.alpha", settings.variant().alpha());
    putIfPresent(out, "soundalike.r", settings.r());
    out.put("soundalike.label_fraction", Double.toString(settings.labelFraction()));
    out.put("soundalike.seed", Long.toString(settings.seed()));
    out.put("soundalike.epochs", Integer.toString(saved.state().epochs()));
    out.put("soundalike.best_epoch", Integer.toString(saved.state().bestEpoch()));
    putIfPresent(out, "soundalike.catalog_fingerprint", saved.catalogFingerprint());
    if (run.hasProvenance()) {
      run.provenance().fields().forEach((key, value) -> out.putIfAbsent("soundalike." + key, value));
    }
    return out;
  }

  private static void putIfPresent(Map<String, String> out, String key, Object value) {
    if (value != null) {
      out.put(key, value.toString());
    }
  }
}
