package org.soundalike.encode;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.audio.AudioSpec;
import org.soundalike.audio.ExcerptBatches;
import org.soundalike.net.EmbeddingGraph;
import org.soundalike.net.NetworkParameters;
import org.soundalike.train.TrainedNetwork;

/**
 * The network on ND4J/SameDiff ({@link EmbeddingGraph}: batch norm folded, oneDNN, NHWC). A
 * SameDiff graph is not safe for concurrent use, so this keeps a pool of graphs (all reading the
 * same weights); a caller borrows one per batch. ND4J already spreads one batch over the cores,
 * so one graph is the usual choice; more only help callers that would otherwise queue.
 */
public final class Nd4jExcerptEncoder implements ExcerptEncoder {

  /** Batch 8 measured best per excerpt on 2 cores (docs/benchmarks/net.md). */
  public static final int DEFAULT_BATCH = 8;

  private final BlockingQueue<EmbeddingGraph> graphs;
  private final List<String> tags;
  private final int embeddingSize;
  private final int batchSize;

  public Nd4jExcerptEncoder(NetworkParameters parameters, List<String> tags, int batchSize) {
    this(parameters, tags, batchSize, 1);
  }

  public Nd4jExcerptEncoder(NetworkParameters parameters, List<String> tags, int batchSize, int graphCount) {
    if (tags.size() != parameters.config().tags()) {
      throw new IllegalArgumentException(
          "the network has " + parameters.config().tags() + " tags, the vocabulary " + tags.size());
    }
    this.graphs = new ArrayBlockingQueue<>(Math.max(1, graphCount));
    for (int i = 0; i < Math.max(1, graphCount); i++) {
      graphs.add(EmbeddingGraph.build(parameters));
    }
    this.tags = List.copyOf(tags);
    this.embeddingSize = parameters.config().embeddingChannels();
    this.batchSize = batchSize;
  }

  /**
   * Loads the best (else the last) checkpoint of a training run.
   *
   * @param graphCount how many callers may encode at the same time
   */
  public static Nd4jExcerptEncoder load(Path run, int graphCount) {
    return load(run, DEFAULT_BATCH, graphCount);
  }

  /** {@link #load(Path, int)} with {@code batchSize} excerpts per forward pass. */
  public static Nd4jExcerptEncoder load(Path run, int batchSize, int graphCount) {
    TrainedNetwork network = TrainedNetwork.load(run);
    return new Nd4jExcerptEncoder(network.parameters(), network.tags(), batchSize, graphCount);
  }

  @Override
  public ExcerptEmbeddings encode(List<float[]> excerpts) {
    float[][] embeddings = new float[excerpts.size()][];
    float[][] probabilities = new float[excerpts.size()][];
    for (int from = 0; from < excerpts.size(); from += batchSize) {
      int to = Math.min(excerpts.size(), from + batchSize);
      INDArray audio = Nd4j.create(ExcerptBatches.pack(excerpts, from, to),
          new long[] {to - from, AudioSpec.EXCERPT_SAMPLES}, DataType.FLOAT);
      EmbeddingGraph.Output output = run(audio);
      for (int i = from; i < to; i++) {
        embeddings[i] = output.embeddings().getRow(i - from).toFloatVector();
        probabilities[i] = output.tagProbabilities().getRow(i - from).toFloatVector();
      }
    }
    return new ExcerptEmbeddings(embeddings, probabilities);
  }

  private EmbeddingGraph.Output run(INDArray audio) {
    EmbeddingGraph graph;
    try {
      graph = graphs.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EncodingException("interrupted while waiting for a free inference graph", e);
    }
    try {
      return graph.run(audio);
    } finally {
      graphs.add(graph);
    }
  }

  @Override
  public int embeddingSize() {
    return embeddingSize;
  }

  @Override
  public List<String> tags() {
    return tags;
  }

  @Override
  public String engine() {
    return "nd4j";
  }

  @Override
  public void close() {
    // The graphs' arrays are ND4J-managed (freed with the graphs by the garbage collector).
    graphs.clear();
  }
}
