package org.soundalike.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** The API as another system calls it: plain HTTP with java.net.http, the answers parsed as JSON. */
final class ApiClient {

  record Answer(int status, JsonNode json, HttpResponse<String> raw) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String BOUNDARY = "soundalike-test-boundary";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
  private final String base;
  private final Optional<String> authorization;

  ApiClient(String base, Optional<String> authorization) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.authorization = authorization;
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(request(path).GET().build());
  }

  /** POSTs a multipart form with {@code file} and any further plain fields (name, value pairs). */
  Answer upload(String path, String fileName, byte[] content, String... fields)
      throws IOException, InterruptedException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < fields.length; i += 2) {
      body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
          + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
    authorization.ifPresent(a -> builder.header("Authorization", a));
    return builder;
  }

  private Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
        ? MAPPER.readTree(response.body()) : null;
    return new Answer(response.statusCode(), json, response);
  }
}
