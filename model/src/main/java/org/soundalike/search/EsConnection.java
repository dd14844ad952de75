package org.soundalike.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * A connection to one Elasticsearch cluster. Credentials come only from the environment
 * ({@value #API_KEY_ENV}, or {@value #USER_ENV} + {@value #PASSWORD_ENV}), never from the command
 * line, and {@link #toString()} never shows them.
 */
public final class EsConnection implements AutoCloseable {

  public static final URI DEFAULT_URL = URI.create("http://127.0.0.1:9200");
  public static final String API_KEY_ENV = "SOUNDALIKE_ES_API_KEY";
  public static final String USER_ENV = "SOUNDALIKE_ES_USER";
  public static final String PASSWORD_ENV = "SOUNDALIKE_ES_PASSWORD";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final RestClientTransport transport;
  private final ElasticsearchClient client;

  private EsConnection(URI url, List<Header> headers) {
    this.url = url;
    RestClient rest = RestClient.builder(HttpHost.create(url.toString()))
        .setDefaultHeaders(headers.toArray(Header[]::new))
        // Bulk requests of a few MB and force-merges can take longer than the 30 s default.
        .setRequestConfigCallback(c -> c.setConnectTimeout(2_000).setSocketTimeout(120_000))
        .build();
    this.transport = new RestClientTransport(rest, new JacksonJsonpMapper());
    this.client = new ElasticsearchClient(transport);
  }

  /** Connects to {@code url} with the credentials found in the process environment, if any. */
  public static EsConnection open(URI url) {
    return open(url, System.getenv());
  }

  static EsConnection open(URI url, Map<String, String> environment) {
    List<Header> headers = new ArrayList<>();
    String apiKey = environment.get(API_KEY_ENV);
    String user = environment.get(USER_ENV);
    if (apiKey != null && !apiKey.isBlank()) {
      headers.add(new BasicHeader("Authorization", "ApiKey " + apiKey.strip()));
    } else if (user != null && !user.isBlank()) {
      String password = environment.getOrDefault(PASSWORD_ENV, "");
      String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      headers.add(new BasicHeader("Authorization", "Basic " + token));
    }
    return new EsConnection(url, headers);
  }

  public URI url() {
    return url;
  }

  public ElasticsearchClient client() {
    return client;
  }

  /**
   * GET a JSON API through the low-level client (404 = an empty object). For answers the typed
   * client cannot decode: 8.19.4 fails on the {@code "subobjects": false} that the server returns
   * in mappings, and does not know {@code index_options.rescore_vector}.
   */
  public JsonNode getJson(String path) {
    return send("GET", path, null, true);
  }

  /** PUT/POST a JSON body through the low-level client (same reason as {@link #getJson}). */
  public JsonNode sendJson(String method, String path, JsonNode body) {
    return send(method, path, body, false);
  }

  private JsonNode send(String method, String path, JsonNode body, boolean missingIsEmpty) {
    return call(method + " " + path, () -> {
      Request request = new Request(method, path);
      if (body != null) {
        request.setJsonEntity(body.toString());
      }
      try {
        Response response = transport.restClient().performRequest(request);
        try (InputStream in = response.getEntity().getContent()) {
          return JSON.readTree(in);
        }
      } catch (ResponseException e) {
        int status = e.getResponse().getStatusLine().getStatusCode();
        if (status == 404 && missingIsEmpty) {
          return JSON.createObjectNode();
        }
        JsonNode error = JSON.readTree(e.getResponse().getEntity().getContent()).path("error");
        throw new SearchException(method + " " + path + " failed at " + url + ": HTTP " + status + " "
            + error.path("type").asText() + ": " + error.path("reason").asText(), e);
      }
    });
  }

  /** Fails with {@link SearchUnavailableException} unless the cluster answers its health API. */
  public String health() {
    return call("cluster health", () -> client.cluster().health().status().jsonValue());
  }

  /** One call to the cluster, with its failures turned into this package's exceptions. */
  public <T> T call(String what, EsCall<T> call) {
    try {
      return call.run();
    } catch (ConnectException e) {
      throw new SearchUnavailableException(url, e);
    } catch (TransportException e) {
      if (e.getCause() instanceof ConnectException) {
        throw new SearchUnavailableException(url, e.getCause());
      }
      throw new SearchException(what + " failed at " + url + ": " + e.getMessage(), e);
    } catch (ElasticsearchException e) {
      throw new SearchException(what + " failed at " + url + ": " + EsErrors.describe(e), e);
    } catch (IOException e) {
      throw new SearchException(what + " failed at " + url + ": " + e, e);
    }
  }

  /** A call to the client, which throws {@link IOException} on transport failures. */
  @FunctionalInterface
  public interface EsCall<T> {
    T run() throws IOException;
  }

  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException e) {
      throw new SearchException("closing the connection to " + url + " failed", e);
    }
  }

  @Override
  public String toString() {
    return "Elasticsearch at " + url;
  }
}
