package org.soundalike.ui.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soundalike.audio.DecodedAudio;
import org.soundalike.encode.TrackEmbedding;
import org.soundalike.encode.TrackEncoder;

/**
 * Embeds uploads with a training run's model through the model's own {@link TrackEncoder}: the
 * same windows, averaging and normalisation as the embeddings in the index, so an upload of a
 * catalog file finds that track with cosine 1. One instance per dashboard, shared by the upload
 * pool; the encoder lets {@code parallelism} uploads run the network at once.
 */
public final class TrackQueryEmbedder implements QueryEmbedder, AutoCloseable {

  private final ServingRun run;
  private final TrackEncoder encoder;

  public TrackQueryEmbedder(ServingRun run, TrackEncoder encoder) {
    this.run = run;
    this.encoder = encoder;
  }

  /**
   * Loads the run's best (else last) checkpoint.
   *
   * @throws org.soundalike.run.RunFolderException when the folder holds no checkpoint
   */
  public static TrackQueryEmbedder load(ServingRun run, int parallelism) {
    return new TrackQueryEmbedder(run, TrackEncoder.load(run.folder(), parallelism));
  }

  /** @throws org.soundalike.encode.EncodingException when the audio is shorter than one excerpt */
  @Override
  public QueryEmbedding embed(DecodedAudio audio) {
    TrackEmbedding track = encoder.encode("upload", audio.facts().file(), audio.samples());
    List<String> tags = encoder.tags();
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int j = 0; j < tags.size(); j++) {
      scores.put(tags.get(j), (double) track.tagProbabilities()[j]);
    }
    return new QueryEmbedding(track.embedding(), scores);
  }

  @Override
  public String describe() {
    return run.describe();
  }

  @Override
  public void close() {
    encoder.close();
  }
}
