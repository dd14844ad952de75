package org.soundalike.net;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything after the encoder, for training: projector + NT-Xent and embedding + tag head +
 * masked BCE on h of all 2B views, L = L_ML + λ·L_SSL, with the gradients of the heads' weights
 * and of h (dL/dh, which an encoder run outside this graph back-propagates).
 */
public final class HeadsGraph {

  private static final String H = "h";
  private static final String LABELS = "labels";
  private static final String VIEW_WEIGHTS = "viewWeights";
  private static final String LAMBDA = "lambda";
  private static final String LOSS = "loss";
  private static final String LOSS_ML = "lossMl";
  private static final String LOSS_SSL = "lossSsl";

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
    DataType type = parameters.dataType();
    int views = 2 * tracks;
    SameDiff sd = SameDiff.create();
    SampleCnnGraph graph = new SampleCnnGraph(sd, parameters);
    // h is a variable, not a placeholder, so that SameDiff returns dL/dh.
    SDVariable h = sd.var(H, Nd4j.zeros(type, views, parameters.config().embeddingChannels()));
    SDVariable labels = sd.placeHolder(LABELS, type, views, parameters.config().tags());
    SDVariable viewWeights = sd.placeHolder(VIEW_WEIGHTS, type, views);
    SDVariable lambda = sd.placeHolder(LAMBDA, type);
    SDVariable ssl = NtXentLoss.build(sd, LOSS_SSL, graph.projector(h), views, NtXentLoss.TEMPERATURE);
    SDVariable ml = MaskedBceLoss.build(sd, LOSS_ML, graph.tagLogits(graph.embedding(h)), labels, viewWeights);
    sd.setLossVariables(sd.identity(LOSS, ml.add(ssl.mul(lambda))));
    HeadsGraph built = new HeadsGraph(parameters, tracks, sd);
    QuietStdout.during(() -> {
      sd.createGradFunction(withH(built.headParameters).toArray(String[]::new));
      return null;
    });
    return built;
  }

  public LossValues losses(INDArray h, TrainingBatch batch, double lambda) {
    sd.getVariable(H).setArray(h);
    return lossValues(sd.output(feed(batch, lambda), LOSS, LOSS_ML, LOSS_SSL));
  }

  public Result gradients(INDArray h, TrainingBatch batch, double lambda) {
    sd.getVariable(H).setArray(h);
    var result = sd.calculateGradientsAndOutputs(
        feed(batch, lambda), List.of(LOSS, LOSS_ML, LOSS_SSL), withH(headParameters));
    Map<String, INDArray> gradients = new HashMap<>();
    for (String name : headParameters) {
      gradients.put(name, result.getGradients().get(name));
    }
    return new Result(lossValues(result.getOutputs()), gradients, result.getGradients().get(H));
  }

  /** Both views of every track, first views then second views: the row order of h. */
  public INDArray views(TrainingBatch batch) {
    if (batch.tracks() != tracks) {
      throw new IllegalArgumentException(
          "this training pass takes batches of " + tracks + " tracks, got " + batch.tracks());
    }
    return Nd4j.concat(0, batch.firstViews(), batch.secondViews()).castTo(parameters.dataType());
  }

  private Map<String, INDArray> feed(TrainingBatch batch, double lambda) {
    DataType type = parameters.dataType();
    boolean[] labelled = batch.labelled();
    boolean[] viewLabelled = new boolean[2 * tracks];
    for (int i = 0; i < tracks; i++) {
      viewLabelled[i] = labelled[i];
      viewLabelled[i + tracks] = labelled[i];
    }
    INDArray labels = batch.labels().castTo(type);
    return Map.of(
        LABELS, Nd4j.concat(0, labels, labels),
        VIEW_WEIGHTS, MaskedBceLoss.viewWeights(viewLabelled, type),
        LAMBDA, Nd4j.scalar(type, lambda));
  }

  private static List<String> withH(List<String> names) {
    List<String> all = new ArrayList<>(names);
    all.add(H);
    return all;
  }

  private static LossValues lossValues(Map<String, INDArray> values) {
    return new LossValues(
        values.get(LOSS).getDouble(0), values.get(LOSS_ML).getDouble(0), values.get(LOSS_SSL).getDouble(0));
  }
}
