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
import java.util.function.Supplier;
import org.soundalike.net.NetworkParameters;

/**
 * An export kept next to a run and made on demand: written when absent, rewritten when what it
 * was made from changed (a run trained further) or when it was written by another version of
 * the export graph, left alone otherwise. What it was made from is a fingerprint stored in the
 * model's metadata: of the live parameters ({@link #ensure(NetworkParameters, List, Map, Path)})
 * or of the run's checkpoint file ({@link RunOnnxExport#ensure}).
 */
public final class OnnxExportCache {

  /** Metadata key of the parameter fingerprint. */
  public static final String META_PARAMETERS_SHA256 = "soundalike.parameters_sha256";

  private OnnxExportCache() {}

  /** The up-to-date export of live parameters at {@code file} (written now if needed). */
  public static Path ensure(
      NetworkParameters parameters, List<String> tags, Map<String, String> provenance, Path file) {
    String fingerprint = ParameterFingerprint.of(parameters);
    return ensure(file, META_PARAMETERS_SHA256, fingerprint, () -> {
      Map<String, String> metadata = new LinkedHashMap<>(provenance);
      metadata.put(META_PARAMETERS_SHA256, fingerprint);
      return OnnxExport.write(parameters, tags, metadata, file);
    });
  }

  /**
   * {@code file} when its metadata holds {@code fingerprint} under {@code key} and the current
   * export format; otherwise what {@code writer} writes there (it must store the fingerprint).
   * Synchronized so that concurrent callers in one process write a run's export once; across
   * processes the atomic rename of {@link OnnxExport#write} leaves one complete file.
   */
  static synchronized Path ensure(Path file, String key, String fingerprint, Supplier<Path> writer) {
    if (Files.isRegularFile(file)) {
      Map<String, String> stored = storedMetadata(file);
      if (fingerprint.equals(stored.get(key))
          && OnnxExport.FORMAT_VERSION.equals(stored.get(OnnxExport.META_FORMAT_VERSION))) {
        return file.toAbsolutePath();
      }
    }
    return writer.get();
  }

  private static Map<String, String> storedMetadata(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Map<String, String> metadata = new LinkedHashMap<>();
      for (StringStringEntryProto entry : ModelProto.parseFrom(in).getMetadataPropsList()) {
        metadata.put(entry.getKey(), entry.getValue());
      }
      return metadata;
    } catch (IOException e) {
      // An unreadable or truncated cache is rebuilt, not an error: the run itself is the truth.
      return Map.of();
    }
  }
}
