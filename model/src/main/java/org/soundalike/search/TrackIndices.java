package org.soundalike.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The versioned track indices behind an alias: {@code <alias>-<run>} indices, created from
 * {@link TrackIndexSchema}, and the alias moved from one to the next in a single atomic request.
 * Old indices stay until {@link #prune} removes them.
 */
public final class TrackIndices {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EsConnection connection;

  public TrackIndices(EsConnection connection) {
    this.connection = connection;
  }

  /** {@code tracks} + run {@code 2026-11-26 A/1%} → {@code tracks-2026-11-26-a-1}. */
  public static String versionedIndex(String alias, String run) {
    String clean = run.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
    if (clean.isEmpty()) {
      throw new IllegalArgumentException("run '" + run + "' has no letters or digits to name an index with");
    }
    return alias + "-" + clean;
  }

  /** The template that gives every {@code <alias>-*} index the schema's settings and mapping. */
  public void putTemplate(String alias, TrackIndexSchema schema) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("index_patterns").add(alias + "-*");
    body.put("priority", 100);
    body.set("template", schema.indexBody(null));
    body.putObject("_meta").put("description", "SoundAlike track index (org.soundalike.search.TrackIndexSchema)");
    connection.sendJson("PUT", "/_index_template/soundalike-" + alias, body);
  }

  public boolean exists(String index) {
    return connection.call("check index " + index, () -> connection.client().indices().exists(e -> e.index(index)).value());
  }

  public void create(String index, TrackIndexSchema schema, ObjectNode meta) {
    connection.sendJson("PUT", "/" + index, schema.indexBody(meta));
  }

  /** The embedding dimensions of an existing index (or of the index an alias points to). */
  public int dimensions(String index) {
    JsonNode mappings = connection.getJson("/" + index + "/_mapping");
    if (mappings.size() != 1) {
      throw new SearchException("'" + index + "' names " + mappings.size() + " indices at " + connection.url() + ", expected one");
    }
    JsonNode vector = mappings.elements().next().path("mappings").path("properties").path(TrackIndexSchema.EMBEDDING);
    if (!"dense_vector".equals(vector.path("type").asText())) {
      throw new SearchException("index " + index + " has no dense_vector field '" + TrackIndexSchema.EMBEDDING + "': not a track index");
    }
    return vector.path("dims").asInt();
  }

  /** Marks an index's {@code _meta} as a finished export with {@code documents} tracks. */
  public void markComplete(String index, ObjectNode meta, long documents) {
    ObjectNode complete = meta.deepCopy().put("export_complete", true).put("documents", documents);
    ObjectNode body = JSON.createObjectNode();
    body.set("_meta", complete);
    connection.sendJson("PUT", "/" + index + "/_mapping", body);
  }

  /**
   * Marks an index's {@code _meta} as superseded by {@code successor} (the alias moved away from
   * it): only such indices are {@link #prune}d.
   */
  public void markSuperseded(String index, String successor) {
    JsonNode current = connection.getJson("/" + index + "/_mapping").path(index).path("mappings").path("_meta");
    ObjectNode meta = current.isObject() ? ((ObjectNode) current).deepCopy() : JSON.createObjectNode();
    meta.put("superseded_by", successor).put("superseded_at", Instant.now().toString());
    ObjectNode body = JSON.createObjectNode();
    body.set("_meta", meta);
    connection.sendJson("PUT", "/" + index + "/_mapping", body);
  }

  /**
   * Turns periodic refresh off while an index is built (nobody searches it before the alias
   * moves, and every refresh writes a small segment that HNSW must merge later) or back on.
   */
  public void buildMode(String index, boolean building) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode settings = body.putObject("index");
    if (building) {
      settings.put("refresh_interval", "-1");
    } else {
      settings.putNull("refresh_interval");
    }
    connection.sendJson("PUT", "/" + index + "/_settings", body);
  }

  public void refresh(String index) {
    connection.call("refresh " + index, () -> connection.client().indices().refresh(r -> r.index(index)));
  }

  public long count(String index) {
    return connection.call("count " + index, () -> connection.client().count(c -> c.index(index)).count());
  }

  /**
   * Merges the index into one segment (one HNSW graph to search instead of one per segment).
   * Runs as a task and is polled: merging 100k vectors takes minutes on a busy machine, longer
   * than any sensible socket timeout.
   */
  public void forceMerge(String index) {
    JsonNode task = connection.sendJson("POST", "/" + index + "/_forcemerge?max_num_segments=1&wait_for_completion=false", null);
    String id = task.path("task").asText();
    boolean completed = false;
    while (!completed) {
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SearchException("interrupted while waiting for the force-merge of " + index, e);
      }
      JsonNode status = connection.getJson("/_tasks/" + id);
      if (status.has("error")) {
        throw new SearchException("force-merge of " + index + " failed: " + status.path("error"));
      }
      completed = status.path("completed").asBoolean();
    }
  }

  /** The concrete indices the alias points to (empty when the alias does not exist yet). */
  public List<String> aliasTargets(String alias) {
    return connection.call("read alias " + alias, () -> {
      try {
        GetAliasResponse response = connection.client().indices().getAlias(a -> a.name(alias));
        return List.copyOf(new TreeMap<>(response.result()).keySet());
      } catch (ElasticsearchException e) {
        if (e.status() == 404) {
          return List.<String>of();
        }
        throw e;
      }
    });
  }

  /** Points {@code alias} at {@code index} only, in one atomic {@code _aliases} request. */
  public void switchAlias(String alias, String index) {
    List<String> current = aliasTargets(alias);
    connection.call("switch alias " + alias + " to " + index, () -> connection.client().indices().updateAliases(u -> {
      for (String old : current) {
        if (!old.equals(index)) {
          u.actions(a -> a.remove(r -> r.index(old).alias(alias)));
        }
      }
      return u.actions(a -> a.add(add -> add.index(index).alias(alias)));
    }));
  }

  /** One versioned index: its name, document count, whether the alias points to it, its _meta. */
  public record IndexInfo(String name, long documents, boolean aliased, Map<String, Object> meta) {}

  /** The {@code <alias>-*} indices, oldest name first. */
  public List<IndexInfo> list(String alias) {
    List<String> targets = aliasTargets(alias);
    JsonNode mappings = connection.getJson("/" + alias + "-*/_mapping?allow_no_indices=true");
    List<String> names = new ArrayList<>();
    mappings.fieldNames().forEachRemaining(names::add);
    names.sort(null);
    List<IndexInfo> infos = new ArrayList<>();
    for (String name : names) {
      JsonNode rawMeta = mappings.path(name).path("mappings").path("_meta");
      Map<String, Object> meta = new TreeMap<>();
      if (rawMeta.isObject()) {
        rawMeta.fields().forEachRemaining(e -> meta.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
      }
      infos.add(new IndexInfo(name, count(name), targets.contains(name), meta));
    }
    return infos;
  }

  /**
   * Deletes the {@code <alias>-*} indices that are complete and were superseded (their
   * {@code _meta} says so, written when the alias moved away from them) and the alias does not
   * point to; returns their names. Everything else stays: an export in progress or interrupted
   * (not complete), a watch's index (never complete), an index from before these marks. Refuses
   * when the alias points nowhere, which would otherwise leave nothing marked as in use.
   */
  public List<String> prune(String alias) {
    List<String> targets = aliasTargets(alias);
    if (targets.isEmpty()) {
      throw new SearchException("alias '" + alias + "' does not exist at " + connection.url()
          + ": nothing marks the index in use, so nothing is pruned");
    }
    List<String> removed = new ArrayList<>();
    for (IndexInfo info : list(alias)) {
      if (!info.aliased() && Boolean.TRUE.equals(info.meta().get("export_complete"))
          && info.meta().get("superseded_by") != null) {
        connection.call("delete index " + info.name(), () -> connection.client().indices().delete(d -> d.index(info.name())));
        removed.add(info.name());
      }
    }
    return removed;
  }

  public void delete(String index) {
    connection.call("delete index " + index, () -> connection.client().indices().delete(d -> d.index(index)));
  }
}
