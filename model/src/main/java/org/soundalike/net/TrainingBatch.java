package org.soundalike.net;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One training batch of B tracks: two views per track, the tracks' tags and which tracks have
 * labels (semi-supervised training: unlabelled tracks feed only L_SSL).
 *
 * @param firstViews {@code [B, 59049]} audio of each track's first view
 * @param secondViews {@code [B, 59049]} audio of each track's second view, same track order
 * @param labels {@code [B, T]} multi-hot tags (ignored where not labelled)
 * @param labelled per track: are its labels used?
 */
public record TrainingBatch(INDArray firstViews, INDArray secondViews, INDArray labels, boolean[] labelled) {

  public TrainingBatch {
    long tracks = firstViews.size(0);
    if (secondViews.size(0) != tracks || labels.size(0) != tracks || labelled.length != tracks) {
      throw new IllegalArgumentException(
          "batch parts disagree on the track count: views " + tracks + "/" + secondViews.size(0)
              + ", labels " + labels.size(0) + ", labelled flags " + labelled.length);
    }
    labelled = labelled.clone();
  }

  public int tracks() {
    return labelled.length;
  }

  @Override
  public boolean[] labelled() {
    return labelled.clone();
  }
}
