package org.soundalike.pipeline.augment;

import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code soundalike pipeline augment}. */
public interface AugmentOptions extends FlinkPipelineOptions {

  @Description("The manifest.jsonl an ingest wrote; views are drawn from its train-split tracks "
      + "(every track when it came from a plain folder)")
  @Validation.Required
  String getManifest();

  void setManifest(String manifest);

  @Description("Output folder for the view shards and their index.json")
  @Validation.Required
  String getOut();

  void setOut(String out);

  @Description("Epochs to materialise: two views per training track per epoch")
  @Default.Integer(1)
  int getEpochs();

  void setEpochs(int epochs);

  @Description("Run seed: with the track id, epoch and view it fixes every crop and augmentation, so reruns are identical")
  @Default.Long(1)
  long getSeed();

  void setSeed(long seed);

  @Description("Augmentation preset: paper (METHOD.md's ranges), reference (the reference code's ranges), "
      + "or none for plain random crops (variants without technique a)")
  @Default.String("paper")
  String getPreset();

  void setPreset(String preset);

  @Description("Target views per shard file (a view is 118 KB of 16-bit PCM); both views of a track share a shard")
  @Default.Integer(256)
  int getViewsPerShard();

  void setViewsPerShard(int viewsPerShard);
}
