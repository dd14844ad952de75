package org.soundalike.audio;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_DURATION_FROM_BITRATE;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_get_media_type_string;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.soundalike.audio.UnsupportedAudioException.Reason;

/**
 * One open audio file: FFmpeg's demuxer, decoder and a {@link MonoResampler}, owned by one thread
 * for one pass over the file. All the checks FFmpeg does not make live here: FFmpeg returns
 * partial audio from a truncated file without an error, and "success" with 0 samples on random
 * bytes (STACK.md).
 */
final class AudioFileReader implements AutoCloseable {

  /** A file may lose this much against its stated duration (codec priming and padding). */
  private static final double TRUNCATION_TOLERANCE_SECONDS = 0.5;

  private static final double TRUNCATION_TOLERANCE_FRACTION = 0.01;

  /** Decoded and discarded before a range, so that the decoder has settled after the seek. */
  private static final double PREROLL_SECONDS = 1.0;

  /** Real files have the odd damaged frame; garbage that happens to parse fails on most of them. */
  private static final int TOLERATED_FAILED_PACKETS = 8;

  private static final double TOLERATED_FAILED_FRACTION = 0.05;

  private final Path file;
  private AVFormatContext format;
  private AVCodecContext decoder;
  private int streamIndex;
  private String container;
  private String codec;
  private int originalSampleRate;
  private int channels;
  /** Duration the container states, in seconds; NaN when unknown or only guessed from the bit rate. */
  private double statedSeconds = Double.NaN;

  private AudioFileReader(Path file) {
    this.file = file;
  }

  /** Opens {@code file} and its best audio stream, or says precisely why it cannot. */
  static AudioFileReader open(Path file) {
    Ffmpeg.init();
    checkRegularFile(file);
    TruncationCheck.check(file);
    AudioFileReader reader = new AudioFileReader(file);
    try {
      reader.openContainer();
      reader.openDecoder();
      return reader;
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  private static void checkRegularFile(Path file) {
    if (!Files.exists(file)) {
      throw new UnsupportedAudioException(file, Reason.NOT_A_FILE, "no such file");
    }
    // A FIFO or a device would block the demuxer forever; only plain files are read.
    if (!Files.isRegularFile(file)) {
      throw new UnsupportedAudioException(file, Reason.NOT_A_FILE, "not a regular file");
    }
    if (!Files.isReadable(file)) {
      throw new UnsupportedAudioException(file, Reason.NOT_A_FILE, "not readable (permissions)");
    }
    try {
      if (Files.size(file) == 0) {
        throw new UnsupportedAudioException(file, Reason.EMPTY_FILE, "empty file (0 bytes)");
      }
    } catch (IOException e) {
      throw new UnsupportedAudioException(file, Reason.NOT_A_FILE, "cannot read: " + e.getMessage());
    }
  }

  private void openContainer() {
    AVDictionary options = new AVDictionary(null);
    // Only the file itself: a playlist or reference file must not make FFmpeg open URLs or block.
    av_dict_set(options, "protocol_whitelist", "file", 0);
    format = avformat_alloc_context();
    // The "file:" prefix stops FFmpeg from reading "concat:..." or "http:..." in a name as a protocol.
    int opened = avformat_open_input(format, "file:" + file.toAbsolutePath(), null, options);
    av_dict_free(options);
    if (opened < 0) {
      format = null; // avformat_open_input frees the context on failure.
      throw new UnsupportedAudioException(
          file, Reason.NOT_AUDIO, "not a recognised audio file (FFmpeg: " + Ffmpeg.error(opened) + ")");
    }
    int found = avformat_find_stream_info(format, (PointerPointer<?>) null);
    if (found < 0) {
      throw new UnsupportedAudioException(
          file, Reason.NOT_AUDIO, "cannot read its streams (FFmpeg: " + Ffmpeg.error(found) + ")");
    }
    container = format.iformat().name().getString();
  }

  private void openDecoder() {
    streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
    if (streamIndex < 0) {
      String kinds = streamKinds();
      if (kinds.contains("audio")) {
        // FFmpeg skips audio streams whose rate or channel count it could not establish: the
        // content only looked like the container (random bytes named .mp3 end up here).
        throw new UnsupportedAudioException(
            file, Reason.NOT_AUDIO, "no decodable audio: the " + container + " stream has no sample rate or channels");
      }
      throw new UnsupportedAudioException(
          file, Reason.NO_AUDIO_STREAM, "no audio stream (" + container + " with " + kinds + ")");
    }
    AVStream stream = format.streams(streamIndex);
    AVCodecParameters parameters = stream.codecpar();
    codec = avcodec_get_name(parameters.codec_id()).getString();
    originalSampleRate = parameters.sample_rate();
    channels = parameters.ch_layout().nb_channels();
    AVCodec codecImpl = avcodec_find_decoder(parameters.codec_id());
    if (codecImpl == null || codecImpl.isNull()) {
      throw new UnsupportedAudioException(file, Reason.NO_DECODER, "no decoder for codec " + codec);
    }
    decoder = avcodec_alloc_context3(codecImpl);
    check(avcodec_parameters_to_context(decoder, parameters));
    decoder.pkt_timebase(stream.time_base());
    // One decode is one thread: parallelism comes from decoding several files at once.
    decoder.thread_count(1);
    check(avcodec_open2(decoder, codecImpl, (AVDictionary) null));
    statedSeconds = statedDuration(stream);
  }

  private double statedDuration(AVStream stream) {
    if (format.duration_estimation_method() == AVFMT_DURATION_FROM_BITRATE) {
      // A guess from the file size: right for a cut CBR file, wrong for VBR without a header.
      return Double.NaN;
    }
    if (stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
      return stream.duration() * av_q2d(stream.time_base());
    }
    if (format.duration() != AV_NOPTS_VALUE && format.duration() > 0) {
      return format.duration() / (double) AV_TIME_BASE;
    }
    return Double.NaN;
  }

  private String streamKinds() {
    TreeSet<String> kinds = new TreeSet<>();
    for (int i = 0; i < format.nb_streams(); i++) {
      BytePointer kind = av_get_media_type_string(format.streams(i).codecpar().codec_type());
      kinds.add(kind == null || kind.isNull() ? "unknown" : kind.getString());
    }
    return kinds.isEmpty() ? "no streams" : String.join(", ", kinds) + " streams only";
  }

  /** Seconds the container states, or NaN when it states none it can be held to. */
  double statedSeconds() {
    return statedSeconds;
  }

  /**
   * Decodes the whole stream into {@code sink}, refusing more than {@code maxSamples}, and
   * returns the facts; throws when the result cannot be trusted (no samples, corrupt, truncated).
   */
  AudioFacts readAll(PcmSink sink, long maxSamples) {
    Meter meter = new Meter(sink, maxSamples);
    AVPacket packet = av_packet_alloc();
    AVFrame frame = av_frame_alloc();
    try (MonoResampler resampler = new MonoResampler(this::decoderError)) {
      int read;
      while ((read = av_read_frame(format, packet)) >= 0) {
        if (packet.stream_index() == streamIndex) {
          meter.packets++;
          if (avcodec_send_packet(decoder, packet) < 0) {
            meter.failedPackets++;
          } else {
            drain(frame, resampler, meter);
          }
        }
        av_packet_unref(packet);
      }
      avcodec_send_packet(decoder, null);
      drain(frame, resampler, meter);
      resampler.flush(meter);
      return verify(meter, read);
    } finally {
      av_frame_free(frame);
      av_packet_free(packet);
    }
  }

  /**
   * Decodes only output samples {@code [start, start + length)}: seeks to {@link #PREROLL_SECONDS}
   * before {@code start} (codecs need a little history after a seek: MP3's bit reservoir, Opus's
   * pre-roll), places the output by the first decoded frame's timestamp, and stops reading once the
   * range is filled. Alignment is as exact as the container's timestamps: sample-exact without
   * resampling; with it, the output grid may sit up to half an output sample from the whole-track
   * grid (the resampler starts wherever the seek landed). The whole-file checks (truncation,
   * corruption) are not made: inspect a file before cropping it.
   */
  float[] readRange(long start, int length) {
    AVStream stream = format.streams(streamIndex);
    double timeBase = av_q2d(stream.time_base());
    long origin = stream.start_time() == AV_NOPTS_VALUE ? 0 : stream.start_time();
    double seekSeconds = start / (double) AudioSpec.SAMPLE_RATE - PREROLL_SECONDS;
    boolean seeked = false;
    if (seekSeconds > 0) {
      long target = origin + (long) Math.floor(seekSeconds / timeBase);
      seeked = av_seek_frame(format, streamIndex, target, AVSEEK_FLAG_BACKWARD) >= 0;
      if (seeked) {
        avcodec_flush_buffers(decoder);
      }
    }
    Range range = new Range(start, length);
    AVPacket packet = av_packet_alloc();
    AVFrame frame = av_frame_alloc();
    try (MonoResampler resampler = new MonoResampler(this::decoderError)) {
      boolean ended = false;
      while (!range.full() && !ended) {
        int read = av_read_frame(format, packet);
        if (read < 0) {
          avcodec_send_packet(decoder, null);
          ended = true;
        } else if (packet.stream_index() != streamIndex || avcodec_send_packet(decoder, packet) < 0) {
          av_packet_unref(packet);
          continue;
        }
        av_packet_unref(packet);
        int received;
        while (!range.full() && (received = avcodec_receive_frame(decoder, frame)) >= 0) {
          if (range.position < 0) {
            long pts = frame.best_effort_timestamp();
            if (pts == AV_NOPTS_VALUE && seeked) {
              throw new UnsupportedAudioException(
                  file, Reason.DECODER_ERROR, "no timestamps after seeking: decode the whole track instead");
            }
            range.position = pts == AV_NOPTS_VALUE ? 0 : Math.round((pts - origin) * timeBase * AudioSpec.SAMPLE_RATE);
          }
          resampler.push(frame, range);
        }
      }
      if (!range.full()) {
        resampler.flush(range);
      }
      if (!range.full()) {
        throw new AudioException(String.format(
            Locale.ROOT,
            "%s: the excerpt %.2f..%.2f s runs past the end of the audio at %.2f s",
            file,
            start / (double) AudioSpec.SAMPLE_RATE,
            (start + length) / (double) AudioSpec.SAMPLE_RATE,
            Math.max(0, range.position) / (double) AudioSpec.SAMPLE_RATE));
      }
      return range.samples;
    } finally {
      av_frame_free(frame);
      av_packet_free(packet);
    }
  }

  /** Keeps the part of the output that falls into {@code [start, start + samples.length)}. */
  private static final class Range implements PcmSink {
    private final long start;
    private final float[] samples;
    private int filled;
    /** Output sample index of the next chunk; negative until the first frame's timestamp sets it. */
    long position = -1;

    Range(long start, int length) {
      this.start = start;
      this.samples = new float[length];
    }

    @Override
    public void accept(float[] chunk, int count) {
      long from = Math.max(position, start + filled);
      long to = Math.min(position + count, start + samples.length);
      if (to > from) {
        System.arraycopy(chunk, (int) (from - position), samples, (int) (from - start), (int) (to - from));
        filled = (int) (to - start);
      }
      position += count;
    }

    boolean full() {
      return filled == samples.length;
    }
  }

  private void drain(AVFrame frame, MonoResampler resampler, Meter meter) {
    while (true) {
      int received = avcodec_receive_frame(decoder, frame);
      if (received == AVERROR_EAGAIN() || received == AVERROR_EOF()) {
        return;
      }
      if (received < 0) {
        meter.failedPackets++;
        return;
      }
      resampler.push(frame, meter);
    }
  }

  private AudioFacts verify(Meter meter, int lastRead) {
    double decodedSeconds = meter.samples / (double) AudioSpec.SAMPLE_RATE;
    if (meter.samples == 0) {
      throw new UnsupportedAudioException(
          file,
          meter.failedPackets > 0 ? Reason.CORRUPT : Reason.NO_SAMPLES,
          String.format(
              Locale.ROOT,
              "no audio decoded (%s %s stream, %d of %d packets failed to decode)",
              container, codec, meter.failedPackets, meter.packets));
    }
    if (meter.failedPackets > Math.max(TOLERATED_FAILED_PACKETS, TOLERATED_FAILED_FRACTION * meter.packets)) {
      throw new UnsupportedAudioException(
          file,
          Reason.CORRUPT,
          String.format(
              Locale.ROOT,
              "corrupt %s stream: %d of %d packets failed to decode", codec, meter.failedPackets, meter.packets));
    }
    if (!Double.isNaN(statedSeconds)) {
      double tolerance = Math.max(TRUNCATION_TOLERANCE_SECONDS, TRUNCATION_TOLERANCE_FRACTION * statedSeconds);
      if (decodedSeconds < statedSeconds - tolerance) {
        throw new UnsupportedAudioException(
            file,
            Reason.TRUNCATED,
            String.format(
                Locale.ROOT,
                "truncated or damaged: decoded %.2f s of the %.2f s the %s container states%s",
                decodedSeconds, statedSeconds, container, readFailure(lastRead)));
      }
    } else if (lastRead != AVERROR_EOF()) {
      throw new UnsupportedAudioException(
          file,
          Reason.CORRUPT,
          String.format(Locale.ROOT, "reading stopped after %.2f s%s", decodedSeconds, readFailure(lastRead)));
    }
    return new AudioFacts(file, container, codec, originalSampleRate, channels, meter.samples, meter.peak);
  }

  private static String readFailure(int lastRead) {
    return lastRead == AVERROR_EOF() ? "" : " (FFmpeg: " + Ffmpeg.error(lastRead) + ")";
  }

  private RuntimeException decoderError(int code) {
    return new UnsupportedAudioException(file, Reason.DECODER_ERROR, "FFmpeg: " + Ffmpeg.error(code));
  }

  private void check(int code) {
    if (code < 0) {
      throw decoderError(code);
    }
  }

  @Override
  public void close() {
    if (decoder != null) {
      avcodec_free_context(decoder);
      decoder = null;
    }
    if (format != null) {
      avformat_close_input(format);
      format = null;
    }
  }

  /** Counts and measures the mono output on its way to the caller, and enforces the length limit. */
  private final class Meter implements PcmSink {
    private final PcmSink sink;
    private final long maxSamples;
    long samples;
    float peak;
    int packets;
    int failedPackets;

    Meter(PcmSink sink, long maxSamples) {
      this.sink = sink;
      this.maxSamples = maxSamples;
    }

    @Override
    public void accept(float[] chunk, int count) {
      samples += count;
      if (samples > maxSamples) {
        double maxSeconds = maxSamples / (double) AudioSpec.SAMPLE_RATE;
        throw tooLong(file, String.format(Locale.ROOT, "more than %.0f s", maxSeconds), maxSeconds);
      }
      for (int i = 0; i < count; i++) {
        peak = Math.max(peak, Math.abs(chunk[i]));
      }
      sink.accept(chunk, count);
    }
  }

  /** {@code length} says how long the file is, for example "10800 s" or "more than 1800 s". */
  static UnsupportedAudioException tooLong(Path file, String length, double maxSeconds) {
    return new UnsupportedAudioException(
        file,
        Reason.TOO_LONG,
        String.format(
            Locale.ROOT,
            "%s long, over the %.0f s limit for decoding a whole track (stream it instead)",
            length, maxSeconds));
  }
}
