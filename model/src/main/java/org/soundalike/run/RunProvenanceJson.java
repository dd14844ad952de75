package org.soundalike.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A run's provenance alone as a JSON file (the {@link RunFolder#RUN_JSON} the training code keeps next to its
 * checkpoints, read by {@code soundalike evaluate --run-info}): the same object as the
 * {@code "run"} of results.json. Unknown fields are kept in {@link RunProvenance#extra()}.
 */
public final class RunProvenanceJson {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private RunProvenanceJson() {}

  public static RunProvenance read(Path file) {
    try {
      RunProvenance run = JSON.readValue(file.toFile(), RunProvenance.class);
      if (run == null) {
        throw new RunFolderException(file + ": empty JSON document");
      }
      return run;
    } catch (IOException | IllegalArgumentException e) {
      throw new RunFolderException("cannot read the run provenance in " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code file} atomically (a sibling temporary file, then a rename), so readers never see half a file. */
  public static void write(Path file, RunProvenance run) {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      JSON.writeValue(temp.toFile(), run);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new RunFolderException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
