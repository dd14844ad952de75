package org.soundalike.dataset.debian;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soundalike.dataset.Split;

/**
 * Assigns train, valid and test, stratified by package: within each package the tracks are ranked
 * by SHA-256(seed ‖ path) (as {@code LabelFraction} ranks ids) and the first round(n × test) go to
 * test, the next round(n × valid) to valid. The test tracks are the held-aside part: never used for
 * pre-training, queried by the identity benchmark. Independent of file order; a track keeps its
 * split when other packages are added.
 */
public record HeldAsideSplit(double testFraction, double validFraction, long seed) {

  public HeldAsideSplit {
    if (testFraction < 0 || validFraction < 0 || testFraction + validFraction >= 1) {
      throw new IllegalArgumentException(
          "test " + testFraction + " and valid " + validFraction + " fractions must be ≥ 0 and leave tracks to train on");
    }
  }

  /** The tracks in their order, each with its split. */
  public List<MusicTrack> assign(List<MusicTrack> tracks) {
    Map<String, List<MusicTrack>> byPackage = new LinkedHashMap<>();
    for (MusicTrack t : tracks) {
      byPackage.computeIfAbsent(t.packageName(), k -> new ArrayList<>()).add(t);
    }
    Map<String, Split> splits = new LinkedHashMap<>();
    for (List<MusicTrack> group : byPackage.values()) {
      List<MusicTrack> ranked =
          group.stream().sorted(Comparator.comparingLong((MusicTrack t) -> rank(t.path())).thenComparing(MusicTrack::path)).toList();
      int test = count(testFraction, ranked.size());
      int valid = count(validFraction, ranked.size());
      for (int i = 0; i < ranked.size(); i++) {
        Split split = i < test ? Split.TEST : i < test + valid ? Split.VALID : Split.TRAIN;
        splits.put(ranked.get(i).path(), split);
      }
    }
    return tracks.stream().map(t -> t.withSplit(splits.get(t.path()))).toList();
  }

  private static int count(double fraction, int n) {
    return new BigDecimal(Double.toString(fraction)).multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.HALF_UP).intValue();
  }

  private long rank(String path) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
      sha.update(path.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(sha.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
