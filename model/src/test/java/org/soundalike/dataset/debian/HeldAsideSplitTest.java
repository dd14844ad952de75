package org.soundalike.dataset.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.soundalike.dataset.Split;

class HeldAsideSplitTest {

  private static List<MusicTrack> tracks(String packageName, int n) {
    List<MusicTrack> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new MusicTrack(packageName + "/music/t" + i + ".ogg", Split.TRAIN, packageName, "1", "music/t" + i + ".ogg", "GPL", 60));
    }
    return out;
  }

  private static Map<String, Long> testCounts(List<MusicTrack> tracks) {
    return tracks.stream().filter(t -> t.split() == Split.TEST)
        .collect(Collectors.groupingBy(MusicTrack::packageName, Collectors.counting()));
  }

  @Test
  void everyPackageGivesItsShareToTestAndValid() {
    List<MusicTrack> all = new ArrayList<>(tracks("a", 10));
    all.addAll(tracks("b", 3));
    List<MusicTrack> assigned = new HeldAsideSplit(0.2, 0.1, 7).assign(all);

    // a: 10 × 0.2 = 2 test, 1 valid; b: 3 × 0.2 = 0.6 → 1 test, 0.3 → 0 valid.
    assertThat(testCounts(assigned)).containsEntry("a", 2L).containsEntry("b", 1L);
    assertThat(assigned.stream().filter(t -> t.split() == Split.VALID).map(MusicTrack::packageName)).containsExactly("a");
    assertThat(assigned).extracting(MusicTrack::path).containsExactlyElementsOf(all.stream().map(MusicTrack::path).toList());
  }

  @Test
  void theDrawDependsOnTheSeedNotOnTheOrder() {
    List<MusicTrack> all = tracks("a", 30);
    List<MusicTrack> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new java.util.Random(1));

    Map<String, Split> first = splits(new HeldAsideSplit(0.2, 0.1, 7).assign(all));
    Map<String, Split> again = splits(new HeldAsideSplit(0.2, 0.1, 7).assign(shuffled));
    Map<String, Split> otherSeed = splits(new HeldAsideSplit(0.2, 0.1, 8).assign(all));

    assertThat(again).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
  }

  @Test
  void fractionsThatLeaveNothingToTrainOnAreRefused() {
    assertThatThrownBy(() -> new HeldAsideSplit(0.6, 0.4, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<String, Split> splits(List<MusicTrack> tracks) {
    return tracks.stream().collect(Collectors.toMap(MusicTrack::path, MusicTrack::split));
  }
}
