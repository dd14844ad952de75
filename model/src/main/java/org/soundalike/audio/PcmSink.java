package org.soundalike.audio;

/** Receives decoded mono PCM at {@link AudioSpec#SAMPLE_RATE}, chunk by chunk, in order. */
@FunctionalInterface
public interface PcmSink {

  /**
   * The next {@code count} samples are {@code samples[0..count)}. The array is reused for the
   * next chunk: copy what must outlive the call.
   */
  void accept(float[] samples, int count);
}
