package org.soundalike.eval.identity;

import java.nio.file.Path;

/**
 * One way to find an uploaded clip's source among the catalog's tracks: the track-level vectors
 * ({@link VectorRanking}) today; a segment-level search that also says where in the track the clip
 * lies can take its place. Every catalog track is added before the first query.
 */
public interface IdentityRanking {

  /** The name the report gives this ranking, for example {@code model} or {@code mfcc}. */
  String name();

  /** Adds a catalog track, decoded to mono 22,050 Hz. */
  void add(String id, Path file, float[] samples);

  /** Every catalog track for a clip (decoded likewise), best first. */
  RankedTracks rank(Path clip, float[] samples);
}
