package org.soundalike.audio;

import java.util.function.Consumer;

/**
 * Cuts streamed PCM into the evaluation windows of {@link Excerpts} (non-overlapping from the
 * start, trailing partial window dropped) without holding the track: memory is one window.
 * Feed it to {@link AudioDecoder#stream}; each complete window goes to the consumer as a fresh
 * array.
 */
public final class EvaluationWindows implements PcmSink {

  private final Consumer<float[]> consumer;
  private float[] window = new float[AudioSpec.EXCERPT_SAMPLES];
  private int filled;
  private int count;

  public EvaluationWindows(Consumer<float[]> consumer) {
    this.consumer = consumer;
  }

  /** Only counts the windows. */
  public static EvaluationWindows counting() {
    return new EvaluationWindows(window -> {});
  }

  @Override
  public void accept(float[] samples, int length) {
    int offset = 0;
    while (offset < length) {
      int take = Math.min(length - offset, window.length - filled);
      System.arraycopy(samples, offset, window, filled, take);
      filled += take;
      offset += take;
      if (filled == window.length) {
        float[] complete = window;
        window = new float[AudioSpec.EXCERPT_SAMPLES];
        filled = 0;
        count++;
        consumer.accept(complete);
      }
    }
  }

  /** Complete windows delivered so far. */
  public int count() {
    return count;
  }
}
