package org.soundalike.ui.service;

import org.soundalike.audio.DecodedAudio;

/**
 * Turns an uploaded track's audio into a search query: the trained model's track embedding (unit
 * length, the mean of its excerpts' embeddings, L2-normalised) and its tag probabilities. The
 * dashboard searches by upload only when a trained run provides one.
 */
public interface QueryEmbedder {

  /** @throws org.soundalike.encode.EncodingException when the model cannot embed this audio */
  QueryEmbedding embed(DecodedAudio audio);

  /** Which run's model embeds the queries, for the page. */
  String describe();
}
