package org.soundalike.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Properties of the label draw, checked over many seeds and catalog sizes. */
class LabelFractionTest {

  private static final double[] SWEEP = {0.01, 0.05, 0.1, 0.5, 1.0};
  private static final int[] SIZES = {1, 2, 7, 10, 49, 100, 333, 1000};

  private static List<Track> tracks(int train, int others, long shuffleSeed) {
    List<Track> tracks = new ArrayList<>();
    for (int i = 0; i < train; i++) {
      tracks.add(new Track("track_" + i, Path.of("a/" + i + ".mp3"), Split.TRAIN, TagSet.empty()));
    }
    for (int i = 0; i < others; i++) {
      Split split = i % 2 == 0 ? Split.VALID : Split.TEST;
      tracks.add(new Track("other_" + i, Path.of("b/" + i + ".mp3"), split, TagSet.empty()));
    }
    Collections.shuffle(tracks, new Random(shuffleSeed));
    return tracks;
  }

  @Test
  void countsAreRoundedHalfUpWithAtLeastOne() {
    assertThat(LabelFraction.labelledCount(0.05, 30)).isEqualTo(2); // 1.5
    assertThat(LabelFraction.labelledCount(0.1, 25)).isEqualTo(3); // 2.5
    assertThat(LabelFraction.labelledCount(0.01, 149)).isEqualTo(1); // 1.49
    assertThat(LabelFraction.labelledCount(0.01, 150)).isEqualTo(2); // 1.5
    assertThat(LabelFraction.labelledCount(0.01, 10)).isEqualTo(1); // 0.1, raised to 1
    assertThat(LabelFraction.labelledCount(0.01, 32136)).isEqualTo(321);
    assertThat(LabelFraction.labelledCount(0.0, 100)).isZero();
    assertThat(LabelFraction.labelledCount(0.5, 0)).isZero();
    assertThat(LabelFraction.labelledCount(1.0, 17)).isEqualTo(17);
  }

  @Test
  void onlyTrainingTracksAreDrawnAndTheCountIsExact() {
    for (int size : SIZES) {
      List<Track> tracks = tracks(size, 13, size);
      for (double fraction : SWEEP) {
        for (long seed = 0; seed < 20; seed++) {
          Set<String> labelled = new LabelFraction(fraction, seed).labelledIds(tracks);
          assertThat(labelled).as("f=%s n=%s seed=%s", fraction, size, seed)
              .hasSize(LabelFraction.labelledCount(fraction, size))
              .allMatch(id -> id.startsWith("track_"));
        }
      }
    }
  }

  @Test
  void smallerFractionsAreNestedInLargerOnes() {
    for (int size : SIZES) {
      List<Track> tracks = tracks(size, 0, 7);
      for (long seed = 0; seed < 50; seed++) {
        Set<String> larger = new LabelFraction(1.0, seed).labelledIds(tracks);
        for (int i = SWEEP.length - 2; i >= 0; i--) {
          Set<String> smaller = new LabelFraction(SWEEP[i], seed).labelledIds(tracks);
          assertThat(larger).as("f=%s inside f=%s, n=%s seed=%s", SWEEP[i], SWEEP[i + 1], size, seed)
              .containsAll(smaller);
          larger = smaller;
        }
      }
    }
  }

  @Test
  void theFileOrderDoesNotMatter() {
    for (int size : SIZES) {
      for (long seed = 0; seed < 20; seed++) {
        LabelFraction draw = new LabelFraction(0.1, seed);
        Set<String> once = draw.labelledIds(tracks(size, 5, 1));
        Set<String> shuffled = draw.labelledIds(tracks(size, 5, 1000 + seed));
        assertThat(shuffled).as("n=%s seed=%s", size, seed).isEqualTo(once);
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameSetInTheSameRankingOrder() {
    List<Track> tracks = tracks(500, 0, 3);
    for (long seed = 0; seed < 20; seed++) {
      List<String> first = List.copyOf(new LabelFraction(0.05, seed).labelledIds(tracks));
      List<String> second = List.copyOf(new LabelFraction(0.05, seed).labelledIds(List.copyOf(tracks)));
      assertThat(second).isEqualTo(first);
    }
  }

  @Test
  void differentSeedsGiveDifferentSets() {
    List<Track> tracks = tracks(1000, 0, 3);
    List<Set<String>> sets = new ArrayList<>();
    for (long seed = 0; seed < 30; seed++) {
      sets.add(new LabelFraction(0.1, seed).labelledIds(tracks));
    }
    assertThat(sets).doesNotHaveDuplicates();
  }

  @Test
  void theRankingIsTheDocumentedSeededHash() throws Exception {
    // The documented scheme, recomputed here: SHA-256 over the seed's 8 big-endian bytes and the
    // id's UTF-8 bytes, ranked by the digest's first 8 bytes as a signed long. It uses no Java hash
    // code, so the labelled set is the same on every run and JVM.
    List<String> ids = List.of("track_0000241", "track_0000242", "1001", "é", "z");
    for (long seed : new long[] {0, 42, -7}) {
      List<String> expected = new ArrayList<>(ids);
      Map<String, Long> keys = new HashMap<>();
      for (String id : ids) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(ByteBuffer.allocate(8).putLong(seed).array());
        sha.update(id.getBytes(StandardCharsets.UTF_8));
        keys.put(id, ByteBuffer.wrap(sha.digest()).getLong());
      }
      expected.sort(Comparator.comparing(keys::get));
      assertThat(LabelFraction.ranking(ids, seed)).as("seed %s", seed).isEqualTo(expected);
    }
  }

  @Test
  void theFullFractionLabelsEveryTrainingTrack() {
    List<Track> tracks = tracks(37, 9, 5);
    assertThat(LabelFraction.all().labelledIds(tracks)).hasSize(37);
  }

  @Test
  void fractionsOutsideZeroToOneAreRejected() {
    assertThatThrownBy(() -> new LabelFraction(1.5, 0)).hasMessageContaining("1.5");
    assertThatThrownBy(() -> new LabelFraction(-0.1, 0)).hasMessageContaining("-0.1");
    assertThatThrownBy(() -> new LabelFraction(Double.NaN, 0)).hasMessageContaining("NaN");
  }

  @Test
  void describesItselfForProvenance() {
    assertThat(new LabelFraction(0.01, 7)).hasToString("labels 1% (seed 7)");
    assertThat(new LabelFraction(0.5, 7)).hasToString("labels 50% (seed 7)");
  }

  @Test
  void usesTheTrainingTracksOfACatalog() {
    Catalog catalog = Catalog.of("test", Path.of("/m"), Path.of("/m"), TagVocabulary.of(List.of()), tracks(100, 20, 9));
    Set<String> labelled = new LabelFraction(0.05, 1).labelledIds(catalog);
    assertThat(labelled).hasSize(5).allMatch(id -> catalog.track(id).orElseThrow().split() == Split.TRAIN);
  }
}
