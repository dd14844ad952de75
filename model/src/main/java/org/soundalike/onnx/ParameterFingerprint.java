package org.soundalike.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.soundalike.net.NetworkParameters;

/**
 * SHA-256 over the names, shapes and float32 values of every array an export depends on
 * (weights, γ, β, running averages): tells whether a cached export still matches the network.
 */
final class ParameterFingerprint {

  private ParameterFingerprint() {}

  static String of(NetworkParameters parameters) {
    Map<String, INDArray> arrays = new TreeMap<>(parameters.trainable());
    arrays.putAll(parameters.runningStatistics());
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, INDArray> entry : arrays.entrySet()) {
        digest.update((entry.getKey() + java.util.Arrays.toString(entry.getValue().shape()))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        float[] values = entry.getValue().castTo(DataType.FLOAT).dup('c').data().asFloat();
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        digest.update(bytes.array());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
