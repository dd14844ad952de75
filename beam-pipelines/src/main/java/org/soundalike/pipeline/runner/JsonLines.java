package org.soundalike.pipeline.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/** JSON lines in and out: one record per line, written as one file {@code <name>.jsonl}. */
public final class JsonLines {

  // Thread-safe once configured; shared by every DoFn instance in the JVM.
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLines() {}

  public static String toJson(Object record) {
    try {
      return JSON.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + record + " as JSON: " + e.getMessage(), e);
    }
  }

  /** Writes a PCollection of records as the single file {@code dir/name.jsonl}, replacing it. */
  public static <T> PTransform<PCollection<T>, PDone> write(Path dir, String name) {
    return new Write<>(dir.resolve(name + ".jsonl").toString());
  }

  private static final class Write<T> extends PTransform<PCollection<T>, PDone> {
    private final String file;

    Write(String file) {
      super("Write " + Path.of(file).getFileName());
      this.file = file;
    }

    @Override
    public PDone expand(PCollection<T> records) {
      // One file with no shard suffix: readers open manifest.jsonl, not a glob of shards.
      return records
          .apply("ToJson", MapElements.into(TypeDescriptors.strings()).via(JsonLines::toJson))
          .apply("WriteFile", TextIO.write().to(file).withoutSharding());
    }
  }

  /**
   * Every line of {@code file} as a {@code type}.
   *
   * @throws PipelineInputException naming the file and line when a line is not such a record
   */
  public static <T> List<T> read(Path file, Class<T> type) {
    List<T> records = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new PipelineInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        records.add(JSON.readValue(lines.get(i), type));
      } catch (JsonProcessingException e) {
        throw new PipelineInputException(file + " line " + (i + 1) + ": not a " + type.getSimpleName() + ": "
            + e.getOriginalMessage(), e);
      }
    }
    return records;
  }
}
