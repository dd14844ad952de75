package org.soundalike.pipeline.export;

import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of {@code soundalike pipeline export}. */
public interface ExportOptions extends FlinkPipelineOptions, EsPipelineOptions {

  @Description("The manifest.jsonl an ingest wrote (every track in it is exported); or give --catalog")
  String getManifest();

  void setManifest(String manifest);

  @Description("A catalog folder (tracks.csv, MTG-Jamendo or MagnaTagATune): every track of every split is exported; or give --manifest")
  String getCatalog();

  void setCatalog(String catalog);

  @Description("Rejected tracks that still let the alias move (default 0: any reject keeps the previous index live)")
  @Default.Integer(0)
  int getMaxRejects();

  void setMaxRejects(int maxRejects);

  @Description("Folder for export-rejects.jsonl (default: <run>/export)")
  String getOut();

  void setOut(String out);
}
