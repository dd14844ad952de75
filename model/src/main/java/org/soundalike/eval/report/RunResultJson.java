package org.soundalike.eval.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.soundalike.eval.QueryBootstrap;
import org.soundalike.run.RunProvenance;

/**
 * Reads and writes results.json ({@link RunResult}, {@link org.soundalike.run.RunFolder#RESULTS_JSON});
 * its {@code "run"} object is the run's {@link RunProvenance}, the same as run.json.
 * Intervals are {@code [lower, upper]} arrays. A malformed file is a {@link ReportException} naming
 * the file and what is wrong; unknown top-level fields are ignored, unknown provenance fields kept.
 */
public final class RunResultJson {

  static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new SimpleModule("intervals")
          .addSerializer(QueryBootstrap.Interval.class, new IntervalSerializer())
          .addDeserializer(QueryBootstrap.Interval.class, new IntervalDeserializer()))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private RunResultJson() {}

  public static RunResult read(Path file) {
    return read(file, RunResult.class);
  }

  public static void write(Path file, RunResult result) {
    writeValue(file, result);
  }

  public static String toJson(RunResult result) {
    try {
      return JSON.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new ReportException("cannot write the results of run " + result.run().runId() + ": " + e.getMessage(), e);
    }
  }

  /** Parses results.json text (e.g. carried as a string between pipeline stages); {@code source} names it in errors. */
  public static RunResult fromJson(String json, String source) {
    try {
      return JSON.readValue(json, RunResult.class);
    } catch (JsonProcessingException e) {
      throw new ReportException(source + ": not a valid " + describe(RunResult.class) + ": " + reason(e), e);
    }
  }

  private static <T> T read(Path file, Class<T> type) {
    try {
      T value = JSON.readValue(file.toFile(), type);
      if (value == null) {
        throw new ReportException(file + ": empty JSON document");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new ReportException(file + ": not a valid " + describe(type) + ": " + reason(e), e);
    } catch (IOException e) {
      throw new ReportException("cannot read " + file + ": " + e, e);
    }
  }

  private static void writeValue(Path file, Object value) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      JSON.writeValue(file.toFile(), value);
    } catch (IOException e) {
      throw new ReportException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String describe(Class<?> type) {
    return "results.json (docs/formats.md)";
  }

  /** Jackson's message names the field path and position; the validation in the records names the field. */
  private static String reason(JsonProcessingException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof IllegalArgumentException) {
      return root.getMessage() + location(e);
    }
    return e.getOriginalMessage() + location(e);
  }

  private static String location(JsonProcessingException e) {
    StringBuilder where = new StringBuilder();
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      where.append(" at '");
      for (JsonMappingException.Reference step : mapping.getPath()) {
        if (step.getFieldName() != null) {
          where.append(where.length() > 5 ? "." : "").append(step.getFieldName());
        } else if (step.getIndex() >= 0) {
          where.append('[').append(step.getIndex()).append(']');
        }
      }
      where.append('\'');
    }
    if (e.getLocation() != null) {
      where.append(" (line ").append(e.getLocation().getLineNr()).append(", column ").append(e.getLocation().getColumnNr()).append(')');
    }
    return where.toString();
  }

  private static final class IntervalSerializer extends JsonSerializer<QueryBootstrap.Interval> {
    @Override
    public void serialize(QueryBootstrap.Interval interval, JsonGenerator out, SerializerProvider provider) throws IOException {
      out.writeStartArray();
      out.writeNumber(interval.lower());
      out.writeNumber(interval.upper());
      out.writeEndArray();
    }
  }

  private static final class IntervalDeserializer extends JsonDeserializer<QueryBootstrap.Interval> {
    @Override
    public QueryBootstrap.Interval deserialize(JsonParser in, DeserializationContext context) throws IOException {
      JsonNode node = context.readTree(in);
      if (!node.isArray() || node.size() != 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
        throw JsonMappingException.from(in, "an interval must be an array [lower, upper] of two numbers, got " + node);
      }
      return new QueryBootstrap.Interval(node.get(0).asDouble(), node.get(1).asDouble());
    }
  }
}
