package org.soundalike.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.soundalike.encode.SegmentWindows.Range;

/** Windows of excerpts every hop, a short track as one segment, the tail never left out. */
class SegmentWindowsTest {

  private final SegmentWindows fourEveryTwo = new SegmentWindows(4, 2);

  @Test
  void windowsStartEveryHopAndCoverTheTrack() {
    assertThat(fourEveryTwo.ranges(8)).containsExactly(new Range(0, 4), new Range(2, 6), new Range(4, 8));
  }

  @Test
  void aTailTheHopsMissGetsAWindowEndingAtTheLastExcerpt() {
    assertThat(fourEveryTwo.ranges(9)).containsExactly(new Range(0, 4), new Range(2, 6), new Range(4, 8), new Range(5, 9));
  }

  @Test
  void aTrackShorterThanOneWindowIsOneSegment() {
    assertThat(fourEveryTwo.ranges(3)).containsExactly(new Range(0, 3));
    assertThat(fourEveryTwo.ranges(4)).containsExactly(new Range(0, 4));
  }

  @Test
  void startsAndLengthsAreInSecondsOfExcerpts() {
    assertThat(new Range(2, 6).at()).isCloseTo(2 * 59049 / 22050.0, within(1e-9));
    assertThat(fourEveryTwo.windowSeconds()).isCloseTo(10.712, within(1e-3));
    assertThat(fourEveryTwo.hopSeconds()).isCloseTo(5.356, within(1e-3));
  }

  @Test
  void aHopLongerThanTheWindowWouldLeaveGapsAndIsRefused() {
    assertThatThrownBy(() -> new SegmentWindows(2, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SegmentWindows(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
