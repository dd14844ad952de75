package org.soundalike.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.soundalike.audio.UnsupportedAudioException.Reason;

/**
 * Finds files cut short where FFmpeg does not: it decodes what is there without an error, and for
 * WAV and Ogg the duration it reports already matches the cut (it is derived from the file size or
 * the last page). Each container states its own end, so this compares that statement with the
 * file: the WAV data chunk's size, the MP4 boxes' sizes, and the Ogg end-of-stream flag on the last
 * page. MP3 (Xing/LAME header) and FLAC (STREAMINFO) state a duration that FFmpeg reports, checked
 * after decoding by {@link AudioFileReader}.
 */
final class TruncationCheck {

  /** The largest Ogg page: 27-byte header, 255 lacing values, 255 segments of 255 bytes. */
  private static final int MAX_OGG_PAGE = 27 + 255 + 255 * 255;

  private static final int OGG_END_OF_STREAM = 0x04;

  private TruncationCheck() {}

  /** Throws {@code TRUNCATED} when the container states more than the file holds. */
  static void check(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      ByteBuffer head = read(channel, 0, 12);
      if (head.remaining() < 12) {
        return;
      }
      String first = ascii(head, 0, 4);
      if (first.equals("RIFF") && ascii(head, 8, 4).equals("WAVE")) {
        checkWav(file, channel, size);
      } else if (ascii(head, 4, 4).equals("ftyp")) {
        checkMp4(file, channel, size);
      } else if (first.equals("OggS")) {
        checkOgg(file, channel, size);
      }
    } catch (IOException e) {
      throw new UnsupportedAudioException(file, Reason.NOT_A_FILE, "cannot read: " + e.getMessage());
    }
  }

  private static void checkWav(Path file, FileChannel channel, long size) throws IOException {
    long position = 12;
    while (position + 8 <= size) {
      ByteBuffer chunk = read(channel, position, 8).order(ByteOrder.LITTLE_ENDIAN);
      long length = Integer.toUnsignedLong(chunk.getInt(4));
      if (ascii(chunk, 0, 4).equals("data")) {
        // 0 and 0xFFFFFFFF mean "unknown" (a stream that was written without seeking back).
        long end = position + 8 + length;
        if (length != 0 && length != 0xFFFFFFFFL && end > size) {
          throw truncated(file, String.format(
              Locale.ROOT, "the WAV data chunk states %d bytes, the file holds %d", length, size - position - 8));
        }
        return;
      }
      position += 8 + length + (length & 1);
    }
  }

  private static void checkMp4(Path file, FileChannel channel, long size) throws IOException {
    long position = 0;
    while (position + 8 <= size) {
      ByteBuffer box = read(channel, position, 16).order(ByteOrder.BIG_ENDIAN);
      long length = Integer.toUnsignedLong(box.getInt(0));
      String type = ascii(box, 4, 4);
      if (length == 1 && box.remaining() >= 16) {
        length = box.getLong(8);
      } else if (length == 0) {
        return; // "extends to the end of the file"
      }
      if (length < 8) {
        return; // not a box structure FFmpeg would follow either; let it report
      }
      if (position + length > size) {
        throw truncated(file, String.format(
            Locale.ROOT, "the MP4 '%s' box states %d bytes, the file holds %d", type, length, size - position));
      }
      position += length;
    }
  }

  private static void checkOgg(Path file, FileChannel channel, long size) throws IOException {
    int tailLength = (int) Math.min(size, MAX_OGG_PAGE + 4L);
    ByteBuffer tail = read(channel, size - tailLength, tailLength);
    byte[] bytes = new byte[tail.remaining()];
    tail.get(bytes);
    for (int p = bytes.length - 4; p >= 0; p--) {
      if (bytes[p] == 'O' && bytes[p + 1] == 'g' && bytes[p + 2] == 'g' && bytes[p + 3] == 'S') {
        long pageEnd = oggPageEnd(bytes, p);
        if (pageEnd > bytes.length) {
          throw truncated(file, "the last Ogg page is incomplete");
        }
        if (pageEnd == bytes.length && (bytes[p + 5] & OGG_END_OF_STREAM) == 0) {
          throw truncated(file, "the Ogg stream ends without its end-of-stream page");
        }
        return;
      }
    }
  }

  /** Where the page starting at {@code p} ends, from its segment table; past the array if cut. */
  private static long oggPageEnd(byte[] bytes, int p) {
    if (p + 27 > bytes.length) {
      return Long.MAX_VALUE;
    }
    int segments = bytes[p + 26] & 0xFF;
    if (p + 27 + segments > bytes.length) {
      return Long.MAX_VALUE;
    }
    long end = p + 27L + segments;
    for (int i = 0; i < segments; i++) {
      end += bytes[p + 27 + i] & 0xFF;
    }
    return end;
  }

  private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
      // keep reading: FileChannel may return fewer bytes than asked
    }
    return buffer.flip();
  }

  private static String ascii(ByteBuffer buffer, int offset, int length) {
    if (buffer.limit() < offset + length) {
      return "";
    }
    byte[] bytes = new byte[length];
    buffer.get(offset, bytes);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static UnsupportedAudioException truncated(Path file, String detail) {
    return new UnsupportedAudioException(file, Reason.TRUNCATED, "truncated: " + detail);
  }
}
