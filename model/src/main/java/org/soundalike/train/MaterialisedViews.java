package org.soundalike.train;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.soundalike.audio.AudioSpec;
import org.soundalike.dataset.TrainingView;
import org.soundalike.dataset.ViewShardException;
import org.soundalike.dataset.ViewShardIndex;
import org.soundalike.dataset.ViewShards;

/**
 * The training views {@code soundalike pipeline augment} materialised (docs/formats.md "Training
 * view shards"), served epoch by epoch: the n-th training epoch (1-based) reads the shards' epoch
 * (n − 1) mod E, so a run longer than the E materialised epochs cycles through them. One epoch's
 * views are held in memory at a time (two excerpts, ≈ 472 KB, per training track), because the
 * epoch's shuffled batches draw from every shard.
 */
final class MaterialisedViews {

  /** The preset name {@code pipeline augment} records for plain random crops. */
  static final String PLAIN_CROPS = "none";

  private final Path dir;
  private final ViewShards shards;
  private Set<String> required = Set.of();
  private int loadedEpoch = -1;
  private Map<String, float[][]> loaded = Map.of();

  private MaterialisedViews(Path dir, ViewShards shards) {
    this.dir = dir;
    this.shards = shards;
  }

  /**
   * Opens the shard folder {@code dir} for a run of {@code variant}.
   *
   * @throws TrainingException if the folder holds no valid index, views of another length or rate,
   *     or views augmented when the variant has no technique a (or plain when it has)
   */
  static MaterialisedViews open(Path dir, Variant variant) {
    ViewShards shards;
    try {
      shards = ViewShards.open(dir);
    } catch (ViewShardException e) {
      throw new TrainingException(e.getMessage(), e);
    }
    ViewShardIndex index = shards.index();
    if (index.samplesPerView() != AudioSpec.EXCERPT_SAMPLES || index.sampleRate() != AudioSpec.SAMPLE_RATE) {
      throw new TrainingException("view shards " + dir + " hold views of " + index.samplesPerView() + " samples at "
          + index.sampleRate() + " Hz; the network takes excerpts of " + AudioSpec.EXCERPT_SAMPLES + " samples at "
          + AudioSpec.SAMPLE_RATE + " Hz");
    }
    if (index.epochs() < 1 || index.viewsPerTrack() != 2) {
      throw new TrainingException("view shards " + dir + " hold " + index.epochs() + " epochs of "
          + index.viewsPerTrack() + " views per track; training needs at least one epoch of 2 (the SimCLR pair)");
    }
    boolean augmented = !PLAIN_CROPS.equals(index.preset());
    if (augmented != variant.augment()) {
      throw new TrainingException("view shards " + dir + " were made with preset " + index.preset() + ", but variant "
          + variant.name() + (variant.augment()
              ? " uses technique a (augmented views): materialise them with an augmentation preset"
              : " has no technique a (plain crops): materialise them with --preset " + PLAIN_CROPS));
    }
    return new MaterialisedViews(dir, shards);
  }

  /** Whether the shards' first epoch holds both views of track {@code trackId}. */
  boolean covers(String trackId) {
    return epoch(0).containsKey(trackId);
  }

  /**
   * From now on every epoch read must hold both views of each of {@code trackIds} (the usable
   * training tracks), and only their views are kept in memory.
   */
  void require(Set<String> trackIds) {
    required = Set.copyOf(trackIds);
    loadedEpoch = -1;
    loaded = Map.of();
  }

  /** View {@code view} (0 or 1) of track {@code trackId} for training epoch {@code epoch} (1-based). */
  float[] view(String trackId, int epoch, int view) {
    int shardEpoch = Math.floorMod(epoch - 1, shards.epochs());
    float[][] pair = epoch(shardEpoch).get(trackId);
    if (pair == null) {
      throw notCovered(trackId, shardEpoch);
    }
    return pair[view];
  }

  private Map<String, float[][]> epoch(int shardEpoch) {
    if (shardEpoch == loadedEpoch) {
      return loaded;
    }
    Map<String, float[][]> views = new HashMap<>();
    try {
      for (TrainingView v : shards.views(shardEpoch)) {
        if (required.isEmpty() || required.contains(v.trackId())) {
          views.computeIfAbsent(v.trackId(), id -> new float[2][])[v.view()] = v.audio();
        }
      }
    } catch (ViewShardException e) {
      throw new TrainingException(e.getMessage(), e);
    }
    views.values().removeIf(pair -> pair[0] == null || pair[1] == null);
    for (String id : required) {
      if (!views.containsKey(id)) {
        throw notCovered(id, shardEpoch);
      }
    }
    loadedEpoch = shardEpoch;
    loaded = views;
    return views;
  }

  /** The error for a usable training track that shard epoch {@code shardEpoch} holds no views of. */
  TrainingException notCovered(String trackId, int shardEpoch) {
    return new TrainingException("view shards " + dir + ": epoch " + shardEpoch + " of " + shards.epochs()
        + " holds no pair of views of training track " + trackId
        + " (the shards do not cover this catalog's training split: materialise them from its manifest)");
  }
}
