package org.soundalike.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weights of one network (encoder, projector, tag head) and the batch-norm running averages,
 * as named ND4J arrays. Graphs reference these arrays directly, so an optimizer step or a
 * running-average update made here is what the next forward pass sees.
 *
 * <p>Layouts: conv weights {@code [1, 3, in, out]} (SameDiff's NHWC weights {@code [kH, kW, iC,
 * oC]}); linear weights {@code [in, out]} so that {@code y = x · W}.
 */
public final class NetworkParameters {

  /** PyTorch's BatchNorm defaults, which the reference code uses. */
  public static final double BATCH_NORM_EPSILON = 1e-5;

  public static final double BATCH_NORM_MOMENTUM = 0.1;

  static final String PROJECTOR_1 = "projector.w1";
  static final String PROJECTOR_2 = "projector.w2";

  private final SampleCnnConfig config;
  private final DataType dataType;
  private final Map<String, INDArray> trainable;
  private final Map<String, INDArray> runningStatistics;

  private NetworkParameters(
      SampleCnnConfig config,
      DataType dataType,
      Map<String, INDArray> trainable,
      Map<String, INDArray> runningStatistics) {
    this.config = config;
    this.dataType = dataType;
    this.trainable = trainable;
    this.runningStatistics = runningStatistics;
  }

  /**
   * Fresh weights: conv weights Kaiming-uniform (fan-in, ReLU gain: bound √(6/fan_in)); linear
   * weights uniform ±1/√fan_in (PyTorch's nn.Linear default, as in the reference code); batch
   * norm γ = 1, β = 0, running mean 0, running variance 1.
   */
  public static NetworkParameters initialize(SampleCnnConfig config, DataType dataType, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, INDArray> weights = new LinkedHashMap<>();
    Map<String, INDArray> running = new LinkedHashMap<>();
    for (ConvLayer layer : ConvLayer.of(config)) {
      long fanIn = (long) SampleCnnConfig.KERNEL * layer.in();
      weights.put(
          layer.name() + ".w",
          uniform(random, dataType, Math.sqrt(6.0 / fanIn), 1, SampleCnnConfig.KERNEL, layer.in(), layer.out()));
      weights.put(layer.name() + ".gamma", Nd4j.ones(dataType, layer.out()));
      weights.put(layer.name() + ".beta", Nd4j.zeros(dataType, layer.out()));
      running.put(layer.name() + ".mean", Nd4j.zeros(dataType, layer.out()));
      running.put(layer.name() + ".var", Nd4j.ones(dataType, layer.out()));
    }
    int h = config.embeddingChannels();
    weights.put(PROJECTOR_1, uniform(random, dataType, 1 / Math.sqrt(h), h, config.projectorHidden()));
    weights.put(
        PROJECTOR_2,
        uniform(random, dataType, 1 / Math.sqrt(config.projectorHidden()),
            config.projectorHidden(), config.projectionSize()));
    weights.put(MetricLearningHead.TAG_HEAD, uniform(random, dataType, 1 / Math.sqrt(h), h, config.tags()));
    return new NetworkParameters(config, dataType, weights, running);
  }

  private static INDArray uniform(SplittableRandom random, DataType type, double bound, long... shape) {
    long size = 1;
    for (long s : shape) {
      size *= s;
    }
    double[] values = new double[Math.toIntExact(size)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (2 * random.nextDouble() - 1) * bound;
    }
    return Nd4j.create(values, shape, DataType.DOUBLE).castTo(type);
  }

  public SampleCnnConfig config() {
    return config;
  }

  public DataType dataType() {
    return dataType;
  }

  /** Trainable arrays by name, in a fixed order (encoder layers, projector, tag head). */
  public Map<String, INDArray> trainable() {
    return Collections.unmodifiableMap(trainable);
  }

  /** Batch-norm running means ({@code <layer>.mean}) and variances ({@code <layer>.var}). */
  public Map<String, INDArray> runningStatistics() {
    return Collections.unmodifiableMap(runningStatistics);
  }

  public INDArray get(String name) {
    INDArray array = trainable.get(name);
    if (array == null) {
      array = runningStatistics.get(name);
    }
    if (array == null) {
      throw new IllegalArgumentException("no parameter named " + name);
    }
    return array;
  }

  /** Names of the encoder's trainable arrays (conv weights, γ, β). */
  public List<String> encoderParameterNames() {
    return trainable.keySet().stream().filter(n -> !n.startsWith("projector.") && !n.startsWith("tags.")).toList();
  }

  /**
   * Folds one training batch's statistics into the running averages, as PyTorch does: the
   * running variance takes the unbiased batch variance ({@code count} values per channel).
   */
  public void updateRunningStatistics(String layer, INDArray batchMean, INDArray batchVariance, long count) {
    double m = BATCH_NORM_MOMENTUM;
    double unbias = count > 1 ? count / (double) (count - 1) : 1.0;
    runningStatistics.get(layer + ".mean").muli(1 - m).addi(batchMean.castTo(dataType).mul(m));
    runningStatistics.get(layer + ".var").muli(1 - m).addi(batchVariance.castTo(dataType).mul(m * unbias));
  }

  /** Total number of trainable scalars. */
  public long trainableCount() {
    return trainable.values().stream().mapToLong(INDArray::length).sum();
  }

  /**
   * One convolution + batch norm layer of the encoder (public: the ONNX export and the oneDNN
   * encoder path in {@code net.dnnl} walk the same layer list).
   */
  public record ConvLayer(String name, int in, int out, int stride, boolean pooled) {

    /** The encoder's eleven layers in order: stem, nine pooled blocks, final convolution. */
    public static List<ConvLayer> of(SampleCnnConfig config) {
      List<ConvLayer> layers = new ArrayList<>();
      layers.add(new ConvLayer("stem", 1, config.stemChannels(), SampleCnnConfig.KERNEL, false));
      int in = config.stemChannels();
      for (int i = 0; i < config.blockChannels().size(); i++) {
        int out = config.blockChannels().get(i);
        layers.add(new ConvLayer("block" + (i + 1), in, out, 1, true));
        in = out;
      }
      layers.add(new ConvLayer("final", in, config.embeddingChannels(), 1, false));
      return List.copyOf(layers);
    }
  }
}
