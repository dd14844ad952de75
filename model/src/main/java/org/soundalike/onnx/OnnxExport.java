package org.soundalike.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnx.proto.OnnxMl.Version;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.soundalike.audio.AudioSpec;
import org.soundalike.net.FoldedConvolution;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.net.MetricLearningHead;

/**
 * Writes the inference network (encoder with batch norm folded into the convolutions, the
 * similarity embedding and the tag head) as one ONNX graph:
 *
 * <ul>
 *   <li>input {@value #AUDIO} {@code [batch, 1, 59049]} float;
 *   <li>output {@value #EMBEDDING} {@code [batch, D]}: z = L2(LayerNorm without affine(h));
 *   <li>output {@value #TAG_PROBABILITIES} {@code [batch, T]}: sigmoid(W z).
 * </ul>
 *
 * The projector g is left out: it only serves the contrastive loss during training. Batch norm
 * uses the running averages, folded by the net's own {@link FoldedConvolution}, so the export
 * and ND4J inference compute the same function.
 */
public final class OnnxExport {

  public static final String AUDIO = "audio";
  public static final String EMBEDDING = "embedding";
  public static final String TAG_PROBABILITIES = "tag_probabilities";

  /** Opset 17: the first with LayerNormalization as a standard operator. */
  public static final int OPSET = 17;

  /** Metadata keys written by every export (besides the caller's provenance). */
  public static final String META_CONFIG = "soundalike.config";
  public static final String META_TAGS = "soundalike.tags";
  public static final String META_EMBEDDING_SIZE = "soundalike.embedding_size";
  public static final String META_FORMAT_VERSION = "soundalike.export_format";

  /**
   * Version of the graph this class writes. Raise it whenever the graph changes, so that exports
   * cached next to runs ({@link OnnxExportCache}) are rewritten rather than served stale.
   */
  public static final String FORMAT_VERSION = "2";

  private static final String BATCH = "batch";
  private static final ObjectMapper JSON = new ObjectMapper();

  private OnnxExport() {}

  /**
   * The model in memory.
   *
   * @param tags the tag vocabulary, in the tag head's row order (its size must be T)
   * @param provenance what produced the weights (run, dataset, variant, seed, code version...)
   */
  public static ModelProto model(
      NetworkParameters parameters, List<String> tags, Map<String, String> provenance) {
    SampleCnnConfig config = parameters.config();
    if (tags.size() != config.tags()) {
      throw new IllegalArgumentException(
          "config " + config.name() + " has " + config.tags() + " tags, the vocabulary has " + tags.size());
    }
    GraphProto.Builder graph = GraphProto.newBuilder().setName("soundalike_" + config.name());
    graph.addInput(tensorInfo(AUDIO, 1, AudioSpec.EXCERPT_SAMPLES));
    String x = AUDIO;
    // [N, 1, L] → [N, 1, 1, L]: the network runs as 2-D convolutions of height 1, which ONNX
    // Runtime executes 1.5-1.9x faster per CPU-second than the same Conv/MaxPool in 1-D
    // (docs/benchmarks/onnx.md); the model's interface stays 1-D.
    graph.addInitializer(OnnxTensors.longs("audio.shape", -1, 1, 1, AudioSpec.EXCERPT_SAMPLES));
    graph.addNode(node("Reshape", "audio.2d", List.of(AUDIO, "audio.shape"), List.of("audio.2d")));
    x = "audio.2d";
    for (NetworkParameters.ConvLayer layer : NetworkParameters.ConvLayer.of(config)) {
      x = convolutionBlock(graph, parameters, layer, x);
    }
    // [N, D, 1, 1] → [N, D]
    graph.addNode(node("Flatten", "h", List.of(x), List.of("h"), intAttribute("axis", 1)));

    graph.addInitializer(OnnxTensors.ones("layer_norm.scale", config.embeddingChannels()));
    graph.addNode(node("LayerNormalization", "layer_norm", List.of("h", "layer_norm.scale"),
        List.of("h_normalised"),
        intAttribute("axis", -1),
        floatAttribute("epsilon", (float) MetricLearningHead.LAYER_NORM_EPSILON)));
    graph.addNode(node("LpNormalization", "l2", List.of("h_normalised"), List.of(EMBEDDING),
        intAttribute("axis", 1), intAttribute("p", 2)));

    // The net stores W transposed ([D, T], y = z · W), which is what MatMul wants.
    graph.addInitializer(OnnxTensors.floats(MetricLearningHead.TAG_HEAD, parameters.get(MetricLearningHead.TAG_HEAD)));
    graph.addNode(node("MatMul", "tag_logits", List.of(EMBEDDING, MetricLearningHead.TAG_HEAD), List.of("tag_logits")));
    graph.addNode(node("Sigmoid", "tag_sigmoid", List.of("tag_logits"), List.of(TAG_PROBABILITIES)));

    graph.addOutput(tensorInfo(EMBEDDING, config.embeddingChannels()));
    graph.addOutput(tensorInfo(TAG_PROBABILITIES, config.tags()));

    ModelProto.Builder model = ModelProto.newBuilder()
        .setIrVersion(Version.IR_VERSION_2021_7_30_VALUE)
        .setProducerName("soundalike")
        .setDomain("org.soundalike")
        .setDocString("SampleCNN similarity embedding and tag head (batch norm folded)")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(graph);
    for (Map.Entry<String, String> entry : provenance.entrySet()) {
      model.addMetadataProps(metadata(entry.getKey(), entry.getValue()));
    }
    model.addMetadataProps(metadata(META_CONFIG, config.name()));
    model.addMetadataProps(metadata(META_EMBEDDING_SIZE, Integer.toString(config.embeddingChannels())));
    model.addMetadataProps(metadata(META_TAGS, json(tags)));
    model.addMetadataProps(metadata(META_FORMAT_VERSION, FORMAT_VERSION));
    return model.build();
  }

  /** Writes the model to {@code out} atomically (a partly written file is never left there). */
  public static Path write(
      NetworkParameters parameters, List<String> tags, Map<String, String> provenance, Path out) {
    ModelProto model = model(parameters, tags, provenance);
    Path absolute = out.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
      Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
      try (OutputStream stream = Files.newOutputStream(temporary)) {
        model.writeTo(stream);
      }
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return absolute;
    } catch (IOException e) {
      throw new OnnxExportException("cannot write ONNX model " + absolute + ": " + e.getMessage(), e);
    }
  }

  /** Conv (folded batch norm) → ReLU → [MaxPool]; returns the block's output name. */
  private static String convolutionBlock(
      GraphProto.Builder graph, NetworkParameters parameters, NetworkParameters.ConvLayer layer, String input) {
    String name = layer.name();
    FoldedConvolution folded = FoldedConvolution.of(parameters, name);
    graph.addInitializer(OnnxTensors.convolutionWeight(name + ".w", folded.weights()));
    graph.addInitializer(OnnxTensors.floats(name + ".b", folded.bias()));
    int padding = layer.stride() == 1 ? 1 : 0;
    graph.addNode(node("Conv", name + ".conv", List.of(input, name + ".w", name + ".b"), List.of(name + ".conv"),
        intsAttribute("kernel_shape", 1, SampleCnnConfig.KERNEL),
        intsAttribute("strides", 1, layer.stride()),
        intsAttribute("pads", 0, padding, 0, padding)));
    graph.addNode(node("Relu", name + ".relu", List.of(name + ".conv"), List.of(name + ".relu")));
    if (!layer.pooled()) {
      return name + ".relu";
    }
    graph.addNode(node("MaxPool", name + ".pool", List.of(name + ".relu"), List.of(name + ".pool"),
        intsAttribute("kernel_shape", 1, SampleCnnConfig.KERNEL),
        intsAttribute("strides", 1, SampleCnnConfig.KERNEL)));
    return name + ".pool";
  }

  private static NodeProto node(
      String op, String name, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
    NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(name)
        .addAllInput(inputs).addAllOutput(outputs);
    for (AttributeProto attribute : attributes) {
      node.addAttribute(attribute);
    }
    return node.build();
  }

  private static AttributeProto intAttribute(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
  }

  private static AttributeProto floatAttribute(String name, float value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
  }

  private static AttributeProto intsAttribute(String name, long... values) {
    AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long value : values) {
      attribute.addInts(value);
    }
    return attribute.build();
  }

  /** A float tensor with a symbolic batch dimension first, then the given sizes. */
  private static ValueInfoProto tensorInfo(String name, long... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
    for (long dim : dims) {
      shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
    }
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
            .setElemType(TensorProto.DataType.FLOAT.getNumber())
            .setShape(shape)))
        .build();
  }

  private static StringStringEntryProto metadata(String key, String value) {
    return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
  }

  private static String json(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings is always JSON", e);
    }
  }
}
