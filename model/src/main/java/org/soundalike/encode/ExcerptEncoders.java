package org.soundalike.encode;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.soundalike.net.NetworkParameters;
import org.soundalike.onnx.OnnxExportCache;
import org.soundalike.onnx.RunOnnxExport;
import org.soundalike.run.RunFolder;

/**
 * Chooses the engine for a network: ONNX Runtime on an export cached next to the run (made on
 * demand, {@link RunOnnxExport} / {@link OnnxExportCache}), or ND4J directly. ORT is the default for
 * serving: on this machine it is faster per CPU-second and uses about half the memory
 * (docs/benchmarks/onnx.md, docs/benchmarks/serve.md).
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
   * @param parallelism callers that may encode at the same time: ND4J keeps that many graphs;
   *     ORT ignores it (its one session per process serves concurrent callers)
   */
  public record Settings(Engine engine, int threads, int batchSize, int parallelism) {

    public static final Settings DEFAULT = new Settings(Engine.ONNX, 0, 8, 1);

    public Settings {
      if (threads < 0 || batchSize < 1 || parallelism < 1) {
        throw new IllegalArgumentException("need threads >= 0, batch >= 1, parallelism >= 1; got "
            + threads + ", " + batchSize + ", " + parallelism);
      }
    }

    /** One caller at a time. */
    public Settings(Engine engine, int threads, int batchSize) {
      this(engine, threads, batchSize, 1);
    }

    public Settings withParallelism(int callers) {
      return new Settings(engine, threads, batchSize, callers);
    }
  }

  private ExcerptEncoders() {}

  /**
   * The encoder of a training run's best (else last) checkpoint. With ONNX the run's export is
   * written on first use and rewritten when the checkpoint changed; when it is current, nothing
   * of ND4J is loaded.
   */
  public static ExcerptEncoder load(Path run, Settings settings) {
    return switch (settings.engine()) {
      case ONNX -> OrtExcerptEncoder.open(RunOnnxExport.ensure(run), settings.threads(), settings.batchSize());
      case ND4J -> Nd4jExcerptEncoder.load(run, settings.batchSize(), settings.parallelism());
    };
  }

  /**
   * An encoder for live parameters (e.g. inside a training JVM).
   *
   * @param runDirectory where the export is cached ({@value RunFolder#MODEL_ONNX}); used by
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
          OnnxExportCache.ensure(parameters, tags, provenance, runDirectory.resolve(RunFolder.MODEL_ONNX)),
          settings.threads(), settings.batchSize());
      case ND4J -> new Nd4jExcerptEncoder(parameters, tags, settings.batchSize(), settings.parallelism());
    };
  }
}
