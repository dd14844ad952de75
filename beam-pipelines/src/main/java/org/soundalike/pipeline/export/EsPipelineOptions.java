package org.soundalike.pipeline.export;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;
import org.soundalike.search.EsConnection;

/** What the export and watch pipelines share: the run that embeds and the Elasticsearch written to. */
public interface EsPipelineOptions extends PipelineOptions {

  @Description("Training run folder: its best checkpoint embeds the tracks, its runId names the index <index>-<runId>")
  @Validation.Required
  String getRun();

  void setRun(String run);

  @Description("Elasticsearch URL (credentials only from the environment: " + EsConnection.API_KEY_ENV + ", or "
      + EsConnection.USER_ENV + " + " + EsConnection.PASSWORD_ENV + ")")
  @Default.String("http://127.0.0.1:9200")
  String getEsUrl();

  void setEsUrl(String esUrl);

  @Description("The alias searches use; the versioned index is <index>-<runId>")
  @Default.String("tracks")
  String getIndex();

  void setIndex(String index);

  @Description("Tracks per bulk request")
  @Default.Integer(50)
  int getBatchSize();

  void setBatchSize(int batchSize);
}
