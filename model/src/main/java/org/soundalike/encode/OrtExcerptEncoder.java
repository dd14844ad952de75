package org.soundalike.encode;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.soundalike.audio.AudioSpec;
import org.soundalike.audio.ExcerptBatches;
import org.soundalike.onnx.OnnxExport;
import org.soundalike.onnx.OnnxExportException;

/**
 * An exported network ({@link OnnxExport}) run by ONNX Runtime. {@link #open} shares one
 * {@link OrtSession} per model file and thread count in the process (a session holds the weights
 * and its own thread pool; ORT's {@code run} is safe for concurrent callers), counted by
 * reference: the session closes when the last encoder using it is closed.
 */
public final class OrtExcerptEncoder implements ExcerptEncoder {

  private static final Map<SessionKey, Shared> SESSIONS = new HashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SessionKey key;
  private final Shared shared;
  private final int batchSize;
  private boolean closed;

  private OrtExcerptEncoder(SessionKey key, Shared shared, int batchSize) {
    this.key = key;
    this.shared = shared;
    this.batchSize = batchSize;
  }

  /** {@link #open(Path, int, int, boolean)} with ORT's threads sleeping when idle. */
  public static OrtExcerptEncoder open(Path model, int threads, int batchSize) {
    return open(model, threads, batchSize, false);
  }

  /**
   * @param model an {@code .onnx} file written by {@link OnnxExport}
   * @param threads ONNX Runtime intra-op threads; 0 = ORT's default (one per core)
   * @param batchSize excerpts per ORT run
   * @param spinning let idle intra-op threads spin (ORT's default) instead of sleeping: a little
   *     lower latency on a dedicated machine, CPU time burnt for nothing on a shared one
   */
  public static OrtExcerptEncoder open(Path model, int threads, int batchSize, boolean spinning) {
    SessionKey key = new SessionKey(model.toAbsolutePath().normalize(), threads, spinning);
    synchronized (SESSIONS) {
      Shared shared = SESSIONS.get(key);
      if (shared == null) {
        shared = Shared.load(key);
        SESSIONS.put(key, shared);
      }
      shared.references++;
      return new OrtExcerptEncoder(key, shared, batchSize);
    }
  }

  /** Sessions currently open in this process (one per model file and thread count). */
  public static int openSessions() {
    synchronized (SESSIONS) {
      return SESSIONS.size();
    }
  }

  @Override
  public ExcerptEmbeddings encode(List<float[]> excerpts) {
    float[][] embeddings = new float[excerpts.size()][];
    float[][] probabilities = new float[excerpts.size()][];
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    for (int from = 0; from < excerpts.size(); from += batchSize) {
      int to = Math.min(excerpts.size(), from + batchSize);
      long[] shape = {to - from, 1, AudioSpec.EXCERPT_SAMPLES};
      try (OnnxTensor audio = OnnxTensor.createTensor(
              environment, FloatBuffer.wrap(ExcerptBatches.pack(excerpts, from, to)), shape);
          OrtSession.Result result = shared.session.run(Map.of(OnnxExport.AUDIO, audio))) {
        float[][] z = (float[][]) result.get(OnnxExport.EMBEDDING).orElseThrow().getValue();
        float[][] p = (float[][]) result.get(OnnxExport.TAG_PROBABILITIES).orElseThrow().getValue();
        System.arraycopy(z, 0, embeddings, from, to - from);
        System.arraycopy(p, 0, probabilities, from, to - from);
      } catch (OrtException e) {
        throw new OnnxExportException("ONNX Runtime failed on " + key.model() + ": " + e.getMessage(), e);
      }
    }
    return new ExcerptEmbeddings(embeddings, probabilities);
  }

  @Override
  public int embeddingSize() {
    return shared.embeddingSize;
  }

  @Override
  public List<String> tags() {
    return shared.tags;
  }

  /** The model's metadata (provenance written at export, plus the export's own keys). */
  public Map<String, String> metadata() {
    return shared.metadata;
  }

  @Override
  public String engine() {
    return "onnxruntime";
  }

  @Override
  public void close() {
    synchronized (SESSIONS) {
      if (closed) {
        return;
      }
      closed = true;
      if (--shared.references == 0) {
        SESSIONS.remove(key);
        try {
          shared.session.close();
        } catch (OrtException e) {
          throw new OnnxExportException("cannot close the ONNX Runtime session of " + key.model(), e);
        }
      }
    }
  }

  private record SessionKey(Path model, int threads, boolean spinning) {}

  /** One loaded session and what its metadata says; {@code references} guarded by SESSIONS. */
  private static final class Shared {
    final OrtSession session;
    final List<String> tags;
    final int embeddingSize;
    final Map<String, String> metadata;
    int references;

    private Shared(OrtSession session, List<String> tags, int embeddingSize, Map<String, String> metadata) {
      this.session = session;
      this.tags = tags;
      this.embeddingSize = embeddingSize;
      this.metadata = metadata;
    }

    static Shared load(SessionKey key) {
      OrtSession session = null;
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setIntraOpNumThreads(key.threads());
        // The graph is a chain: inter-op parallelism has nothing to run side by side.
        options.setInterOpNumThreads(1);
        options.addConfigEntry("session.intra_op.allow_spinning", key.spinning() ? "1" : "0");
        session = OrtEnvironment.getEnvironment().createSession(key.model().toString(), options);
        Map<String, String> metadata = Map.copyOf(session.getMetadata().getCustomMetadata());
        String tags = metadata.get(OnnxExport.META_TAGS);
        String size = metadata.get(OnnxExport.META_EMBEDDING_SIZE);
        if (tags == null || size == null) {
          throw new OnnxExportException(key.model() + " is not a SoundAlike export: no "
              + OnnxExport.META_TAGS + " / " + OnnxExport.META_EMBEDDING_SIZE + " metadata");
        }
        return new Shared(session, List.copyOf(JSON.readValue(tags, new TypeReference<List<String>>() {})),
            Integer.parseInt(size), metadata);
      } catch (OrtException | IOException | NumberFormatException e) {
        closeQuietly(session);
        throw new OnnxExportException("cannot load ONNX model " + key.model() + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        closeQuietly(session);
        throw e;
      }
    }

    private static void closeQuietly(OrtSession session) {
      if (session == null) {
        return;
      }
      try {
        session.close();
      } catch (OrtException ignored) {
        // Already failing with the load error, which is the one to report.
      }
    }
  }
}
