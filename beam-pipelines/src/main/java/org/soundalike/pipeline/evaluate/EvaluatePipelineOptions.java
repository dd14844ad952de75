package org.soundalike.pipeline.evaluate;

import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code soundalike pipeline evaluate}. */
public interface EvaluatePipelineOptions extends FlinkPipelineOptions {

  @Description("Folder searched for finished run folders (a train-grid --out); each run's results.json is written "
      + "beside its run.json, the report into this folder (or --reportOut)")
  @Validation.Required
  String getResults();

  void setResults(String results);

  @Description("Catalog folder whose split is embedded and evaluated (default: each run's own, as its run.json records it)")
  String getCatalog();

  void setCatalog(String catalog);

  @Description("Split to evaluate: test (the paper's), valid or train")
  @Default.String("test")
  String getSplit();

  void setSplit(String split);

  @Description("Concurrent encoder graphs per evaluation (each holds a copy of the network)")
  @Default.Integer(1)
  int getEncoderGraphs();

  void setEncoderGraphs(int encoderGraphs);

  @Description("Folder for report.md, report.csv and report.json (default: --results)")
  String getReportOut();

  void setReportOut(String reportOut);
}
