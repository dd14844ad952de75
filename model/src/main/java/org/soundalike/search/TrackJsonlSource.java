package org.soundalike.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.dataset.EmbeddedTrackJsonl;

/**
 * Streams an {@link EmbeddedTrackJsonl} file line by line (an export of a million tracks would
 * not fit in memory at once). Unlike {@link EmbeddedTrackJsonl#read}, a malformed line does not
 * stop the stream: it comes out as a record with its problem, for the reject report.
 */
public final class TrackJsonlSource implements Iterator<TrackJsonlSource.Line>, AutoCloseable {

  /**
   * One non-blank input line: the parsed track, or why it could not be parsed (and then the id
   * if one can still be read from the text, for the reject report).
   */
  public record Line(long number, EmbeddedTrack track, String problem, String idHint) {

    public Line(long number, EmbeddedTrack track, String problem) {
      this(number, track, problem, track == null ? null : track.id());
    }
  }

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]*)\"");

  private final Path file;
  private final BufferedReader in;
  private long number;
  private Line next;

  public TrackJsonlSource(Path file) throws IOException {
    this.file = file;
    this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
  }

  /**
   * The number of non-blank lines (for the progress total), the SHA-256 of the file and the
   * embedding size of its first valid track (0 when it has none): the index's dimensions unless
   * the caller names them.
   */
  public record Scan(long lines, String sha256, int dimensions) {}

  public static Scan scan(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    long lines = 0;
    int dimensions = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new DigestInputStream(Files.newInputStream(file), digest), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          lines++;
          if (dimensions == 0) {
            Line parsed = parse(lines, line);
            dimensions = parsed.track() == null ? 0 : parsed.track().embedding().length;
          }
        }
      }
    }
    return new Scan(lines, HexFormat.of().formatHex(digest.digest()), dimensions);
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    try {
      String text;
      while ((text = in.readLine()) != null) {
        number++;
        if (!text.isBlank()) {
          next = parse(number, text);
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file + " line " + (number + 1), e);
    }
  }

  private static Line parse(long number, String text) {
    Matcher id = ID.matcher(text);
    String idHint = id.find() ? id.group(1) : null;
    try {
      return new Line(number, EmbeddedTrackJsonl.parse(text), null);
    } catch (JsonProcessingException e) {
      // Jackson appends advice for programmers ("enable `JsonReadFeature…` to allow"): drop it.
      String message = e.getOriginalMessage();
      int advice = message.indexOf(": enable `");
      return new Line(number, null, "not valid JSON: " + (advice > 0 ? message.substring(0, advice) : message), idHint);
    } catch (IllegalArgumentException e) {
      return new Line(number, null, e.getMessage(), idHint);
    }
  }

  @Override
  public Line next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Line line = next;
    next = null;
    return line;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
