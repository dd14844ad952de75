package org.soundalike.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;

/** Process-wide FFmpeg set-up shared by the decoder and the writer. */
final class Ffmpeg {

  static {
    // FFmpeg logs to stderr from native code (warnings on every odd file would drown the progress
    // line); every failure that matters comes back as an error code, which the callers turn into
    // a typed exception naming the file.
    av_log_set_level(AV_LOG_QUIET);
  }

  /** Loads the natives and silences FFmpeg's own logging; idempotent. */
  static void init() {
    // The static initializer above does the work once.
  }

  /** FFmpeg's text for an error code, for example "Invalid data found when processing input". */
  static String error(int code) {
    byte[] buffer = new byte[256];
    if (av_strerror(code, buffer, buffer.length) < 0) {
      return "FFmpeg error " + code;
    }
    int end = 0;
    while (end < buffer.length && buffer[end] != 0) {
      end++;
    }
    return new String(buffer, 0, end, StandardCharsets.UTF_8);
  }

  private Ffmpeg() {}
}
