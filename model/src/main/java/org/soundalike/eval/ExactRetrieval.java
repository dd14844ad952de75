package org.soundalike.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * Exact (brute-force) retrieval as the paper evaluates it: every row of a matrix is a query
 * against all rows, ranked by inner product, the query itself excluded.
 *
 * <p>Queries and database are the same set, so each pair's inner product is computed once and
 * offered to both rows' top-K heaps: block I of {@link #QUERY_BLOCK} rows is multiplied against
 * rows I.from..n only (half the flops of the full product), never materialising the n × n matrix.
 * Each thread keeps its own bounded heaps, merged at the end. Equal similarities rank the lower
 * row index first; with that total order the kept top K does not depend on the offering order,
 * so results are identical for any number of threads.
 */
public final class ExactRetrieval {

  /** Query rows per block: a block's products take 64 × n floats (12.8 MB at n = 50,000). */
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
   * The top {@code min(k, rows - 1)} other rows of every row. {@code blockRowsDone} hears the
   * size of each finished query block (a progress signal: later blocks are cheaper, as they pair
   * with fewer rows); it may be called from several threads.
   */
  public Neighbours search(EmbeddingMatrix vectors, int k, LongConsumer blockRowsDone) {
    if (k < 1) {
      throw new IllegalArgumentException("K must be at least 1, got " + k);
    }
    int n = vectors.rows();
    int depth = Math.min(k, n - 1);
    if (depth == 0) {
      blockRowsDone.accept(n);
      return new Neighbours(new int[n][0], new float[n][0]);
    }
    int blocks = (n + QUERY_BLOCK - 1) / QUERY_BLOCK;
    int workers = Math.min(threads, blocks);
    TopKHeaps[] heaps = new TopKHeaps[workers];
    AtomicInteger nextBlock = new AtomicInteger();
    List<Runnable> tasks = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      TopKHeaps own = new TopKHeaps(n, depth);
      heaps[w] = own;
      tasks.add(() -> {
        float[] products = new float[QUERY_BLOCK * n];
        for (int b = nextBlock.getAndIncrement(); b < blocks; b = nextBlock.getAndIncrement()) {
          int from = b * QUERY_BLOCK;
          int to = Math.min(from + QUERY_BLOCK, n);
          int columns = n - from;
          kernel.innerProducts(vectors, from, to, vectors, from, n, products);
          for (int i = from; i < to; i++) {
            int offset = (i - from) * columns - from;
            // Inside the diagonal block both orders of a pair are computed: offer to row i only.
            for (int j = from; j < to; j++) {
              if (j != i) {
                own.offer(i, products[offset + j], j);
              }
            }
            // Past it, each pair appears once: offer it to both rows.
            for (int j = to; j < n; j++) {
              float s = products[offset + j];
              own.offer(i, s, j);
              own.offer(j, s, i);
            }
          }
          blockRowsDone.accept(to - from);
        }
      });
    }
    run(tasks);
    for (int w = 1; w < workers; w++) {
      heaps[0].mergeFrom(heaps[w]);
    }
    int[][] indices = new int[n][depth];
    float[][] similarities = new float[n][depth];
    for (int q = 0; q < n; q++) {
      heaps[0].drainBestFirst(q, indices[q], similarities[q]);
    }
    return new Neighbours(indices, similarities);
  }

  private static void run(List<Runnable> tasks) {
    if (tasks.size() == 1) {
      tasks.get(0).run();
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size(), r -> {
      Thread t = new Thread(r, "exact-retrieval");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Runnable task : tasks) {
        futures.add(pool.submit(task));
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
   * One bounded min-heap per row, in flat arrays: row q's heap occupies slots
   * {@code [q * capacity, (q + 1) * capacity)}; its root is the worst kept pair, where "worse"
   * means a lower similarity, or an equal one with a higher index.
   */
  static final class TopKHeaps {
    private final int capacity;
    private final float[] score;
    private final int[] index;
    private final int[] size;
    /**
     * Row q's root similarity once its heap is full, −∞ before: most offers are rejected by this
     * one compact array (n floats stay in cache; the heaps, n × K pairs, do not).
     */
    private final float[] threshold;

    TopKHeaps(int rows, int capacity) {
      this.capacity = capacity;
      score = new float[rows * capacity];
      index = new int[rows * capacity];
      size = new int[rows];
      threshold = new float[rows];
      Arrays.fill(threshold, Float.NEGATIVE_INFINITY);
    }

    void offer(int q, float s, int i) {
      if (s < threshold[q]) {
        return;
      }
      int base = q * capacity;
      int count = size[q];
      if (count < capacity) {
        score[base + count] = s;
        index[base + count] = i;
        size[q] = count + 1;
        siftUp(base, count);
        if (count + 1 == capacity) {
          threshold[q] = score[base];
        }
      } else if (better(s, i, score[base], index[base])) {
        score[base] = s;
        index[base] = i;
        siftDown(base, 0, count);
        threshold[q] = score[base];
      }
    }

    void mergeFrom(TopKHeaps other) {
      for (int q = 0; q < size.length; q++) {
        int base = q * capacity;
        for (int m = 0; m < other.size[q]; m++) {
          offer(q, other.score[base + m], other.index[base + m]);
        }
      }
    }

    /** Writes row q's kept pairs best first, popping the worst into the last slot (empties the heap). */
    void drainBestFirst(int q, int[] indices, float[] similarities) {
      int base = q * capacity;
      for (int count = size[q]; count > 0; count--) {
        indices[count - 1] = index[base];
        similarities[count - 1] = score[base];
        score[base] = score[base + count - 1];
        index[base] = index[base + count - 1];
        siftDown(base, 0, count - 1);
      }
      size[q] = 0;
      threshold[q] = Float.NEGATIVE_INFINITY;
    }

    private static boolean better(float s, int i, float t, int j) {
      return s > t || (s == t && i < j);
    }

    private void siftUp(int base, int c) {
      while (c > 0) {
        int p = (c - 1) / 2;
        if (!better(score[base + p], index[base + p], score[base + c], index[base + c])) {
          return;
        }
        swap(base + p, base + c);
        c = p;
      }
    }

    private void siftDown(int base, int p, int count) {
      while (true) {
        int l = 2 * p + 1;
        if (l >= count) {
          return;
        }
        int r = l + 1;
        int worst = r < count && better(score[base + l], index[base + l], score[base + r], index[base + r]) ? r : l;
        if (!better(score[base + p], index[base + p], score[base + worst], index[base + worst])) {
          return;
        }
        swap(base + p, base + worst);
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
  }
}
