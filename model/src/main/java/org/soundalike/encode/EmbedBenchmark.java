package org.soundalike.encode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soundalike.audio.AudioDecoder;
import org.soundalike.audio.AudioSpec;
import org.soundalike.audio.AudioWriter;
import org.soundalike.audio.DecodedAudio;
import org.soundalike.audio.Excerpts;
import org.soundalike.audio.MusicLikeSignal;

/**
 * End-to-end rate of embedding tracks: decode a file (FFmpeg, resample to mono 22,050 Hz), cut
 * the evaluation excerpts, encode them, average into the track embedding. One track after the
 * other on the calling thread, as a simple embedder would; the encoder uses its own threads.
 */
public final class EmbedBenchmark {

  private static final int SOURCE_RATE = 44_100;

  private EmbedBenchmark() {}

  /** Writes {@code count} music-like stereo 44.1 kHz files of {@code seconds} each. */
  public static List<Path> writeTracks(Path directory, int count, double seconds, String extension) {
    return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
      Path file = directory.resolve("track" + i + "." + extension);
      MusicLikeSignal signal = new MusicLikeSignal(SOURCE_RATE, 100 + i);
      AudioWriter.write(file, SOURCE_RATE, signal.next((int) Math.round(seconds * SOURCE_RATE)));
      return file;
    }).toList();
  }

  /** The first track is embedded once untimed (warm-up), then every track is timed. */
  public static Map<String, Object> run(ExcerptEncoder encoder, List<Path> tracks) {
    AudioDecoder decoder = new AudioDecoder();
    embed(encoder, decoder, tracks.get(0));
    long decodeNanos = 0;
    long encodeNanos = 0;
    long excerpts = 0;
    long samples = 0;
    long start = System.nanoTime();
    for (Path track : tracks) {
      TrackTiming timing = embed(encoder, decoder, track);
      decodeNanos += timing.decodeNanos();
      encodeNanos += timing.encodeNanos();
      excerpts += timing.excerpts();
      samples += timing.samples();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    double audioSeconds = samples / (double) AudioSpec.SAMPLE_RATE;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("engine", encoder.engine());
    out.put("tracks", tracks.size());
    out.put("excerpts", excerpts);
    out.put("audioSeconds", round(audioSeconds));
    out.put("wallSeconds", round(wall));
    out.put("decodeSeconds", round(decodeNanos / 1e9));
    out.put("encodeSeconds", round(encodeNanos / 1e9));
    out.put("tracksPerSecond", round(tracks.size() / wall));
    out.put("excerptsPerSecond", round(excerpts / wall));
    out.put("timesRealTime", round(audioSeconds / wall));
    return out;
  }

  private record TrackTiming(int excerpts, long samples, long decodeNanos, long encodeNanos) {}

  /** Decode + excerpts + encode + track averages of one track. */
  private static TrackTiming embed(ExcerptEncoder encoder, AudioDecoder decoder, Path track) {
    long start = System.nanoTime();
    DecodedAudio audio = decoder.decode(track);
    List<float[]> windows = Excerpts.of(track.getFileName().toString(), audio).windows();
    long decoded = System.nanoTime();
    ExcerptEmbeddings embeddings = encoder.encode(windows);
    embeddings.trackEmbedding();
    embeddings.trackTagProbabilities();
    return new TrackTiming(windows.size(), audio.samples().length, decoded - start, System.nanoTime() - decoded);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
