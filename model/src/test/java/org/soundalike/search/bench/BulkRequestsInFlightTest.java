package org.soundalike.search.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BulkRequestsInFlightTest {

  @Test
  void runsEveryRequestWithAtMostNAtOnce() throws InterruptedException {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    try (BulkRequestsInFlight inFlight = new BulkRequestsInFlight(2)) {
      for (int i = 0; i < 20; i++) {
        inFlight.submit(() -> {
          mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
          sleepMillis(5);
          running.decrementAndGet();
          finished.incrementAndGet();
        });
      }
    }
    assertEquals(20, finished.get(), "close waits for the last requests");
    assertEquals(2, mostAtOnce.get());
  }

  @Test
  void aFailedRequestStopsTheNextSubmit() throws InterruptedException {
    CountDownLatch failed = new CountDownLatch(1);
    BulkRequestsInFlight inFlight = new BulkRequestsInFlight(1);
    inFlight.submit(() -> {
      failed.countDown();
      throw new IllegalStateException("rejected by the index");
    });
    failed.await(10, TimeUnit.SECONDS);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> inFlight.submit(() -> {}));
    assertEquals("rejected by the index", e.getMessage());
  }

  @Test
  void closeRethrowsAFailureOfTheLastRequests() {
    BulkRequestsInFlight inFlight = new BulkRequestsInFlight(2);
    inFlight.submit(() -> {
      throw new IllegalStateException("timed out");
    });
    assertEquals("timed out", assertThrows(IllegalStateException.class, inFlight::close).getMessage());
  }

  private static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
