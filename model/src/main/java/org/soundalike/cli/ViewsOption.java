package org.soundalike.cli;

import java.nio.file.Path;
import org.soundalike.train.TrainingSettings;
import picocli.CommandLine.Option;

/** {@code --views DIR} of {@code train} and {@code pretrain}: train from materialised view shards. */
final class ViewsOption {

  @Option(names = "--views", description = "Read the training views from this folder of view shards ('soundalike pipeline "
      + "augment'; epoch n uses its epoch (n-1) mod E) instead of cropping and augmenting on the fly. Its preset must "
      + "match the variant's technique a (none = plain crops). Validation crops are still computed.")
  Path views;

  TrainingSettings apply(TrainingSettings settings) {
    return settings.withViews(views);
  }
}
