package org.soundalike.search.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs up to {@code n} bulk requests at once and blocks the submitter while all are busy. One
 * request at a time leaves the server idle while the client builds the next batch, and the
 * client idle while the server indexes; on two cores two in flight keep both busy. A failed
 * request stops the next submit (or the close) with its exception.
 */
final class BulkRequestsInFlight implements AutoCloseable {

  private final ExecutorService pool;
  private final Semaphore slots;
  private final List<Future<?>> submitted = new ArrayList<>();

  BulkRequestsInFlight(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("bulk requests in flight must be at least 1, got " + n);
    }
    this.pool = Executors.newFixedThreadPool(n);
    this.slots = new Semaphore(n);
  }

  void submit(Runnable request) {
    slots.acquireUninterruptibly();
    for (Future<?> done : submitted.stream().filter(Future::isDone).toList()) {
      outcome(done);
      submitted.remove(done);
    }
    submitted.add(pool.submit(() -> {
      try {
        request.run();
      } finally {
        slots.release();
      }
    }));
  }

  @Override
  public void close() {
    pool.shutdown();
    submitted.forEach(BulkRequestsInFlight::outcome);
  }

  private static void outcome(Future<?> request) {
    try {
      request.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a bulk request", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }
}
