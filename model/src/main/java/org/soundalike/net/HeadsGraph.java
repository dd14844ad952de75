package org.soundalike.net;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything after the encoder, for training: projector + NT-Xent and embedding + tag head +
 * masked BCE on h of all 2B views, L = L_ML + λ·L_SSL, with the gradients of the heads' weights
 * and of h (dL/dh, which an encoder run outside this graph back-propagates).
 */
public final class HeadsGraph {

  private static final String H = "h";

  /** Losses, the heads' weight gradients by name, and dL/dh {@code [2B, D]}. */
  public record Result(LossValues losses, Map<String, INDArray> parameterGradients, INDArray hGradient) {}

  private final NetworkParameters parameters;
  private final int tracks;
  private final SameDiff sd;
  private final List<String> headParameters;

  private HeadsGraph(NetworkParameters parameters, int tracks, SameDiff sd) {
    this.parameters = parameters;
    this.tracks = tracks;
    this.sd = sd;
    this.headParameters = parameters.trainable().keySet().stream().filter(sd::hasVariable).toList();
  }

  /** The heads for batches of {@code tracks} tracks (2·tracks views). */
  public static HeadsGraph build(NetworkParameters parameters, int tracks) {
    int views = 2 * tracks;
    SameDiff sd = SameDiff.create();
    // h is a variable, not a placeholder, so that SameDiff returns dL/dh.
    SDVariable h = sd.var(H, Nd4j.zeros(parameters.dataType(), views, parameters.config().embeddingChannels()));
    TrainingLoss.build(sd, new SampleCnnGraph(sd, parameters), h, parameters, views);
    HeadsGraph built = new HeadsGraph(parameters, tracks, sd);
    QuietStdout.during(() -> {
      sd.createGradFunction(withH(built.headParameters).toArray(String[]::new));
      return null;
    });
    return built;
  }

  public LossValues losses(INDArray h, TrainingBatch batch, double lambda) {
    sd.getVariable(H).setArray(h);
    return TrainingLoss.values(sd.output(TrainingLoss.feed(batch, lambda, parameters.dataType()), TrainingLoss.OUTPUTS));
  }

  public Result gradients(INDArray h, TrainingBatch batch, double lambda) {
    sd.getVariable(H).setArray(h);
    var result = sd.calculateGradientsAndOutputs(
        TrainingLoss.feed(batch, lambda, parameters.dataType()), List.of(TrainingLoss.OUTPUTS), withH(headParameters));
    Map<String, INDArray> gradients = new HashMap<>();
    for (String name : headParameters) {
      gradients.put(name, result.getGradients().get(name));
    }
    return new Result(TrainingLoss.values(result.getOutputs()), gradients, result.getGradients().get(H));
  }

  /** Both views of every track, first views then second views: the row order of h. */
  public INDArray views(TrainingBatch batch) {
    if (batch.tracks() != tracks) {
      throw new IllegalArgumentException(
          "this training pass takes batches of " + tracks + " tracks, got " + batch.tracks());
    }
    return Nd4j.concat(0, batch.firstViews(), batch.secondViews()).castTo(parameters.dataType());
  }

  private static List<String> withH(List<String> names) {
    List<String> all = new ArrayList<>(names);
    all.add(H);
    return all;
  }
}
