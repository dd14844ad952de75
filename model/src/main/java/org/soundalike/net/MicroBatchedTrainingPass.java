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
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.soundalike.audio.AudioSpec;

/**
 * A training pass whose memory does not grow with the batch: the encoder runs over slices of the
 * 2B views ("micro-batches"), the losses see all 2B views at once, and the encoder's gradient is
 * obtained slice by slice from the gradient of L with respect to h (gradient caching: the
 * encoder's forward pass is computed twice, the activations of only one slice are alive at a
 * time).
 *
 * <p>Deviation, documented: batch norm uses each slice's statistics (as data-parallel training
 * without synchronised batch norm does), not the statistics of all 2B views. The gradients are
 * the exact gradients of that computation.
 */
public final class MicroBatchedTrainingPass implements TrainingPass {

  private static final String AUDIO = "audio";
  private static final String UPSTREAM = "upstream";
  /** The encoder graph's output (SampleCnnGraph names it). */
  private static final String H = "h";

  private final NetworkParameters parameters;
  private final int tracks;
  private final int slice;
  private final SameDiff encoder;
  private final List<SampleCnnGraph.BatchStatistics> statistics;
  private final List<String> encoderParameters;
  private final List<String> statisticNames;
  private final HeadsGraph heads;

  private MicroBatchedTrainingPass(
      NetworkParameters parameters, int tracks, int slice, SameDiff encoder,
      List<SampleCnnGraph.BatchStatistics> statistics, HeadsGraph heads) {
    this.parameters = parameters;
    this.tracks = tracks;
    this.slice = slice;
    this.encoder = encoder;
    this.statistics = statistics;
    this.encoderParameters = parameters.encoderParameterNames();
    List<String> names = new ArrayList<>();
    for (SampleCnnGraph.BatchStatistics s : statistics) {
      names.add(s.mean().name());
      names.add(s.variance().name());
    }
    this.statisticNames = List.copyOf(names);
    this.heads = heads;
  }

  /**
   * @param tracks B: each batch has 2B views
   * @param viewsPerSlice how many views go through the encoder at once; must divide 2B
   */
  public static MicroBatchedTrainingPass build(NetworkParameters parameters, int tracks, int viewsPerSlice) {
    int views = 2 * tracks;
    if (viewsPerSlice < 2 || views % viewsPerSlice != 0) {
      throw new IllegalArgumentException(
          "views per slice must be at least 2 and divide the " + views + " views of a batch, got " + viewsPerSlice);
    }
    DataType type = parameters.dataType();
    int d = parameters.config().embeddingChannels();

    SameDiff encoder = SameDiff.create();
    SampleCnnGraph encoderGraph = new SampleCnnGraph(encoder, parameters);
    SDVariable audio = encoder.placeHolder(AUDIO, type, viewsPerSlice, AudioSpec.EXCERPT_SAMPLES);
    SDVariable upstream = encoder.placeHolder(UPSTREAM, type, viewsPerSlice, d);
    SDVariable h = encoderGraph.encoder(audio, true, BatchNormKind.FUSED);
    // Its gradient with respect to the encoder's weights is Jᵀ·upstream: the chain rule from
    // dL/dh, which the heads' graph computes over all views.
    encoder.setLossVariables(encoder.sum("surrogate", h.mul(upstream), 0, 1));

    MicroBatchedTrainingPass built = new MicroBatchedTrainingPass(
        parameters, tracks, viewsPerSlice, encoder, encoderGraph.batchStatistics(),
        HeadsGraph.build(parameters, tracks));
    QuietStdout.during(() -> {
      encoder.createGradFunction(built.encoderParameters.toArray(String[]::new));
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
    return heads.losses(encode(heads.views(batch), null), batch, lambda);
  }

  @Override
  public Result computeGradients(TrainingBatch batch, double lambda) {
    INDArray views = heads.views(batch);
    Map<String, INDArray[]> sums = new HashMap<>();
    INDArray h = encode(views, sums);
    int slices = views.rows() / slice;
    for (SampleCnnGraph.BatchStatistics s : statistics) {
      INDArray[] sum = sums.get(s.layer());
      parameters.updateRunningStatistics(
          s.layer(), sum[0].div(slices), sum[1].div(slices), s.countPerExample() * slice);
    }

    HeadsGraph.Result headResult = heads.gradients(h, batch, lambda);
    Map<String, INDArray> gradients = new HashMap<>(headResult.parameterGradients());
    INDArray dh = headResult.hGradient();
    for (int start = 0; start < views.rows(); start += slice) {
      Map<String, INDArray> feed = Map.of(
          AUDIO, rows(views, start),
          UPSTREAM, rows(dh, start));
      Map<String, INDArray> part = encoder.calculateGradients(feed, encoderParameters);
      for (String name : encoderParameters) {
        INDArray g = part.get(name);
        gradients.merge(name, g.dup(), INDArray::addi);
      }
    }
    return new Result(headResult.losses(), gradients);
  }

  /** h for all views, slice by slice; adds each slice's batch statistics to {@code sums} if given. */
  private INDArray encode(INDArray views, Map<String, INDArray[]> sums) {
    List<INDArray> parts = new ArrayList<>();
    List<String> wanted = new ArrayList<>(statisticNames);
    wanted.add(H);
    for (int start = 0; start < views.rows(); start += slice) {
      Map<String, INDArray> out = encoder.output(Map.of(AUDIO, rows(views, start)), wanted);
      parts.add(out.get(H).dup());
      if (sums != null) {
        for (SampleCnnGraph.BatchStatistics s : statistics) {
          INDArray mean = out.get(s.mean().name());
          INDArray variance = out.get(s.variance().name());
          sums.merge(s.layer(), new INDArray[] {mean.dup(), variance.dup()},
              (a, b) -> new INDArray[] {a[0].addi(b[0]), a[1].addi(b[1])});
        }
      }
    }
    return Nd4j.concat(0, parts.toArray(INDArray[]::new));
  }

  private INDArray rows(INDArray array, int start) {
    return array.get(NDArrayIndex.interval(start, start + slice), NDArrayIndex.all()).dup();
  }
}
