package org.soundalike.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.soundalike.audio.AudioSpec;
import org.soundalike.audio.ExcerptBatches;

/**
 * A statically quantised copy of an fp32 export, in ONNX's QDQ form (QuantizeLinear /
 * DequantizeLinear pairs that ONNX Runtime fuses into int8 kernels): convolution weights int8
 * per output channel (symmetric), biases int32, activations uint8 per tensor with ranges
 * calibrated on real excerpts. ReLU disappears into the uint8 quantisation of each convolution's
 * output (zero point 0 clamps negatives). LayerNorm, L2 and the tag head stay float.
 *
 * <p>A study, not the serving default: the issue offers int8 only if it keeps ≥ 0.99 of the fp32
 * neighbours; it kept 0.96 with an untrained network (docs/benchmarks/onnx.md) and 0.978–0.994
 * of the track neighbours with two trained compact runs (docs/benchmarks/serve.md).
 */
public final class Int8Export {

  private Int8Export() {}

  /** Writes the quantised model of {@code fp32} to {@code out}, calibrated on {@code excerpts}. */
  public static Path write(Path fp32, List<float[]> calibration, Path out) {
    try {
      ModelProto model;
      try (InputStream in = Files.newInputStream(fp32)) {
        model = ModelProto.parseFrom(in);
      }
      Map<String, Float> ranges = calibrate(model, calibration);
      ModelProto quantised = quantise(model, ranges);
      try (OutputStream stream = Files.newOutputStream(out)) {
        quantised.writeTo(stream);
      }
      return out;
    } catch (IOException | OrtException e) {
      throw new OnnxExportException("cannot quantise " + fp32 + ": " + e.getMessage(), e);
    }
  }

  /** Max over the calibration excerpts of every ReLU output, and max |audio|. */
  private static Map<String, Float> calibrate(ModelProto model, List<float[]> excerpts) throws OrtException {
    GraphProto.Builder graph = model.getGraph().toBuilder();
    List<String> relus = new ArrayList<>();
    for (NodeProto node : model.getGraph().getNodeList()) {
      if (node.getOpType().equals("Relu")) {
        relus.add(node.getOutput(0));
        graph.addOutput(ValueInfoProto.newBuilder().setName(node.getOutput(0)).setType(TypeProto.newBuilder()
            .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()))));
      }
    }
    byte[] bytes = model.toBuilder().setGraph(graph).build().toByteArray();
    Map<String, Float> ranges = new HashMap<>();
    float audioMax = 0;
    for (float[] excerpt : excerpts) {
      for (float v : excerpt) {
        audioMax = Math.max(audioMax, Math.abs(v));
      }
    }
    ranges.put(OnnxExport.AUDIO, audioMax);
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession session = environment.createSession(bytes, new OrtSession.SessionOptions())) {
      for (int from = 0; from < excerpts.size(); from += 8) {
        int to = Math.min(excerpts.size(), from + 8);
        try (OnnxTensor audio = OnnxTensor.createTensor(environment,
                FloatBuffer.wrap(ExcerptBatches.pack(excerpts, from, to)),
                new long[] {to - from, 1, AudioSpec.EXCERPT_SAMPLES});
            OrtSession.Result result = session.run(Map.of(OnnxExport.AUDIO, audio), new java.util.HashSet<>(relus))) {
          for (String relu : relus) {
            FloatBuffer values = ((OnnxTensor) result.get(relu).orElseThrow()).getFloatBuffer();
            float max = ranges.getOrDefault(relu, 0f);
            while (values.hasRemaining()) {
              max = Math.max(max, values.get());
            }
            ranges.put(relu, max);
          }
        }
      }
    }
    return ranges;
  }

  private static ModelProto quantise(ModelProto model, Map<String, Float> ranges) {
    GraphProto source = model.getGraph();
    Map<String, TensorProto> initializers = new HashMap<>();
    for (TensorProto tensor : source.getInitializerList()) {
      initializers.put(tensor.getName(), tensor);
    }
    GraphProto.Builder graph = source.toBuilder().clearNode().clearInitializer();
    Map<String, Float> activationScale = new HashMap<>();
    // Float initializers now produced by a DequantizeLinear of their int8/int32 version.
    java.util.Set<String> replaced = new java.util.HashSet<>();
    // Conv output name → the ReLU output name whose range quantises it.
    Map<String, String> reluOf = new HashMap<>();
    for (NodeProto node : source.getNodeList()) {
      if (node.getOpType().equals("Relu")) {
        reluOf.put(node.getInput(0), node.getOutput(0));
      }
    }
    for (NodeProto node : source.getNodeList()) {
      switch (node.getOpType()) {
        case "Reshape" -> {
          if (node.getInput(0).equals(OnnxExport.AUDIO)) {
            // Signed audio as uint8 around 128.
            float scale = ranges.get(OnnxExport.AUDIO) / 127f;
            String out = node.getOutput(0);
            graph.addNode(node.toBuilder().setOutput(0, out + ".f"));
            addQdq(graph, out + ".f", out, scale, 128);
            activationScale.put(out, scale);
          } else {
            graph.addNode(node);
          }
        }
        case "Conv" -> {
          String x = node.getInput(0);
          float xScale = activationScale.get(x);
          TensorProto w = initializers.get(node.getInput(1));
          TensorProto b = initializers.get(node.getInput(2));
          float[] weights = floats(w);
          float[] bias = floats(b);
          int out = (int) w.getDims(0);
          int perChannel = weights.length / out;
          float[] wScale = new float[out];
          byte[] wq = new byte[weights.length];
          int[] bq = new int[out];
          float[] bScale = new float[out];
          for (int o = 0; o < out; o++) {
            float max = 1e-12f;
            for (int i = 0; i < perChannel; i++) {
              max = Math.max(max, Math.abs(weights[o * perChannel + i]));
            }
            wScale[o] = max / 127f;
            for (int i = 0; i < perChannel; i++) {
              wq[o * perChannel + i] = (byte) Math.max(-127, Math.min(127, Math.round(weights[o * perChannel + i] / wScale[o])));
            }
            bScale[o] = xScale * wScale[o];
            bq[o] = Math.round(bias[o] / bScale[o]);
          }
          String wName = w.getName();
          graph.addInitializer(TensorProto.newBuilder().setName(wName + ".q").setDataType(TensorProto.DataType.INT8.getNumber())
              .addAllDims(w.getDimsList()).setRawData(ByteString.copyFrom(wq)));
          graph.addInitializer(floatVector(wName + ".scale", wScale));
          graph.addInitializer(int8Zeros(wName + ".zero", out));
          graph.addNode(dq(wName + ".q", wName + ".scale", wName + ".zero", wName, 0));
          String bName = b.getName();
          graph.addInitializer(int32Vector(bName + ".q", bq));
          graph.addInitializer(floatVector(bName + ".scale", bScale));
          graph.addInitializer(int32Vector(bName + ".zero", new int[out]));
          graph.addNode(dq(bName + ".q", bName + ".scale", bName + ".zero", bName, 0));
          replaced.add(wName);
          replaced.add(bName);
          graph.addNode(node);
          // Conv → Q(relu range, zero point 0) → DQ: the uint8 clamp at 0 is the ReLU.
          String relu = reluOf.get(node.getOutput(0));
          float yScale = ranges.get(relu) / 255f;
          addQdq(graph, node.getOutput(0), relu, yScale, 0);
          activationScale.put(relu, yScale);
        }
        case "Relu" -> {
          // Folded into the uint8 quantisation of the convolution's output (see "Conv").
        }
        case "MaxPool" -> {
          float scale = activationScale.get(node.getInput(0));
          String out = node.getOutput(0);
          graph.addNode(node.toBuilder().setOutput(0, out + ".f"));
          addQdq(graph, out + ".f", out, scale, 0);
          activationScale.put(out, scale);
        }
        default -> graph.addNode(node);
      }
    }
    for (TensorProto tensor : source.getInitializerList()) {
      if (!replaced.contains(tensor.getName())) {
        graph.addInitializer(tensor);
      }
    }
    return model.toBuilder().setGraph(graph).build();
  }

  private static void addQdq(GraphProto.Builder graph, String input, String output, float scale, int zeroPoint) {
    graph.addInitializer(floatScalar(output + ".qscale", scale));
    graph.addInitializer(TensorProto.newBuilder().setName(output + ".qzero")
        .setDataType(TensorProto.DataType.UINT8.getNumber()).setRawData(ByteString.copyFrom(new byte[] {(byte) zeroPoint})));
    graph.addNode(NodeProto.newBuilder().setOpType("QuantizeLinear").setName(output + ".quantize")
        .addInput(input).addInput(output + ".qscale").addInput(output + ".qzero").addOutput(output + ".u8"));
    graph.addNode(NodeProto.newBuilder().setOpType("DequantizeLinear").setName(output + ".dequantize")
        .addInput(output + ".u8").addInput(output + ".qscale").addInput(output + ".qzero").addOutput(output));
  }

  private static NodeProto dq(String input, String scale, String zero, String output, int axis) {
    return NodeProto.newBuilder().setOpType("DequantizeLinear").setName(output + ".dequantize")
        .addInput(input).addInput(scale).addInput(zero).addOutput(output)
        .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(axis))
        .build();
  }

  private static float[] floats(TensorProto tensor) {
    FloatBuffer buffer = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    float[] values = new float[buffer.remaining()];
    buffer.get(values);
    return values;
  }

  private static TensorProto floatScalar(String name, float value) {
    ByteBuffer bytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value);
    return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber())
        .setRawData(ByteString.copyFrom(bytes.array())).build();
  }

  private static TensorProto floatVector(String name, float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber())
        .addDims(values.length).setRawData(ByteString.copyFrom(bytes.array())).build();
  }

  private static TensorProto int32Vector(String name, int[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asIntBuffer().put(values);
    return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT32.getNumber())
        .addDims(values.length).setRawData(ByteString.copyFrom(bytes.array())).build();
  }

  private static TensorProto int8Zeros(String name, int length) {
    return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT8.getNumber())
        .addDims(length).setRawData(ByteString.copyFrom(new byte[length])).build();
  }
}
