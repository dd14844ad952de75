package org.soundalike.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.soundalike.net.NetworkParameters;
import org.soundalike.run.RunFolder;
import org.soundalike.net.MetricLearningHead;

/**
 * The checkpoints of one run folder: after every epoch the whole state (weights, running averages,
 * Adam's moments, settings, {@link TrainingState}) replaces {@link RunFolder#CHECKPOINT}, and the
 * epoch with the lowest validation loss is copied to {@link RunFolder#BEST}. Arrays are stored
 * under a prefix naming their kind.
 */
final class CheckpointStore {

  static final String PARAM = "param/";
  static final String RUNNING = "running/";
  private static final String ADAM_M = "adam.m/";
  private static final String ADAM_V = "adam.v/";

  private final RunFolder folder;
  private final TrainingSettings settings;
  private final String catalogFingerprint;
  private final List<String> tags;

  CheckpointStore(RunFolder folder, TrainingSettings settings, String catalogFingerprint, List<String> tags) {
    this.folder = folder;
    this.settings = settings;
    this.catalogFingerprint = catalogFingerprint;
    this.tags = List.copyOf(tags);
  }

  /** The last checkpoint, or null before the first epoch. */
  Checkpoint last() {
    return Files.exists(folder.lastCheckpoint()) ? Checkpoint.read(folder.lastCheckpoint()) : null;
  }

  /** Refuses to resume a checkpoint of other settings (only the epoch limit may change) or another catalog. */
  void requireSameRun(Checkpoint saved) {
    if (!saved.settings().withEpochs(1).equals(settings.withEpochs(1))) {
      throw new TrainingException("run folder " + folder.path() + " holds another run: its settings are "
          + saved.settings().withEpochs(1) + ", this command's are " + settings.withEpochs(1)
          + " (only --epochs may change when resuming)");
    }
    if (!saved.catalogFingerprint().equals(catalogFingerprint)) {
      throw new TrainingException("run folder " + folder.path() + " was trained on another catalog (fingerprint "
          + saved.catalogFingerprint() + ", this catalog " + catalogFingerprint + ")");
    }
  }

  void save(NetworkParameters parameters, AdamOptimizer optimizer, TrainingState state, boolean best) {
    Map<String, INDArray> arrays = new LinkedHashMap<>();
    parameters.trainable().forEach((name, a) -> arrays.put(PARAM + name, a));
    parameters.runningStatistics().forEach((name, a) -> arrays.put(RUNNING + name, a));
    optimizer.firstMoments().forEach((name, a) -> arrays.put(ADAM_M + name, a));
    optimizer.secondMoments().forEach((name, a) -> arrays.put(ADAM_V + name, a));
    Path file = folder.lastCheckpoint();
    new Checkpoint(settings, state, catalogFingerprint, tags, arrays).write(file);
    if (best) {
      Checkpoint.copy(file, folder.bestCheckpoint());
    }
  }

  /** Puts Adam back where {@code saved} left it. */
  static void restore(AdamOptimizer optimizer, Checkpoint saved) {
    optimizer.restore(saved.state().adamSteps(), prefixed(saved.arrays(), ADAM_M), prefixed(saved.arrays(), ADAM_V));
  }

  /**
   * Copies saved weights and running averages into {@code parameters}. For technique p the tag
   * head is left fresh: pre-training never trains it.
   */
  static void loadInto(NetworkParameters parameters, Map<String, INDArray> arrays, Path source, boolean skipTagHead) {
    Map<String, INDArray> all = new LinkedHashMap<>(parameters.trainable());
    all.putAll(parameters.runningStatistics());
    for (Map.Entry<String, INDArray> e : all.entrySet()) {
      String name = e.getKey();
      if (skipTagHead && name.equals(MetricLearningHead.TAG_HEAD)) {
        continue;
      }
      String prefix = parameters.trainable().containsKey(name) ? PARAM : RUNNING;
      INDArray saved = arrays.get(prefix + name);
      if (saved == null) {
        throw new TrainingException("checkpoint " + source + " has no array " + prefix + name);
      }
      if (!Arrays.equals(saved.shape(), e.getValue().shape())) {
        throw new TrainingException("checkpoint " + source + ": " + name + " has shape "
            + Arrays.toString(saved.shape()) + ", the network needs "
            + Arrays.toString(e.getValue().shape()) + " (another config?)");
      }
      e.getValue().assign(saved.castTo(parameters.dataType()));
    }
  }

  private static Map<String, INDArray> prefixed(Map<String, INDArray> arrays, String prefix) {
    Map<String, INDArray> out = new LinkedHashMap<>();
    arrays.forEach((name, a) -> {
      if (name.startsWith(prefix)) {
        out.put(name.substring(prefix.length()), a);
      }
    });
    return out;
  }
}
