package org.soundalike.pipeline.augment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.soundalike.audio.AudioSpec;
import org.soundalike.dataset.TrainingView;
import org.soundalike.dataset.ViewShard;
import org.soundalike.dataset.ViewShardWriter;

/**
 * Writes the views of one (epoch, shard) as a shard file, sorted by track then view so the file's
 * bytes do not depend on which worker made which view. The writer replaces the file atomically,
 * so a retried bundle rewrites the same shard instead of leaving a torn one.
 */
final class WriteShardFn extends DoFn<KV<KV<Integer, Integer>, Iterable<TrainingView>>, ViewShard> {

  private final String out;

  WriteShardFn(String out) {
    this.out = out;
  }

  @ProcessElement
  public void process(@Element KV<KV<Integer, Integer>, Iterable<TrainingView>> shard, OutputReceiver<ViewShard> written) {
    List<TrainingView> views = new ArrayList<>();
    shard.getValue().forEach(views::add);
    views.sort(Comparator.comparing(TrainingView::trackId).thenComparingInt(TrainingView::view));
    try {
      written.output(ViewShardWriter.write(Path.of(out), shard.getKey().getKey(), shard.getKey().getValue(),
          AudioSpec.SAMPLE_RATE, AudioSpec.EXCERPT_SAMPLES, views));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write shard " + shard.getKey() + " into " + out, e);
    }
  }
}
