package org.soundalike.encode;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.net.EmbeddingGraph;
import org.soundalike.net.NetworkParameters;
import org.soundalike.train.Checkpoint;
import org.soundalike.train.TrainingRun;

/**
 * {@link ExcerptEncoder} on the SameDiff inference graph of a training run's best checkpoint.
 * An {@link EmbeddingGraph} is not thread-safe, so this keeps a pool of them (all reading the same
 * weight arrays); a caller borrows one for the length of a call.
 */
public final class SameDiffExcerptEncoder implements ExcerptEncoder {

  /** Batch 8 measured best per excerpt on 2 cores (docs/benchmarks/net.md). */
  private static final int BATCH = 8;

  private final BlockingQueue<EmbeddingGraph> pool;
  private final List<String> tags;
  private final int embeddingSize;

  private SameDiffExcerptEncoder(BlockingQueue<EmbeddingGraph> pool, List<String> tags, int embeddingSize) {
    this.pool = pool;
    this.tags = List.copyOf(tags);
    this.embeddingSize = embeddingSize;
  }

  /**
   * Loads the best (else the last) checkpoint of {@code run}.
   *
   * @param graphs how many callers may encode at the same time
   */
  public static SameDiffExcerptEncoder load(Path run, int graphs) {
    Path file = TrainingRun.bestOrLast(run);
    Checkpoint checkpoint = Checkpoint.read(file);
    NetworkParameters parameters = checkpoint.parameters(DataType.FLOAT, file);
    BlockingQueue<EmbeddingGraph> pool = new ArrayBlockingQueue<>(Math.max(1, graphs));
    for (int i = 0; i < Math.max(1, graphs); i++) {
      pool.add(EmbeddingGraph.build(parameters));
    }
    return new SameDiffExcerptEncoder(pool, checkpoint.tags(), parameters.config().embeddingChannels());
  }

  @Override
  public EncodedExcerpts encode(List<float[]> excerpts) {
    EmbeddingGraph graph;
    try {
      graph = pool.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EncodingException("interrupted while waiting for a free inference graph", e);
    }
    try {
      EmbeddingGraph.Output out = graph.run(Nd4j.create(excerpts.toArray(float[][]::new)));
      return new EncodedExcerpts(rows(out.embeddings()), rows(out.tagProbabilities()));
    } finally {
      pool.add(graph);
    }
  }

  private static float[][] rows(INDArray matrix) {
    return matrix.castTo(DataType.FLOAT).toFloatMatrix();
  }

  @Override
  public List<String> tags() {
    return tags;
  }

  @Override
  public int embeddingSize() {
    return embeddingSize;
  }

  @Override
  public int preferredBatch() {
    return BATCH;
  }

  @Override
  public void close() {
    pool.clear();
  }
}
