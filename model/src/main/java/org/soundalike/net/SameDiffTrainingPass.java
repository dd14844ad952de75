package org.soundalike.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The whole training computation for batches of a fixed number of tracks: both views through the
 * encoder (batch norm on batch statistics), L_SSL on g(h), L_ML on the tag head, L = L_ML +
 * λ·L_SSL, and the gradients of L for every trainable array. Applying the gradients is the
 * optimizer's job; the batch-norm running averages are updated here, after each forward pass.
 */
public final class SameDiffTrainingPass implements TrainingPass {

  private static final String AUDIO = "audio";

  private final NetworkParameters parameters;
  private final int tracks;
  private final SameDiff sd;
  private final List<SampleCnnGraph.BatchStatistics> statistics;
  private final List<String> outputs;
  private final List<String> trainableInGraph;

  private SameDiffTrainingPass(
      NetworkParameters parameters, int tracks, SameDiff sd,
      List<SampleCnnGraph.BatchStatistics> statistics) {
    this.parameters = parameters;
    this.tracks = tracks;
    this.sd = sd;
    this.statistics = statistics;
    List<String> names = new ArrayList<>(List.of(TrainingLoss.OUTPUTS));
    for (SampleCnnGraph.BatchStatistics s : statistics) {
      names.add(s.mean().name());
      names.add(s.variance().name());
    }
    this.outputs = List.copyOf(names);
    // Without batch norm (a benchmark-only variant) γ and β are not in the graph.
    this.trainableInGraph = parameters.trainable().keySet().stream().filter(sd::hasVariable).toList();
  }

  /** A graph for batches of {@code tracks} tracks (2·tracks views). */
  public static SameDiffTrainingPass build(NetworkParameters parameters, int tracks, BatchNormKind batchNorm) {
    SameDiff sd = SameDiff.create();
    DataType type = parameters.dataType();
    int views = 2 * tracks;
    SampleCnnGraph graph = new SampleCnnGraph(sd, parameters);
    SDVariable audio = sd.placeHolder(AUDIO, type, views, org.soundalike.audio.AudioSpec.EXCERPT_SAMPLES);
    TrainingLoss.build(sd, graph, graph.encoder(audio, true, batchNorm), parameters, views);
    SameDiffTrainingPass built = new SameDiffTrainingPass(parameters, tracks, sd, graph.batchStatistics());
    QuietStdout.during(() -> {
      sd.createGradFunction(built.trainableInGraph.toArray(String[]::new));
      return null;
    });
    return built;
  }

  @Override
  public int tracks() {
    return tracks;
  }

  @Override
  public NetworkParameters parameters() {
    return parameters;
  }

  @Override
  public LossValues losses(TrainingBatch batch, double lambda) {
    return TrainingLoss.values(sd.output(feed(batch, lambda), TrainingLoss.OUTPUTS));
  }

  @Override
  public Result computeGradients(TrainingBatch batch, double lambda) {
    OutAndGrad result = sd.calculateGradientsAndOutputs(feed(batch, lambda), outputs, trainableInGraph);
    Map<String, INDArray> values = result.getOutputs();
    for (SampleCnnGraph.BatchStatistics s : statistics) {
      parameters.updateRunningStatistics(
          s.layer(), values.get(s.mean().name()), values.get(s.variance().name()),
          s.countPerExample() * 2L * tracks);
    }
    return new Result(TrainingLoss.values(values), result.getGradients());
  }

  private Map<String, INDArray> feed(TrainingBatch batch, double lambda) {
    if (batch.tracks() != tracks) {
      throw new IllegalArgumentException(
          "this training graph takes batches of " + tracks + " tracks, got " + batch.tracks());
    }
    Map<String, INDArray> feed = TrainingLoss.feed(batch, lambda, parameters.dataType());
    feed.put(AUDIO, Nd4j.concat(0, batch.firstViews(), batch.secondViews()).castTo(parameters.dataType()));
    return feed;
  }
}
