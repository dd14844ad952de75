package org.soundalike.pipeline.ingest;

import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code soundalike pipeline bench-ingest}. */
public interface BenchIngestOptions extends FlinkPipelineOptions {

  @Description("Working folder: the generated tracks go to DIR/audio (kept and reused), the ingest output to DIR/out")
  @Validation.Required
  String getDir();

  void setDir(String dir);

  @Description("Tracks to generate")
  @Default.Integer(200)
  int getTracks();

  void setTracks(int tracks);

  @Description("Length of each generated track in seconds")
  @Default.Double(30.0)
  double getSeconds();

  void setSeconds(double seconds);

  @Description("Formats to cycle through, comma-separated (as AudioWriter writes them)")
  @Default.String("mp3,ogg,flac")
  String getFormats();

  void setFormats(String formats);
}
