package org.soundalike.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_CHANNEL_ORDER_UNSPEC;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_compare;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_chlayout;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_double;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_int;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_sample_fmt;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;
import static org.bytedeco.ffmpeg.global.swresample.swr_set_matrix;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Decoded frames of any rate, sample format and channel layout to mono float at {@link
 * AudioSpec#SAMPLE_RATE}, through swresample called directly (FFmpegFrameGrabber exposes none of
 * its filter options). Reconfigures itself when a stream changes format midway. One per decode.
 */
final class MonoResampler implements AutoCloseable {

  // A long Kaiser-windowed sinc: about -155 dB of aliasing instead of -101 dB at swresample's
  // defaults (STACK.md), for a few times the (still small) cost. The cut-off at 0.91 of the output
  // Nyquist frequency keeps the transition band below 11,025 Hz, so nothing above folds back.
  private static final int FILTER_SIZE = 128;
  private static final double CUTOFF = 0.91;
  private static final double KAISER_BETA = 12;

  private final IntFunction<RuntimeException> failure;
  private final AVChannelLayout inLayout = new AVChannelLayout();
  private final AVChannelLayout mono = new AVChannelLayout();
  private SwrContext swr;
  private int inRate = -1;
  private int inFormat = -1;
  private FloatPointer out;
  private int outCapacity;
  private final PointerPointer<FloatPointer> outPlanes = new PointerPointer<>(1L);
  private float[] chunk = new float[0];

  /** {@code failure} turns an FFmpeg error code into the caller's exception (naming the file). */
  MonoResampler(IntFunction<RuntimeException> failure) {
    this.failure = failure;
    av_channel_layout_default(mono, 1);
  }

  /** Converts one decoded frame and hands the result to {@code sink}. */
  void push(AVFrame frame, PcmSink sink) {
    if (swr == null
        || frame.sample_rate() != inRate
        || frame.format() != inFormat
        || av_channel_layout_compare(frame.ch_layout(), inLayout) != 0) {
      flush(sink);
      configure(frame);
    }
    int capacity = swr_get_out_samples(swr, frame.nb_samples());
    ensureCapacity(capacity);
    int produced = swr_convert(swr, outPlanes, outCapacity, frame.extended_data(), frame.nb_samples());
    deliver(produced, sink);
  }

  /** Drains the samples the filter still holds (its delay line) at the end of the stream. */
  void flush(PcmSink sink) {
    if (swr == null) {
      return;
    }
    ensureCapacity(Math.max(4096, swr_get_out_samples(swr, 0)));
    int produced;
    do {
      produced = swr_convert(swr, outPlanes, outCapacity, (PointerPointer<?>) null, 0);
      deliver(produced, sink);
    } while (produced > 0);
  }

  private void configure(AVFrame frame) {
    freeSwr();
    av_channel_layout_uninit(inLayout);
    check(av_channel_layout_copy(inLayout, frame.ch_layout()));
    inRate = frame.sample_rate();
    inFormat = frame.format();
    int channels = inLayout.nb_channels();
    AVChannelLayout layout = new AVChannelLayout();
    try {
      // Some containers (raw PCM, old WAV) carry only a channel count; swresample needs a layout.
      if (inLayout.order() == AV_CHANNEL_ORDER_UNSPEC) {
        av_channel_layout_default(layout, channels);
      } else {
        check(av_channel_layout_copy(layout, inLayout));
      }
      swr = swr_alloc();
      check(av_opt_set_chlayout(swr, "in_chlayout", layout, 0));
      check(av_opt_set_int(swr, "in_sample_rate", inRate, 0));
      check(av_opt_set_sample_fmt(swr, "in_sample_fmt", inFormat, 0));
      check(av_opt_set_chlayout(swr, "out_chlayout", mono, 0));
      check(av_opt_set_int(swr, "out_sample_rate", AudioSpec.SAMPLE_RATE, 0));
      check(av_opt_set_sample_fmt(swr, "out_sample_fmt", AV_SAMPLE_FMT_FLT, 0));
      check(av_opt_set_int(swr, "filter_size", FILTER_SIZE, 0));
      check(av_opt_set_double(swr, "cutoff", CUTOFF, 0));
      check(av_opt_set_double(swr, "kaiser_beta", KAISER_BETA, 0));
      // The mean of the channels. swresample's own downmix weights stereo by 0.707 each, so
      // (L + R) * 0.707 exceeds 1.0 on loud, correlated channels; the mean stays in [-1, 1].
      double[] matrix = new double[channels];
      Arrays.fill(matrix, 1.0 / channels);
      check(swr_set_matrix(swr, matrix, channels));
      check(swr_init(swr));
    } finally {
      av_channel_layout_uninit(layout);
      layout.close();
    }
  }

  private void ensureCapacity(int samples) {
    if (samples > outCapacity) {
      if (out != null) {
        out.close();
      }
      outCapacity = Math.max(samples, 2 * outCapacity);
      out = new FloatPointer(outCapacity);
      outPlanes.put(0, out);
      chunk = new float[outCapacity];
    }
  }

  private void deliver(int produced, PcmSink sink) {
    check(produced);
    if (produced > 0) {
      out.get(chunk, 0, produced);
      // A band-limited filter reconstructs the peaks between samples: loud masters (and noise)
      // at full scale come out above 1.0. The method's input is [-1, 1], so those peaks are clipped.
      for (int i = 0; i < produced; i++) {
        chunk[i] = Math.max(-1f, Math.min(1f, chunk[i]));
      }
      sink.accept(chunk, produced);
    }
  }

  private void check(int code) {
    if (code < 0) {
      throw failure.apply(code);
    }
  }

  @Override
  public void close() {
    freeSwr();
    av_channel_layout_uninit(inLayout);
    inLayout.close();
    mono.close();
    if (out != null) {
      out.close();
    }
    outPlanes.close();
  }

  private void freeSwr() {
    if (swr != null) {
      swr_free(swr);
      swr = null;
    }
  }
}
