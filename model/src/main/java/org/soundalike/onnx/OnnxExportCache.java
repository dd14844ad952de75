package org.soundalike.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soundalike.net.NetworkParameters;

/**
 * An export kept next to a run and made on demand: written when absent, rewritten when the
 * network's parameters no longer match the ones it was made from (a run trained further), left
 * alone otherwise. The match is a fingerprint of the parameters stored in the model's metadata.
 */
public final class OnnxExportCache {

  /** Metadata key of the parameter fingerprint. */
  public static final String META_PARAMETERS_SHA256 = "soundalike.parameters_sha256";

  /** Conventional file name of a run's export. */
  public static final String FILE_NAME = "model.onnx";

  private OnnxExportCache() {}

  /** The up-to-date export at {@code file} (written now if needed). */
  public static synchronized Path ensure(
      NetworkParameters parameters, List<String> tags, Map<String, String> provenance, Path file) {
    String fingerprint = ParameterFingerprint.of(parameters);
    if (Files.isRegularFile(file) && fingerprint.equals(storedFingerprint(file))) {
      return file.toAbsolutePath();
    }
    Map<String, String> metadata = new LinkedHashMap<>(provenance);
    metadata.put(META_PARAMETERS_SHA256, fingerprint);
    return OnnxExport.write(parameters, tags, metadata, file);
  }

  private static String storedFingerprint(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return ModelProto.parseFrom(in).getMetadataPropsList().stream()
          .filter(entry -> entry.getKey().equals(META_PARAMETERS_SHA256))
          .map(StringStringEntryProto::getValue)
          .findFirst().orElse("");
    } catch (IOException e) {
      // An unreadable or truncated cache is rebuilt, not an error: the run itself is the truth.
      return "";
    }
  }
}
