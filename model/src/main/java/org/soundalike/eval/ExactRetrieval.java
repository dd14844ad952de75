package org.soundalike.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * Exact (brute-force) retrieval as the paper evaluates it: every row of a matrix is a query
 * against all rows, ranked by inner product, the query itself excluded. Inner products are
 * computed a block of queries at a time ({@link #QUERY_BLOCK} × rows floats per thread, never the
 * rows × rows matrix), and the top K of each query is kept by a bounded heap. Equal similarities
 * rank the lower row index first, so results are deterministic.
 */
public final class ExactRetrieval {

  /** Queries per block: 64 × 50,000 floats = 12.8 MB per thread. */
  public static final int QUERY_BLOCK = 64;

  private final InnerProductKernel kernel;
  private final int threads;

  public ExactRetrieval(InnerProductKernel kernel, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.kernel = kernel;
    this.threads = threads;
  }

  /** The fastest kernel on every available core. */
  public static ExactRetrieval withDefaults() {
    return new ExactRetrieval(InnerProductKernels.fastest(), Runtime.getRuntime().availableProcessors());
  }

  public InnerProductKernel kernel() {
    return kernel;
  }

  public Neighbours search(EmbeddingMatrix vectors, int k) {
    return search(vectors, k, done -> {});
  }

  /**
   * The top {@code min(k, rows - 1)} other rows of every row. {@code queriesDone} hears the size
   * of each finished block (for a progress line); it may be called from several threads.
   */
  public Neighbours search(EmbeddingMatrix vectors, int k, LongConsumer queriesDone) {
    if (k < 1) {
      throw new IllegalArgumentException("K must be at least 1, got " + k);
    }
    int n = vectors.rows();
    int depth = Math.min(k, n - 1);
    int[][] indices = new int[n][];
    float[][] similarities = new float[n][];
    int blocks = (n + QUERY_BLOCK - 1) / QUERY_BLOCK;
    AtomicInteger nextBlock = new AtomicInteger();
    Runnable worker = () -> {
      float[] products = new float[QUERY_BLOCK * n];
      TopK top = new TopK(Math.max(depth, 1));
      for (int b = nextBlock.getAndIncrement(); b < blocks; b = nextBlock.getAndIncrement()) {
        int from = b * QUERY_BLOCK;
        int to = Math.min(from + QUERY_BLOCK, n);
        kernel.innerProducts(vectors, from, to, vectors, products);
        for (int q = from; q < to; q++) {
          top.clear();
          int offset = (q - from) * n;
          for (int j = 0; j < n; j++) {
            if (j != q) {
              top.offer(products[offset + j], j);
            }
          }
          indices[q] = new int[depth];
          similarities[q] = new float[depth];
          top.drainBestFirst(indices[q], similarities[q]);
        }
        queriesDone.accept(to - from);
      }
    };
    run(worker, Math.min(threads, Math.max(blocks, 1)));
    return new Neighbours(indices, similarities);
  }

  private static void run(Runnable worker, int workers) {
    if (workers <= 1) {
      worker.run();
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "exact-retrieval");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(worker));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("exact retrieval interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("exact retrieval failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A bounded min-heap holding the best K (similarity, index) pairs; its root is the worst kept
   * pair. "Worse" means a lower similarity, or an equal one with a higher index.
   */
  static final class TopK {
    private final float[] score;
    private final int[] index;
    private int size;

    TopK(int capacity) {
      score = new float[capacity];
      index = new int[capacity];
    }

    void clear() {
      size = 0;
    }

    void offer(float s, int i) {
      if (size < score.length) {
        score[size] = s;
        index[size] = i;
        siftUp(size++);
      } else if (better(s, i, score[0], index[0])) {
        score[0] = s;
        index[0] = i;
        siftDown(0);
      }
    }

    private static boolean better(float s, int i, float t, int j) {
      return s > t || (s == t && i < j);
    }

    private void siftUp(int c) {
      while (c > 0) {
        int p = (c - 1) / 2;
        if (!better(score[p], index[p], score[c], index[c])) {
          return;
        }
        swap(p, c);
        c = p;
      }
    }

    private void siftDown(int p) {
      while (true) {
        int l = 2 * p + 1;
        if (l >= size) {
          return;
        }
        int r = l + 1;
        int worst = r < size && better(score[l], index[l], score[r], index[r]) ? r : l;
        if (!better(score[p], index[p], score[worst], index[worst])) {
          return;
        }
        swap(p, worst);
        p = worst;
      }
    }

    private void swap(int a, int b) {
      float s = score[a];
      score[a] = score[b];
      score[b] = s;
      int i = index[a];
      index[a] = index[b];
      index[b] = i;
    }

    /** Writes the kept pairs best first, worst popped into the last slot (the heap is emptied). */
    void drainBestFirst(int[] indices, float[] similarities) {
      for (int r = size - 1; r >= 0; r--) {
        indices[r] = index[0];
        similarities[r] = score[0];
        score[0] = score[size - 1];
        index[0] = index[size - 1];
        size--;
        siftDown(0);
      }
    }
  }
}
