package org.soundalike.pipeline.ingest;

import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code soundalike pipeline ingest}. */
public interface IngestOptions extends FlinkPipelineOptions {

  @Description("A folder of audio files (every file under it is accounted for), or a catalog folder "
      + "(tracks.csv, MTG-Jamendo or MagnaTagATune split files): its ids, tags and splits are kept")
  @Validation.Required
  String getInput();

  void setInput(String input);

  @Description("Output folder: manifest.jsonl (usable tracks) and rejects.jsonl (every other file, with the reason)")
  @Validation.Required
  String getOut();

  void setOut(String out);
}
