package org.soundalike.dataset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The semi-supervised scenario (METHOD.md): labels are kept for a fraction of the TRAINING tracks
 * only; the others still feed the contrastive loss.
 *
 * <p>The draw ranks the training tracks by a seeded hash of their id (SHA-256 of the seed and the
 * id; ties, which need a hash collision, by id) and keeps the first {@code k}. So the labelled set
 * depends only on the seed and the set of ids: not on the file's order, the run or the machine;
 * and for one seed the sets are nested (the 1 % set lies inside the 5 % set, inside the 10 % set
 * and so on), because a larger fraction only takes more tracks from the same ranking.
 *
 * @param fraction in [0, 1]
 * @param seed the draw's seed; record it with the fraction in a checkpoint's provenance
 */
public record LabelFraction(double fraction, long seed) {

  public LabelFraction {
    if (!(fraction >= 0.0 && fraction <= 1.0)) {
      throw new IllegalArgumentException("label fraction " + fraction + " is not in [0, 1]");
    }
  }

  public static LabelFraction all() {
    return new LabelFraction(1.0, 0L);
  }

  /**
   * The number of labelled tracks among {@code trainingTracks}: {@code fraction × n} rounded half
   * up (computed in decimal, so 0.05 × 30 is exactly 1.5 and gives 2), but at least 1 when both
   * the fraction and n are positive, so that even 1 % of a small set labels something.
   */
  public static int labelledCount(double fraction, int trainingTracks) {
    if (trainingTracks < 0) {
      throw new IllegalArgumentException("negative track count " + trainingTracks);
    }
    int k = BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(trainingTracks))
        .setScale(0, RoundingMode.HALF_UP).intValueExact();
    return fraction > 0 && trainingTracks > 0 ? Math.max(1, k) : k;
  }

  /** The ids of the training tracks of {@code catalog} that keep their labels. */
  public Set<String> labelledIds(Catalog catalog) {
    return labelledIds(catalog.tracks());
  }

  /**
   * The ids of the training tracks among {@code tracks} that keep their labels (tracks of the
   * other splits are ignored: validation and test keep all their labels), in ranking order.
   */
  public Set<String> labelledIds(Collection<Track> tracks) {
    Set<String> trainIds = new HashSet<>();
    for (Track track : tracks) {
      if (track.split() == Split.TRAIN && !trainIds.add(track.id())) {
        throw new IllegalArgumentException("duplicate training track id " + track.id());
      }
    }
    List<String> ranked = ranking(trainIds, seed);
    return new LinkedHashSet<>(ranked.subList(0, labelledCount(fraction, ranked.size())));
  }

  /** All {@code ids} ordered by the seeded hash: a track's rank is the order in which it gains its label. */
  static List<String> ranking(Collection<String> ids, long seed) {
    record Keyed(long key, String id) {}
    List<Keyed> keyed = new ArrayList<>(ids.size());
    MessageDigest digest = Catalog.sha256();
    byte[] seedBytes = ByteBuffer.allocate(Long.BYTES).putLong(seed).array();
    for (String id : ids) {
      digest.update(seedBytes);
      digest.update(id.getBytes(StandardCharsets.UTF_8));
      keyed.add(new Keyed(ByteBuffer.wrap(digest.digest()).getLong(), id));
    }
    keyed.sort(Comparator.comparingLong(Keyed::key).thenComparing(Keyed::id));
    return keyed.stream().map(Keyed::id).toList();
  }

  @Override
  public String toString() {
    return "labels " + BigDecimal.valueOf(fraction * 100).stripTrailingZeros().toPlainString() + "% (seed " + seed + ")";
  }
}
