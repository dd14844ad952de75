package org.soundalike.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** ND4J arrays as ONNX initializers (float32, raw little-endian data as onnx.proto requires). */
final class OnnxTensors {

  private OnnxTensors() {}

  /**
   * A convolution weight: the net keeps SameDiff's NHWC layout {@code [1, k, in, out]}; ONNX's
   * Conv on {@code [N, C, 1, L]} wants {@code [out, in, 1, k]}.
   */
  static TensorProto convolutionWeight(String name, INDArray nhwcWeight) {
    INDArray kio = nhwcWeight.reshape(nhwcWeight.size(1), nhwcWeight.size(2), nhwcWeight.size(3));
    INDArray oik = kio.permute(2, 1, 0).dup('c');
    return floats(name, oik.reshape(oik.size(0), oik.size(1), 1, oik.size(2)));
  }

  /** An int64 vector (shapes). */
  static TensorProto longs(String name, long... values) {
    ByteBuffer bytes = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asLongBuffer().put(values);
    return TensorProto.newBuilder()
        .setName(name)
        .setDataType(TensorProto.DataType.INT64.getNumber())
        .addDims(values.length)
        .setRawData(ByteString.copyFrom(bytes.array()))
        .build();
  }

  /** Any array, in its logical (row-major) order. */
  static TensorProto floats(String name, INDArray array) {
    float[] values = array.castTo(DataType.FLOAT).dup('c').data().asFloat();
    ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    TensorProto.Builder tensor = TensorProto.newBuilder()
        .setName(name)
        .setDataType(TensorProto.DataType.FLOAT.getNumber())
        .setRawData(ByteString.copyFrom(bytes.array()));
    for (long dim : array.shape()) {
      tensor.addDims(dim);
    }
    return tensor.build();
  }

  /** A float vector of ones (LayerNormalization's required scale, here without learned affine). */
  static TensorProto ones(String name, int length) {
    float[] values = new float[length];
    java.util.Arrays.fill(values, 1f);
    ByteBuffer bytes = ByteBuffer.allocate(4 * length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return TensorProto.newBuilder()
        .setName(name)
        .setDataType(TensorProto.DataType.FLOAT.getNumber())
        .addDims(length)
        .setRawData(ByteString.copyFrom(bytes.array()))
        .build();
  }
}
