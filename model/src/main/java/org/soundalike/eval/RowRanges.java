package org.soundalike.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs work over rows [0, n) split into one contiguous range per thread. Callers write per-row
 * results and reduce them in row order, so results never depend on the thread count.
 */
final class RowRanges implements AutoCloseable {

  interface Work {
    void apply(int from, int to);
  }

  private final int threads;
  private final ExecutorService pool;

  RowRanges(int threads, String name) {
    this.threads = threads;
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    }) : null;
  }

  void run(int n, Work work) {
    if (pool == null) {
      work.apply(0, n);
      return;
    }
    List<Future<?>> futures = new ArrayList<>();
    for (int part = 0; part < threads; part++) {
      int from = (int) ((long) n * part / threads);
      int to = (int) ((long) n * (part + 1) / threads);
      futures.add(pool.submit(() -> work.apply(from, to)));
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
