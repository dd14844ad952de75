package org.soundalike.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private final AtomicLong clock = new AtomicLong();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  private Progress progress(long total) {
    return new Progress("render", "tracks", total,
        new PrintStream(printed, true, StandardCharsets.UTF_8), clock::get, Duration.ofSeconds(2));
  }

  @Test
  void lineShowsCountRateAndEta() {
    Progress progress = progress(400);
    clock.set(Duration.ofSeconds(30).toNanos());
    progress.advance(120);
    // 120 tracks in 30 s = 4 tracks/s; 280 left at 4/s = 70 s.
    assertThat(progress.line(clock.get())).isEqualTo("render: 120/400 tracks (30%), 4.0 tracks/s, ETA 1m10s");
  }

  @Test
  void failuresAreCountedAsDoneAndReported() {
    Progress progress = progress(10);
    clock.set(Duration.ofSeconds(10).toNanos());
    progress.advance(4);
    progress.fail();
    assertThat(progress.done()).isEqualTo(5);
    assertThat(progress.line(clock.get())).endsWith(", 1 failed");
  }

  @Test
  void printsAtMostOncePerIntervalAndAlwaysAtClose() {
    Progress progress = progress(100);
    for (int second = 1; second <= 5; second++) {
      clock.set(Duration.ofSeconds(second).toNanos());
      progress.advance();
    }
    progress.close();
    String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
    // Printed at 2 s and 4 s (interval 2 s), then once at close.
    assertThat(lines).hasSize(3);
    assertThat(lines[2]).startsWith("render: 5/100 tracks");
  }

  @Test
  void closeDoesNotRepeatALineThatAlreadyShowedTheFinalCount() {
    Progress progress = progress(2);
    clock.set(Duration.ofSeconds(1).toNanos());
    progress.advance();
    clock.set(Duration.ofSeconds(2).toNanos());
    progress.advance();
    progress.close();
    assertThat(printed.toString(StandardCharsets.UTF_8).split("\n")).hasSize(1);
  }

  @Test
  void unknownTotalShowsElapsedInsteadOfEta() {
    Progress progress = progress(0);
    clock.set(Duration.ofSeconds(90).toNanos());
    progress.advance(9);
    assertThat(progress.line(clock.get())).isEqualTo("render: 9 tracks, 0.1 tracks/s, elapsed 1m30s");
  }
}
