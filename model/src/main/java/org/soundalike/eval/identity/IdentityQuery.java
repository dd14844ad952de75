package org.soundalike.eval.identity;

import java.util.List;
import java.util.Map;

/**
 * One query of the identity benchmark: a clip of a held-aside track and what each ranking made of it.
 *
 * @param track the clip's source track
 * @param collection the source's collection
 * @param trackSeconds the source's length
 * @param offsetSeconds where the clip starts in its source (the truth a segment search is judged by)
 * @param results per ranking name
 */
public record IdentityQuery(
    String track, String collection, double trackSeconds, double offsetSeconds, Map<String, Result> results) {

  /**
   * @param rank the source's 1-based place in the ranking
   * @param top the first ten tracks
   * @param sameCollectionAt5 the share of the first five tracks other than the source that come from its collection
   * @param predictedOffsetSeconds where the ranking placed the clip, or null
   */
  public record Result(int rank, List<String> top, double sameCollectionAt5, Double predictedOffsetSeconds) {}
}
