package org.soundalike.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes batches of track documents with the bulk API, one request at a time: the caller reads
 * the next batch only when this one is acknowledged, which is the back-pressure (memory stays at
 * one batch however large the export). Whole requests that fail with 429/502/503/504, a timeout
 * or a refused connection are retried with back-off, as are single items rejected with 429; any
 * other item failure is returned as a {@link Reject} with Elasticsearch's reason.
 *
 * <p>The client's {@code BulkIngester} was not used: it retries only items rejected with 429, not
 * requests that time out or hit a restarting node, which an export must survive.
 */
public final class BulkWriter {

  /** Rejects made by Elasticsearch (not by the client's validation) start with this. */
  static final String SERVER_REJECT_PREFIX = "refused by Elasticsearch: ";

  private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);

  private final EsConnection connection;
  private final String index;
  private final TrackIndexSchema schema;
  private final RetryPolicy retry;

  public BulkWriter(EsConnection connection, String index, TrackIndexSchema schema, RetryPolicy retry) {
    this.connection = connection;
    this.index = index;
    this.schema = schema;
    this.retry = retry;
  }

  /** A document and the input line it came from (for the reject report). */
  public record Item(long line, TrackDocument document) {}

  /** Indexes {@code items}; returns those Elasticsearch refused, each with its reason. */
  public List<Reject> write(List<Item> items) {
    Map<String, Item> pending = new LinkedHashMap<>();
    items.forEach(i -> pending.put(i.document().id(), i));
    List<Reject> rejects = new ArrayList<>();
    String lastProblem = "";
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      if (attempt > 1) {
        sleep(retry.delayAfter(attempt - 1).toMillis());
      }
      BulkResponse response;
      try {
        response = connection.client().bulk(request(pending.values()));
      } catch (ElasticsearchException e) {
        if (!RETRYABLE_STATUS.contains(e.status())) {
          throw new ExportException("bulk request to " + index + " refused: " + EsErrors.describe(e), e);
        }
        lastProblem = EsErrors.describe(e);
        continue;
      } catch (IOException e) {
        lastProblem = e.toString();
        if (attempt == retry.maxAttempts() && rootCause(e) instanceof ConnectException) {
          throw new SearchUnavailableException(connection.url(), e);
        }
        continue;
      }
      Map<String, Item> again = new LinkedHashMap<>();
      for (BulkResponseItem result : response.items()) {
        Item item = pending.get(result.id());
        if (result.error() == null) {
          continue;
        }
        if (RETRYABLE_STATUS.contains(result.status())) {
          again.put(result.id(), item);
          lastProblem = EsErrors.describe(result.error());
        } else {
          rejects.add(new Reject(item.line(), result.id(), SERVER_REJECT_PREFIX + EsErrors.describe(result.error())));
        }
      }
      if (again.isEmpty()) {
        return rejects;
      }
      pending.clear();
      pending.putAll(again);
    }
    throw new ExportException("bulk indexing into " + index + " at " + connection.url() + " gave up after "
        + retry.maxAttempts() + " attempts; " + pending.size() + " documents not written; last problem: " + lastProblem);
  }

  private BulkRequest request(Iterable<Item> items) {
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (Item item : items) {
      TrackDocument doc = item.document();
      Map<String, Object> source = doc.toSource(schema);
      bulk.operations(op -> op.index(i -> i.index(index).id(doc.id()).document(source)));
    }
    return bulk.build();
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExportException("bulk indexing interrupted", e);
    }
  }
}
