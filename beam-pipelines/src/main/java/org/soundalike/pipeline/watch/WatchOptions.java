package org.soundalike.pipeline.watch;

import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;
import org.soundalike.pipeline.export.EsPipelineOptions;

/** Options of {@code soundalike pipeline watch}. */
public interface WatchOptions extends FlinkPipelineOptions, EsPipelineOptions {

  @Description("The folder watched: every audio file that appears under it (or changes) is embedded and indexed. "
      + "Drop files atomically (write elsewhere, then move them in); names starting with '.' or ending in .part/.tmp are ignored")
  @Validation.Required
  String getInput();

  void setInput(String input);

  @Description("Seconds between two listings of the folder")
  @Default.Integer(2)
  int getPollSeconds();

  void setPollSeconds(int pollSeconds);

  @Description("Longest wait, in seconds, before a partly filled bulk batch is written")
  @Default.Integer(1)
  int getFlushSeconds();

  void setFlushSeconds(int flushSeconds);

  @Description("Folder for watch-rejects.jsonl, the dead-letter output and the ledger of refused files (default: <run>/watch)")
  String getOut();

  void setOut(String out);
}
