package org.soundalike.pipeline.traingrid;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.soundalike.dataset.Catalogs;

/** The grid's shared stage as one element: pre-training and r ({@link TrainGridShared#prepare}). */
final class TrainGridSharedFn extends DoFn<TrainGridPlan, TrainGridShared> {

  private final List<String> variants;

  TrainGridSharedFn(List<String> variants) {
    this.variants = List.copyOf(variants);
  }

  @ProcessElement
  public void prepare(@Element TrainGridPlan plan, OutputReceiver<TrainGridShared> out) throws IOException {
    out.output(TrainGridShared.prepare(plan, variants, Catalogs.open(Path.of(plan.catalog())), System.err));
  }
}
