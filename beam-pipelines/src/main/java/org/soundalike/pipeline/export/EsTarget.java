package org.soundalike.pipeline.export;

import java.io.Serializable;
import java.net.URI;
import java.time.Instant;
import org.soundalike.search.BulkWriter;
import org.soundalike.search.EsConnection;
import org.soundalike.search.ExportRequest;
import org.soundalike.search.Provenance;
import org.soundalike.search.RetryPolicy;
import org.soundalike.search.TrackIndexSchema;

/**
 * Where the workers write, in a form Beam can ship to them (the search package's request objects
 * are not serialisable): the cluster, the concrete index, its dimensions and the provenance every
 * document carries. Credentials are not in it: each worker reads them from its own environment.
 */
public record EsTarget(String url, String index, int dimensions, String runId, String modelConfig, String codeVersion,
    String indexedAt) implements Serializable {

  public static EsTarget of(URI url, ExportRequest request) {
    Provenance p = request.provenance();
    return new EsTarget(url.toString(), request.index(), request.schema().dimensions(), p.runId(), p.modelConfig(),
        p.codeVersion(), p.indexedAt().toString());
  }

  public EsConnection open() {
    return EsConnection.open(URI.create(url));
  }

  public Provenance provenance() {
    return new Provenance(runId, modelConfig, codeVersion, Instant.parse(indexedAt));
  }

  public BulkWriter writer(EsConnection connection) {
    return new BulkWriter(connection, index, TrackIndexSchema.DEFAULT.withDimensions(dimensions), RetryPolicy.DEFAULT);
  }
}
