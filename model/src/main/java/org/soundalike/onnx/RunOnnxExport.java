package org.soundalike.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.soundalike.train.TrainedNetwork;
import org.soundalike.run.RunFolder;

/**
 * The export of a training run: the network of its best (else last) checkpoint, its tag
 * vocabulary and its provenance ({@link TrainedNetwork}), plus the SHA-256 of the checkpoint
 * file. The checkpoint's hash, not the parameters', decides whether a cached export is current:
 * checking it reads bytes only, so a process serving a run whose export is up to date never
 * loads ND4J (whose natives slow ONNX Runtime down in the same JVM, docs/benchmarks/serve.md).
 */
public final class RunOnnxExport {

  /** Metadata key of the checkpoint file's SHA-256. */
  public static final String META_CHECKPOINT_SHA256 = "soundalike.checkpoint_sha256";

  private RunOnnxExport() {}

  /** The run's up-to-date export, cached as {@code <run>/}{@value RunFolder#MODEL_ONNX}. */
  public static Path ensure(Path run) {
    Path file = cachedFile(run);
    // Hash before reading: if the checkpoint is replaced in between, the stored hash is the old
    // one and the next call rewrites the export, so a stale export never looks current.
    String checkpointHash = sha256(RunFolder.of(run).bestOrLastCheckpoint());
    return OnnxExportCache.ensure(file, META_CHECKPOINT_SHA256, checkpointHash, () -> write(run, checkpointHash, file));
  }

  /** Writes the run's export to {@code out} (any path; the cache is not consulted). */
  public static Path write(Path run, Path out) {
    return write(run, sha256(RunFolder.of(run).bestOrLastCheckpoint()), out);
  }

  /** Where {@link #ensure} keeps a run's export. */
  public static Path cachedFile(Path run) {
    return run.resolve(RunFolder.MODEL_ONNX);
  }

  private static Path write(Path run, String checkpointHash, Path out) {
    TrainedNetwork network = TrainedNetwork.load(run);
    Map<String, String> metadata = new LinkedHashMap<>(network.provenance());
    metadata.put(META_CHECKPOINT_SHA256, checkpointHash);
    return OnnxExport.write(network.parameters(), network.tags(), metadata, out);
  }

  private static String sha256(Path file) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new OnnxExportException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
