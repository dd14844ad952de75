package org.soundalike.encode;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.audio.AudioSpec;
import org.soundalike.net.EmbeddingGraph;
import org.soundalike.net.NetworkParameters;

/**
 * The network on ND4J/SameDiff ({@link EmbeddingGraph}: batch norm folded, oneDNN, NHWC). One
 * graph serves all callers one batch at a time: a SameDiff graph is not safe for concurrent use,
 * and ND4J already spreads one batch over the cores.
 */
public final class Nd4jExcerptEncoder implements ExcerptEncoder {

  private final EmbeddingGraph graph;
  private final List<String> tags;
  private final int embeddingSize;
  private final int batchSize;

  public Nd4jExcerptEncoder(NetworkParameters parameters, List<String> tags, int batchSize) {
    if (tags.size() != parameters.config().tags()) {
      throw new IllegalArgumentException(
          "the network has " + parameters.config().tags() + " tags, the vocabulary " + tags.size());
    }
    this.graph = EmbeddingGraph.build(parameters);
    this.tags = List.copyOf(tags);
    this.embeddingSize = parameters.config().embeddingChannels();
    this.batchSize = batchSize;
  }

  @Override
  public ExcerptEmbeddings encode(List<float[]> excerpts) {
    float[][] embeddings = new float[excerpts.size()][];
    float[][] probabilities = new float[excerpts.size()][];
    for (int from = 0; from < excerpts.size(); from += batchSize) {
      int to = Math.min(excerpts.size(), from + batchSize);
      INDArray audio = Nd4j.create(ExcerptBatches.pack(excerpts, from, to),
          new long[] {to - from, AudioSpec.EXCERPT_SAMPLES}, DataType.FLOAT);
      EmbeddingGraph.Output output;
      synchronized (graph) {
        output = graph.run(audio);
      }
      for (int i = from; i < to; i++) {
        embeddings[i] = output.embeddings().getRow(i - from).toFloatVector();
        probabilities[i] = output.tagProbabilities().getRow(i - from).toFloatVector();
      }
    }
    return new ExcerptEmbeddings(embeddings, probabilities);
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
    // The graph's arrays are ND4J-managed (freed with the graph by the garbage collector).
  }
}
