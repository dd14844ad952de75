package org.soundalike.train;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.soundalike.net.NetworkParameters;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One file holding a run's whole state after an epoch: the settings, the {@link TrainingState},
 * the catalog's fingerprint and the named arrays (weights, batch-norm running averages, Adam's
 * moments). Written to a temporary file in the same folder and renamed over the old one, so a
 * crash at any moment leaves either the previous checkpoint or the new one, never a torn file.
 *
 * @param settings the run's settings
 * @param state where the run stands
 * @param catalogFingerprint the fingerprint of the catalog it trains on
 * @param tags the catalog's tag vocabulary in order: row i of the tag head is tag i
 * @param arrays {@code param/<name>}, {@code running/<name>}, {@code adam.m/<name>},
 *     {@code adam.v/<name>}
 */
public record Checkpoint(
    TrainingSettings settings,
    TrainingState state,
    String catalogFingerprint,
    List<String> tags,
    Map<String, INDArray> arrays) {

  private static final String MAGIC = "soundalike-checkpoint-1";

  /** JSON that round-trips ∞ (the best loss before the first epoch) and ignores derived getters. */
  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .findAndAddModules()
      .build();

  record Header(TrainingSettings settings, TrainingState state, String catalogFingerprint, List<String> tags) {}

  public Checkpoint {
    tags = List.copyOf(tags);
    arrays = new LinkedHashMap<>(arrays);
  }

  /** Writes {@code file} atomically (temporary file + rename). */
  public void write(Path file) {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      try (OutputStream raw = Files.newOutputStream(temp);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 20))) {
        out.writeUTF(MAGIC);
        byte[] header = JSON.writeValueAsBytes(new Header(settings, state, catalogFingerprint, tags));
        out.writeInt(header.length);
        out.write(header);
        out.writeInt(arrays.size());
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
          out.writeUTF(e.getKey());
          Nd4j.write(e.getValue(), out);
        }
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new TrainingException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a checkpoint written by {@link #write}. */
  public static Checkpoint read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 20))) {
      String magic = in.readUTF();
      if (!MAGIC.equals(magic)) {
        throw new TrainingException("checkpoint " + file + ": not a SoundAlike checkpoint (header '" + magic + "')");
      }
      byte[] headerBytes = in.readNBytes(in.readInt());
      Header header = JSON.readValue(new String(headerBytes, StandardCharsets.UTF_8), Header.class);
      int count = in.readInt();
      Map<String, INDArray> arrays = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        arrays.put(name, Nd4j.read(in));
      }
      return new Checkpoint(header.settings(), header.state(), header.catalogFingerprint(), header.tags(), arrays);
    } catch (IOException e) {
      throw new TrainingException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The network this checkpoint holds (weights and running averages; the optimizer's state is
   * not needed for inference).
   */
  public NetworkParameters parameters(DataType type, Path source) {
    NetworkParameters parameters = NetworkParameters.initialize(settings.config(), type, settings.seed());
    CheckpointStore.loadInto(parameters, arrays, source, false);
    return parameters;
  }

  /** Copies {@code from} to {@code to} atomically (the best epoch's snapshot). */
  static void copy(Path from, Path to) {
    Path temp = to.resolveSibling(to.getFileName() + ".tmp");
    try {
      Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new TrainingException("cannot copy checkpoint " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }
}
