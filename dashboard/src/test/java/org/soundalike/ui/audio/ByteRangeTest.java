package org.soundalike.ui.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

  @Test
  void aClosedRangeIsClippedToTheFile() {
    assertThat(ByteRange.parse("bytes=10-19", 100)).contains(new ByteRange(10, 19));
    assertThat(ByteRange.parse("bytes=90-200", 100)).contains(new ByteRange(90, 99));
  }

  @Test
  void anOpenRangeRunsToTheEndAndASuffixCountsFromIt() {
    assertThat(ByteRange.parse("bytes=40-", 100)).contains(new ByteRange(40, 99));
    assertThat(ByteRange.parse("bytes=-30", 100)).contains(new ByteRange(70, 99));
    assertThat(ByteRange.parse("bytes=-300", 100)).contains(new ByteRange(0, 99));
  }

  @Test
  void noHeaderOrSeveralRangesMeanTheWholeFile() {
    assertThat(ByteRange.parse(null, 100)).isEmpty();
    assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isEmpty();
    assertThat(ByteRange.parse("items=0-1", 100)).isEmpty();
  }

  @Test
  void aRangeOutsideTheFileIsUnsatisfiable() {
    assertThatThrownBy(() -> ByteRange.parse("bytes=100-", 100))
        .isInstanceOf(ByteRange.UnsatisfiableRangeException.class).hasMessageContaining("100 bytes");
    assertThatThrownBy(() -> ByteRange.parse("bytes=20-10", 100))
        .isInstanceOf(ByteRange.UnsatisfiableRangeException.class);
    assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 100))
        .isInstanceOf(ByteRange.UnsatisfiableRangeException.class);
  }
}
