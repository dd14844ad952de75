package org.soundalike.net;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training loss on h of all 2B views (METHOD.md, "Losses"): projector + NT-Xent, embedding + tag
 * head + masked BCE, L = L_ML + λ·L_SSL; its inputs for a batch, and its values. The whole-batch
 * {@link SameDiffTrainingPass} and the micro-batched pass's {@link HeadsGraph} build it on top of their h.
 */
final class TrainingLoss {

  private static final String LOSS = "loss";
  private static final String LOSS_ML = "lossMl";
  private static final String LOSS_SSL = "lossSsl";
  /** The three loss outputs, in {@link #values} order. */
  static final String[] OUTPUTS = {LOSS, LOSS_ML, LOSS_SSL};

  private static final String LABELS = "labels";
  private static final String VIEW_WEIGHTS = "viewWeights";
  private static final String LAMBDA = "lambda";

  private TrainingLoss() {}

  /** Adds the heads, the losses and their placeholders to {@code sd} on top of {@code h} [2B, D], and makes L its loss. */
  static void build(SameDiff sd, SampleCnnGraph graph, SDVariable h, NetworkParameters parameters, int views) {
    DataType type = parameters.dataType();
    SDVariable labels = sd.placeHolder(LABELS, type, views, parameters.config().tags());
    SDVariable viewWeights = sd.placeHolder(VIEW_WEIGHTS, type, views);
    SDVariable lambda = sd.placeHolder(LAMBDA, type);
    SDVariable ssl = NtXentLoss.build(sd, LOSS_SSL, graph.projector(h), views, NtXentLoss.TEMPERATURE);
    SDVariable ml = MetricLearningHead.loss(sd, LOSS_ML, graph.tagLogits(graph.embedding(h)), labels, viewWeights);
    sd.setLossVariables(sd.identity(LOSS, ml.add(ssl.mul(lambda))));
  }

  /** The placeholders' values for {@code batch}: each track's labels and weight for both of its views, and λ. */
  static Map<String, INDArray> feed(TrainingBatch batch, double lambda, DataType type) {
    int tracks = batch.tracks();
    boolean[] labelled = batch.labelled();
    boolean[] viewLabelled = new boolean[2 * tracks];
    for (int i = 0; i < tracks; i++) {
      viewLabelled[i] = labelled[i];
      viewLabelled[i + tracks] = labelled[i];
    }
    INDArray labels = batch.labels().castTo(type);
    Map<String, INDArray> feed = new HashMap<>();
    feed.put(LABELS, Nd4j.concat(0, labels, labels));
    feed.put(VIEW_WEIGHTS, MaskedBceLoss.viewWeights(viewLabelled, type));
    feed.put(LAMBDA, Nd4j.scalar(type, lambda));
    return feed;
  }

  static LossValues values(Map<String, INDArray> outputs) {
    return new LossValues(
        outputs.get(LOSS).getDouble(0), outputs.get(LOSS_ML).getDouble(0), outputs.get(LOSS_SSL).getDouble(0));
  }
}
