package org.soundalike.pipeline.demo;

import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code soundalike demo} (the launcher runs {@code pipeline demo}). The defaults are
 * chosen so the chain takes about 15 minutes on 2 cores (docs/benchmarks.md, "demo"): a few
 * epochs per run on the oneDNN trainer show the chain working end to end; the numbers it reports
 * are not the science (docs/results.md is; raise --trainEpochs and --trainSeeds for more).
 * The names differ from train-grid's on purpose: Beam refuses one property name with two defaults
 * among the option interfaces known to a JVM (the tests run every pipeline in one).
 */
public interface DemoOptions extends FlinkPipelineOptions {

  @Description("Folder for the demo corpus (data/demo-corpus) and the demo's outputs (data/demo); "
      + "default: $SOUNDALIKE_HOME, else the working directory")
  String getHome();

  void setHome(String home);

  @Description("Network config of every run")
  @Default.String("compact")
  String getConfig();

  void setConfig(String config);

  @Description("Variants trained (comma-separated)")
  @Default.String("A,G")
  String getTrainVariants();

  void setTrainVariants(String trainVariants);

  @Description("Label fractions in percent (comma-separated)")
  @Default.String("10,100")
  String getTrainFractions();

  void setTrainFractions(String trainFractions);

  @Description("Seeds per (variant, fraction)")
  @Default.Integer(1)
  int getTrainSeeds();

  void setTrainSeeds(int trainSeeds);

  @Description("Maximum fine-tuning epochs per run")
  @Default.Integer(5)
  int getTrainEpochs();

  void setTrainEpochs(int trainEpochs);

  @Description("Epochs of the shared pre-training and of the r estimation's runs")
  @Default.Integer(3)
  int getTrainPretrainEpochs();

  void setTrainPretrainEpochs(int trainPretrainEpochs);

  @Description("Tracks per batch B (2B views)")
  @Default.Integer(16)
  int getTrainBatch();

  void setTrainBatch(int trainBatch);

  @Description("Elasticsearch the export stage writes to (the launcher starts a local one)")
  @Default.String("http://127.0.0.1:9200")
  String getEsUrl();

  void setEsUrl(String esUrl);

  @Description("Epochs of augmented views materialised by the augment stage")
  @Default.Integer(1)
  int getViewEpochs();

  void setViewEpochs(int viewEpochs);
}
