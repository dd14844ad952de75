package org.soundalike.ui.audio;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of an HTTP Range header (RFC 9110 §14.1.2), resolved against the file length:
 * {@code bytes=a-b}, {@code bytes=a-} or the suffix form {@code bytes=-n}. Browsers ask for one
 * range when they seek in an audio element; a multi-range request is served whole.
 */
public record ByteRange(long first, long last) {

  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  public long length() {
    return last - first + 1;
  }

  /**
   * @return empty when there is no header or it is not a single byte range (serve the whole file)
   * @throws UnsatisfiableRangeException when the range lies outside the file (answer 416)
   */
  public static Optional<ByteRange> parse(String header, long fileLength) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = SINGLE.matcher(header.trim());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return Optional.empty();
    }
    long first;
    long last;
    if (m.group(1).isEmpty()) {
      long suffix = Long.parseLong(m.group(2));
      if (suffix == 0) {
        throw new UnsatisfiableRangeException(header, fileLength);
      }
      first = Math.max(0, fileLength - suffix);
      last = fileLength - 1;
    } else {
      first = Long.parseLong(m.group(1));
      last = m.group(2).isEmpty() ? fileLength - 1 : Math.min(Long.parseLong(m.group(2)), fileLength - 1);
    }
    if (first >= fileLength || first > last) {
      throw new UnsatisfiableRangeException(header, fileLength);
    }
    return Optional.of(new ByteRange(first, last));
  }

  /** A Range header no byte of the file satisfies. */
  public static final class UnsatisfiableRangeException extends RuntimeException {
    public UnsatisfiableRangeException(String header, long fileLength) {
      super("range '" + header + "' is outside the file's " + fileLength + " bytes");
    }
  }
}
