package org.soundalike.net;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.audio.AudioSpec;

/** Test fixtures: a SampleCNN with 2–4 channels (the real depth and input length) and batches. */
final class TinyNetworks {

  static final SampleCnnConfig TINY =
      new SampleCnnConfig("tiny", 2, List.of(2, 2, 3, 3, 3, 3, 3, 3, 4), 4, 5, 3, 6);

  private TinyNetworks() {}

  /** B tracks of random audio in [−0.5, 0.5), random tags, the given labelled flags. */
  static TrainingBatch batch(DataType type, long seed, boolean... labelled) {
    Nd4j.getRandom().setSeed(seed);
    int tracks = labelled.length;
    INDArray first = Nd4j.rand(type, tracks, AudioSpec.EXCERPT_SAMPLES).subi(0.5);
    INDArray second = Nd4j.rand(type, tracks, AudioSpec.EXCERPT_SAMPLES).subi(0.5);
    INDArray tags = Nd4j.rand(type, tracks, TINY.tags()).gt(0.5).castTo(type);
    return new TrainingBatch(first, second, tags, Arrays.copyOf(labelled, labelled.length));
  }
}
