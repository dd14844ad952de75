package org.soundalike.net;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.soundalike.audio.AudioSpec;

/**
 * Inference: excerpts → similarity embeddings z and tag probabilities sigmoid(W z), with batch
 * norm on the running averages. Build it after training has updated them (the averages are
 * captured when the graph is built). Not safe for concurrent use: one per thread, or serialise.
 */
public final class EmbeddingGraph {

  private static final String AUDIO = "audio";
  private static final String PROBABILITIES = "tagProbabilities";

  private final SameDiff sd;
  private final NetworkParameters parameters;

  private EmbeddingGraph(SameDiff sd, NetworkParameters parameters) {
    this.sd = sd;
    this.parameters = parameters;
  }

  public static EmbeddingGraph build(NetworkParameters parameters) {
    SameDiff sd = SameDiff.create();
    SampleCnnGraph graph = new SampleCnnGraph(sd, parameters);
    SDVariable audio = sd.placeHolder(AUDIO, parameters.dataType(), -1, AudioSpec.EXCERPT_SAMPLES);
    SDVariable z = graph.embedding(graph.encoder(audio, false, BatchNormKind.FUSED));
    sd.nn().sigmoid(PROBABILITIES, graph.tagLogits(z));
    return new EmbeddingGraph(sd, parameters);
  }

  /** Per excerpt: z {@code [N, D]} (unit rows) and tag probabilities {@code [N, T]}. */
  public record Output(INDArray embeddings, INDArray tagProbabilities) {}

  /** @param excerpts {@code [N, 59049]} audio */
  public Output run(INDArray excerpts) {
    Map<String, INDArray> out =
        sd.output(Map.of(AUDIO, excerpts.castTo(parameters.dataType())), "z", PROBABILITIES);
    return new Output(out.get("z"), out.get(PROBABILITIES));
  }

  /** h = f(audio) only (what the benchmark times; the heads are negligible). */
  public INDArray encode(INDArray excerpts) {
    return sd.output(Map.of(AUDIO, excerpts.castTo(parameters.dataType())), "h").get("h");
  }
}
