package org.soundalike.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AugmentationSeedTest {

  @Test
  void isTheSameForTheSameViewAndDistinctAcrossRunsTracksEpochsAndViews() {
    Set<Long> seeds = new HashSet<>();
    for (long run : new long[] {0, 1}) {
      for (String track : new String[] {"123", "124", "mtg/00/1234.mp3"}) {
        for (int epoch = 0; epoch < 20; epoch++) {
          for (int view = 0; view < 2; view++) {
            long seed = AugmentationSeed.of(run, track, epoch, view);
            assertThat(AugmentationSeed.of(run, track, epoch, view)).isEqualTo(seed);
            seeds.add(seed);
          }
        }
      }
    }
    assertThat(seeds).hasSize(2 * 3 * 20 * 2);
  }
}
