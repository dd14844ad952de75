package org.soundalike.onnx;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.soundalike.encode.ExcerptEncoder;
import org.soundalike.encode.Nd4jExcerptEncoder;
import org.soundalike.net.NetworkParameters;

/**
 * Chooses the engine for a network: ONNX Runtime on an export cached next to the run (made on
 * demand by {@link OnnxExportCache}), or ND4J directly. ORT is the default for serving: on this
 * machine it is faster per CPU-second and uses about half the memory (docs/benchmarks/onnx.md).
 */
public final class ExcerptEncoders {

  /** Which engine runs inference. */
  public enum Engine {
    ONNX,
    ND4J;

    public static Engine named(String name) {
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "onnx", "onnxruntime", "ort" -> ONNX;
        case "nd4j" -> ND4J;
        default -> throw new IllegalArgumentException("unknown engine '" + name + "' (known: onnx, nd4j)");
      };
    }
  }

  /**
   * @param engine ONNX or ND4J
   * @param threads ORT intra-op threads (0 = one per core); ND4J uses its own settings
   * @param batchSize excerpts per forward pass
   */
  public record Settings(Engine engine, int threads, int batchSize) {

    public static final Settings DEFAULT = new Settings(Engine.ONNX, 0, 8);
  }

  private ExcerptEncoders() {}

  /**
   * An encoder for a network.
   *
   * @param runDirectory where the export is cached ({@value OnnxExportCache#FILE_NAME}); used by
   *     the ONNX engine only
   * @param provenance what produced the weights, written into the export's metadata
   */
  public static ExcerptEncoder open(
      NetworkParameters parameters,
      List<String> tags,
      Map<String, String> provenance,
      Path runDirectory,
      Settings settings) {
    return switch (settings.engine()) {
      case ONNX -> OrtExcerptEncoder.open(
          OnnxExportCache.ensure(parameters, tags, provenance, runDirectory.resolve(OnnxExportCache.FILE_NAME)),
          settings.threads(), settings.batchSize());
      case ND4J -> new Nd4jExcerptEncoder(parameters, tags, settings.batchSize());
    };
  }
}
