package org.soundalike.eval.identity;

import java.util.List;

/**
 * A ranking's answer to one clip.
 *
 * @param ids every catalog track, best first
 * @param predictedOffsetSeconds where the ranking places the clip in its best track, or null when
 *     it does not say (track-level rankings)
 */
public record RankedTracks(List<String> ids, Double predictedOffsetSeconds) {

  public RankedTracks {
    ids = List.copyOf(ids);
  }
}
