package org.soundalike.net;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One encoder layer alone in a SameDiff training graph, exactly as {@link SameDiffTrainingPass} writes it
 * (conv 1×3 NHWC + {@link BatchNormKind#FUSED} batch norm + ReLU (+ max-pool)): the reference that
 * the oneDNN block of {@code net.dnnl} is checked and timed against. The scalar loss is
 * Σ y·g for a given output gradient g, so the gradients are exactly what a backward pass
 * receiving g computes.
 */
public final class LayerTrainingGraph {

  private static final String INPUT = "layerInput";
  private static final String OUTPUT_GRADIENT = "outputGradient";

  private final SameDiff sd;
  private final NetworkParameters.ConvLayer layer;
  private final String output;
  private final List<String> differentiated;

  /** Forward output and gradients of one call. */
  public record Result(INDArray output, INDArray inputGradient, INDArray weightGradient,
      INDArray gammaGradient, INDArray betaGradient) {}

  private LayerTrainingGraph(SameDiff sd, NetworkParameters.ConvLayer layer, String output) {
    this.sd = sd;
    this.layer = layer;
    this.output = output;
    this.differentiated = List.of(INPUT, layer.name() + ".w", layer.name() + ".gamma", layer.name() + ".beta");
  }

  /**
   * A graph for input {@code [batch, 1, length, layer.in()]} reading its weights from
   * {@code parameters} (the arrays named {@code <layer>.w/.gamma/.beta}).
   */
  public static LayerTrainingGraph build(
      NetworkParameters parameters, NetworkParameters.ConvLayer layer, int batch, long length) {
    SameDiff sd = SameDiff.create();
    DataType type = parameters.dataType();
    SampleCnnGraph graph = new SampleCnnGraph(sd, parameters);
    // The input is a variable, not a placeholder, so that SameDiff differentiates with respect to it.
    SDVariable input = sd.var(INPUT, Nd4j.zeros(type, batch, 1, length, layer.in()));
    SDVariable y = graph.layer(input, layer, true, BatchNormKind.FUSED, length);
    SDVariable g = sd.placeHolder(
        OUTPUT_GRADIENT, type, batch, 1, SampleCnnGraph.outputLength(layer, length), layer.out());
    SDVariable loss = sd.sum("layerLoss", y.mul(g));
    sd.setLossVariables(loss);
    LayerTrainingGraph built = new LayerTrainingGraph(sd, layer, y.name());
    QuietStdout.during(() -> {
      sd.createGradFunction(built.differentiated.toArray(String[]::new));
      return null;
    });
    return built;
  }

  public NetworkParameters.ConvLayer layer() {
    return layer;
  }

  /** Forward on {@code input} and backward from {@code outputGradient}. */
  public Result forwardBackward(INDArray input, INDArray outputGradient) {
    sd.getVariable(INPUT).setArray(input);
    var result = sd.calculateGradientsAndOutputs(
        Map.of(OUTPUT_GRADIENT, outputGradient), List.of(output), differentiated);
    Map<String, INDArray> gradients = result.getGradients();
    return new Result(
        result.getOutputs().get(output),
        gradients.get(INPUT),
        gradients.get(layer.name() + ".w"),
        gradients.get(layer.name() + ".gamma"),
        gradients.get(layer.name() + ".beta"));
  }
}
