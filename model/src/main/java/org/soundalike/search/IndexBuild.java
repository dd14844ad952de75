package org.soundalike.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The life of one versioned index {@code <alias>-<run>} during an export, shared by the
 * {@code index} command ({@link TrackExporter}) and the export pipeline (whose workers write with
 * their own {@link BulkWriter}s in between):
 *
 * <ol>
 *   <li>{@link #begin}: the template is put, the index created, or reused when a previous export of
 *       the same run was interrupted (document id = track id, so the rerun overwrites instead of
 *       duplicating; different dimensions are refused), and periodic refresh is turned off;
 *   <li>{@link #finish}: refresh on again, refresh, count; the count must equal the tracks accepted
 *       (else nothing moves); only when the rejects are within the allowance is the index marked
 *       complete and the alias moved in one atomic request. Until then readers see the previous
 *       index, so the alias never points at a half-built one.
 * </ol>
 */
public final class IndexBuild {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EsConnection connection;
  private final TrackIndices indices;
  private final ExportRequest request;
  private final ObjectNode meta;

  private IndexBuild(EsConnection connection, ExportRequest request) {
    this.connection = connection;
    this.indices = new TrackIndices(connection);
    this.request = request;
    this.meta = meta(request);
  }

  /** How a finished build ended: documents counted, whether the alias moved, where it pointed before. */
  public record Outcome(long documents, boolean aliasSwitched, List<String> previousIndices) {

    public Outcome {
      previousIndices = List.copyOf(previousIndices);
    }
  }

  /**
   * Creates (or reuses) the request's index and prepares it for bulk writes.
   *
   * @param building true for a one-off export (refresh off until {@link #finish}); false for an
   *     index that is searched while it grows (the watch pipeline)
   * @throws SearchUnavailableException when the cluster does not answer
   * @throws ExportException when the index exists with other dimensions
   */
  public static IndexBuild begin(EsConnection connection, ExportRequest request, boolean building) {
    connection.health();
    IndexBuild build = new IndexBuild(connection, request);
    build.prepare(building);
    return build;
  }

  private void prepare(boolean building) {
    String index = request.index();
    TrackIndexSchema schema = request.schema();
    indices.putTemplate(request.alias(), schema);
    if (indices.exists(index)) {
      int dims = indices.dimensions(index);
      if (dims != schema.dimensions()) {
        throw new ExportException("index " + index + " already exists with " + dims + " dimensions, this export has "
            + schema.dimensions() + ": use another run");
      }
    } else {
      indices.create(index, schema, meta);
    }
    indices.buildMode(index, building);
  }

  public String index() {
    return request.index();
  }

  public ExportRequest request() {
    return request;
  }

  /** A writer into this index over this build's connection. */
  public BulkWriter writer() {
    return new BulkWriter(connection, request.index(), request.schema(), request.retry());
  }

  /**
   * Ends the build after {@code accepted} distinct tracks were written and {@code rejected} were not.
   *
   * @throws ExportException when the index holds another number of documents than was accepted
   */
  public Outcome finish(long accepted, long rejected) {
    String index = request.index();
    indices.buildMode(index, false);
    indices.refresh(index);
    long counted = indices.count(index);
    List<String> previous = indices.aliasTargets(request.alias());
    if (counted != accepted) {
      throw new ExportException("index " + index + " holds " + counted + " documents but " + accepted
          + " tracks were accepted (documents left from another input under the same run?): alias '"
          + request.alias() + "' left on " + previous + "; export under a new run");
    }
    boolean switched = rejected <= request.maxRejects();
    if (switched) {
      indices.markComplete(index, meta, counted);
      indices.switchAlias(request.alias(), index);
    }
    return new Outcome(counted, switched, previous.stream().filter(p -> !p.equals(index)).toList());
  }

  private static ObjectNode meta(ExportRequest request) {
    ObjectNode meta = JSON.createObjectNode();
    Provenance p = request.provenance();
    meta.put("run_id", p.runId()).put("model_config", p.modelConfig()).put("code_version", p.codeVersion())
        .put("indexed_at", p.indexedAt().toString()).put("dimensions", request.schema().dimensions())
        .put("index_options", request.schema().vectorOptions().label()).put("export_complete", false);
    if (!p.run().isEmpty()) {
      ObjectNode run = meta.putObject("run");
      p.run().forEach(run::put);
    }
    return meta;
  }
}
