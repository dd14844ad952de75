package org.soundalike.encode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soundalike.audio.AudioDecoder;
import org.soundalike.audio.AudioException;
import org.soundalike.audio.Excerpts;
import org.soundalike.dataset.EmbeddedTrack;

/**
 * A whole track → its embedding and tag probabilities: the non-overlapping evaluation windows
 * (the trailing partial window dropped), encoded in batches, then the mean z L2-normalised and
 * the mean of the sigmoids; and its segments, the same windows' z pooled over {@link
 * SegmentWindows#DEFAULT}. Safe for concurrent callers when its {@link ExcerptEncoder} is.
 */
public final class TrackEncoder implements AutoCloseable {

  private final ExcerptEncoder encoder;
  private final AudioDecoder decoder = new AudioDecoder();

  public TrackEncoder(ExcerptEncoder encoder) {
    this.encoder = encoder;
  }

  /**
   * The encoder of a training run with the default engine, ONNX Runtime: the run's export is
   * made on first use and cached next to it ({@link ExcerptEncoders#load}).
   *
   * @param parallelism callers that may encode at the same time (ORT serves any number with its
   *     one session; ND4J would keep this many graphs)
   */
  public static TrackEncoder load(Path run, int parallelism) {
    return load(run, ExcerptEncoders.Settings.DEFAULT.withParallelism(parallelism));
  }

  /** The encoder of a training run on the engine, threads and batch size of {@code settings}. */
  public static TrackEncoder load(Path run, ExcerptEncoders.Settings settings) {
    return new TrackEncoder(ExcerptEncoders.load(run, settings));
  }

  /** Which engine encodes ({@code onnxruntime} or {@code nd4j}). */
  public String engine() {
    return encoder.engine();
  }

  public List<String> tags() {
    return encoder.tags();
  }

  /**
   * Decodes and encodes an audio file.
   *
   * @throws EncodingException naming the file when it cannot be read or is shorter than one excerpt
   */
  public TrackEmbedding encode(String id, Path file) {
    float[] samples;
    try {
      samples = decoder.decode(file).samples();
    } catch (AudioException e) {
      throw new EncodingException(e.getMessage(), e);
    }
    return encode(id, file, samples);
  }

  /** Encodes decoded mono 22,050 Hz samples. */
  public TrackEmbedding encode(String id, Path file, float[] samples) {
    List<float[]> windows;
    try {
      windows = Excerpts.of(id, file, samples).windows();
    } catch (AudioException e) {
      throw new EncodingException(e.getMessage(), e);
    }
    // The encoder batches internally; the windows are in memory already.
    ExcerptEmbeddings out = encoder.encode(windows);
    return new TrackEmbedding(out.trackEmbedding(), out.trackTagProbabilities(), windows.size(),
        out.segments(SegmentWindows.DEFAULT));
  }

  /** The exchange-format record of an encoded track ({@code soundalike embed}'s output). */
  public EmbeddedTrack toEmbeddedTrack(String id, List<String> humanTags, TrackEmbedding encoded) {
    Map<String, Double> scores = new LinkedHashMap<>();
    List<String> tags = encoder.tags();
    for (int j = 0; j < tags.size(); j++) {
      scores.put(tags.get(j), (double) encoded.tagProbabilities()[j]);
    }
    return new EmbeddedTrack(id, humanTags, encoded.embedding(), scores).withSegments(encoded.segments());
  }

  @Override
  public void close() {
    encoder.close();
  }
}
