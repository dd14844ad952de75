package org.soundalike.dataset;

import java.io.Serializable;

/**
 * One materialised training view: an excerpt of a track, cropped and augmented for one epoch.
 * Every epoch holds two views of each training track (view 0 and view 1, the SimCLR pair).
 *
 * @param trackId the catalog's track id
 * @param epoch the epoch the view was drawn for (0-based)
 * @param view 0 or 1
 * @param cropStart the first sample of the crop in the decoded track
 * @param seed the view's seed: the crop start and the augmentation chain's seed are drawn from it, so
 *     it replays the view exactly
 * @param audio {@code samplesPerView} mono samples in [-1, 1] at the shard's sample rate
 */
public record TrainingView(String trackId, int epoch, int view, long cropStart, long seed, float[] audio)
    implements Serializable {

  public TrainingView {
    if (trackId == null || trackId.isBlank()) {
      throw new IllegalArgumentException("training view needs a track id");
    }
    if (epoch < 0 || view < 0) {
      throw new IllegalArgumentException(
          "track " + trackId + ": epoch " + epoch + " and view " + view + " must not be negative");
    }
  }
}
