package org.soundalike.pipeline.traingrid;

import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code soundalike pipeline train-grid}. */
public interface TrainGridOptions extends FlinkPipelineOptions {

  @Description("Catalog folder (generic tracks.csv, MTG-Jamendo or MagnaTagATune)")
  @Validation.Required
  String getCatalog();

  void setCatalog(String catalog);

  @Description("Output folder: runs/<variant>-f<percent>-s<seed>, shared/r (pre-training and r), grid.jsonl")
  @Validation.Required
  String getOut();

  void setOut(String out);

  @Description("Comma-separated variants: A..O (METHOD.md) and CLMR (frozen pre-trained encoder)")
  @Default.String("A,G,CLMR")
  String getVariants();

  void setVariants(String variants);

  @Description("Comma-separated label fractions in percent of the training tracks, e.g. 1,10,100")
  @Default.String("1,10,100")
  String getFractions();

  void setFractions(String fractions);

  @Description("Seeds per (variant, fraction): seeds 0..N-1")
  @Default.Integer(3)
  int getSeeds();

  void setSeeds(int seeds);

  @Description("Network config: compact (the CPU default), paper, or tiny (tests only)")
  @Default.String("compact")
  String getConfig();

  void setConfig(String config);

  // Not "epochs": augment's --epochs (views) has another default, and Beam refuses one property
  // name with two defaults among the option interfaces of a JVM.
  @Description("Maximum fine-tuning epochs per run (early stop and plateau as METHOD.md)")
  @Default.Integer(200)
  int getMaxEpochs();

  void setMaxEpochs(int maxEpochs);

  @Description("Epochs of the shared pre-training (and of the r estimation's two runs); default: --maxEpochs")
  Integer getPretrainEpochs();

  void setPretrainEpochs(Integer pretrainEpochs);

  @Description("Tracks per batch B (2B views); the paper's 48 is far too slow on a CPU")
  @Default.Integer(8)
  int getBatch();

  void setBatch(int batch);

  @Description("Run the encoder over slices of this many views (bounded memory; 0 = the whole batch)")
  @Default.Integer(0)
  int getViewsPerSlice();

  void setViewsPerSlice(int viewsPerSlice);

  @Description("r for λ = α / r; unset: measured once for the grid as 'soundalike estimate-r' does")
  Double getR();

  void setR(Double r);

  @Description("Final epochs averaged as the converged loss when r is measured")
  @Default.Integer(5)
  int getLastEpochsForR();

  void setLastEpochsForR(int lastEpochsForR);
}
