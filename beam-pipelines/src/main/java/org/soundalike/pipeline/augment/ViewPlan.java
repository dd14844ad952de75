package org.soundalike.pipeline.augment;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.soundalike.augment.AugmentationPreset;
import org.soundalike.pipeline.runner.PipelineInputException;

/**
 * How the training views of a run are made and laid out.
 *
 * @param epochs epochs to materialise
 * @param runSeed the seed of the run (see {@link org.soundalike.augment.AugmentationSeed})
 * @param preset the augmentation preset's name, or {@link #PLAIN_CROPS}
 * @param shardsPerEpoch shard files per epoch; a track's two views always land in the same one
 * @param out the shard folder, absolute
 * @param manifest the manifest the tracks came from (recorded in the index)
 */
public record ViewPlan(int epochs, long runSeed, String preset, int shardsPerEpoch, String out, String manifest)
    implements Serializable {

  /** The preset name for views that are random crops without augmentation. */
  public static final String PLAIN_CROPS = "none";

  public ViewPlan {
    if (epochs < 1 || shardsPerEpoch < 1) {
      throw new PipelineInputException("epochs (" + epochs + ") and shards per epoch (" + shardsPerEpoch
          + ") must be at least 1");
    }
    if (!PLAIN_CROPS.equals(preset)) {
      AugmentationPreset.named(preset);
    }
  }

  /** Enough shards that each holds about {@code viewsPerShard} views of the {@code tracks} tracks. */
  public static int shardsFor(int tracks, int viewsPerShard) {
    int tracksPerShard = Math.max(1, viewsPerShard / 2);
    return Math.max(1, (tracks + tracksPerShard - 1) / tracksPerShard);
  }

  /** The track's shard: a fixed function of its id, so reruns and every epoch lay tracks out alike. */
  public int shardOf(String trackId) {
    long bits = UUID.nameUUIDFromBytes(trackId.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    return (int) Math.floorMod(bits, (long) shardsPerEpoch);
  }

  public boolean augmented() {
    return !PLAIN_CROPS.equals(preset);
  }
}
