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
 *   <li>{@link #begin}: the template is put and a NEW index created: {@code <alias>-<run>}, or
 *       {@code <alias>-<run>-<build>} when the run already has a complete (or served) index, so a
 *       re-export never writes into the index readers see. The one index reused is an unfinished,
 *       unserved build of the same run (an interrupted export: document id = track id, so the
 *       rerun overwrites instead of duplicating; different dimensions are refused). Periodic
 *       refresh is turned off in the new index only;
 *   <li>{@link #finish}: refresh on again, refresh, count; the count must equal the tracks accepted
 *       (else nothing moves); only when the rejects are within the allowance is the index marked
 *       complete, the alias moved in one atomic request and the indices it left marked superseded
 *       (what {@link TrackIndices#prune} may delete). Until then readers see the previous index,
 *       so the alias never points at a half-built one;
 *   <li>{@link #abandon}: after a failure in between, refresh is restored where the cluster still
 *       answers, and the failure is reported with the index and where the alias stayed.
 * </ol>
 */
public final class IndexBuild {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EsConnection connection;
  private final TrackIndices indices;
  private final ExportRequest request;
  private final ObjectNode meta;
  private String index;

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
    TrackIndexSchema schema = request.schema();
    indices.putTemplate(request.alias(), schema);
    index = request.watch() ? request.buildIndex() : resumableOrNew();
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

  /** An interrupted build of this run (unfinished, unserved, not a watch's) or a name no index has yet. */
  private String resumableOrNew() {
    List<String> served = indices.aliasTargets(request.alias());
    String runIndex = request.runIndex();
    for (TrackIndices.IndexInfo info : indices.list(request.alias())) {
      boolean thisRun = info.name().equals(runIndex) || info.name().startsWith(runIndex + "-")
          && request.run().equals(info.meta().get("run_id"));
      if (thisRun && !served.contains(info.name()) && !Boolean.TRUE.equals(info.meta().get("export_complete"))
          && !Boolean.TRUE.equals(info.meta().get(ExportRequest.WATCH))) {
        return info.name();
      }
    }
    return indices.exists(runIndex) ? request.buildIndex() : runIndex;
  }

  public String index() {
    return index;
  }

  public ExportRequest request() {
    return request;
  }

  /** A writer into this index over this build's connection. */
  public BulkWriter writer() {
    return new BulkWriter(connection, index, request.schema(), request.retry());
  }

  /**
   * Ends the build after {@code accepted} distinct tracks were written and {@code rejected} were not.
   *
   * @throws ExportException when the index holds another number of documents than was accepted
   */
  public Outcome finish(long accepted, long rejected) {
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
      for (String old : previous) {
        if (!old.equals(index)) {
          indices.markSuperseded(old, index);
        }
      }
    }
    return new Outcome(counted, switched, previous.stream().filter(p -> !p.equals(index)).toList());
  }

  /**
   * Reports a build that failed between {@link #begin} and {@link #finish}: periodic refresh is
   * turned back on when the cluster still answers (a left-over index then behaves like any other),
   * and the returned exception names the index, the cause and where the alias stayed.
   */
  public ExportAbandonedException abandon(Throwable cause) {
    String restored;
    String aliasNow;
    try {
      indices.buildMode(index, false);
      restored = "refresh restored";
      aliasNow = "alias '" + request.alias() + "' left on " + indices.aliasTargets(request.alias());
    } catch (RuntimeException unreachable) {
      restored = "refresh could not be restored (" + unreachable.getMessage() + ")";
      aliasNow = "alias '" + request.alias() + "' not moved";
    }
    return new ExportAbandonedException("export into " + index + " failed: " + rootMessage(cause) + "; " + aliasNow + "; "
        + restored + "; the index is unfinished and never served: rerun the export to complete it", cause);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == t ? String.valueOf(t.getMessage()) : t.getClass().getSimpleName() + " caused by " + root;
  }

  private static ObjectNode meta(ExportRequest request) {
    ObjectNode meta = JSON.createObjectNode();
    Provenance p = request.provenance();
    meta.put("run_id", p.runId()).put("model_config", p.modelConfig()).put("code_version", p.codeVersion())
        .put("indexed_at", p.indexedAt().toString()).put("dimensions", request.schema().dimensions())
        .put("index_options", request.schema().vectorOptions().label()).put("build", request.build())
        .put("export_complete", false);
    if (request.watch()) {
      meta.put(ExportRequest.WATCH, true);
    }
    if (!p.run().isEmpty()) {
      ObjectNode run = meta.putObject("run");
      p.run().forEach(run::put);
    }
    return meta;
  }
}
