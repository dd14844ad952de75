package org.soundalike.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.soundalike.search.SearchResults;
import org.soundalike.search.SimilarityQuery;
import org.soundalike.ui.service.SearchService;
import org.soundalike.ui.service.UploadOutcome;
import org.soundalike.ui.service.UploadPolicy;

/**
 * The JSON API under {@code /api}, over the same {@link SearchService} (encoder, Elasticsearch
 * client, upload pool) as the pages. Every failure is a JSON {@code {"error","detail"}} with its
 * status ({@link ApiError}); the routes are those {@code openapi.json} documents ({@link #ROUTES}).
 */
public final class ApiServlet extends HttpServlet {

  public static final String PATH = "/api";
  /** Every route served, as the OpenAPI document names it. */
  public static final List<String> ROUTES =
      List.of("/api/tracks/{id}", "/api/tracks/{id}/similar", "/api/search", "/api/openapi.json");
  /** Room for the multipart headers and the small fields around the file. */
  static final long FORM_OVERHEAD_BYTES = 64 * 1024;
  /** How long one upload may take to decode, embed and search, queue included. */
  static final long UPLOAD_DEADLINE_SECONDS = 120;
  private static final int MAX_K = 1000;

  private final transient SearchService search;
  private final byte[] openApi;

  public ApiServlet(SearchService search) {
    this.search = search;
    try (InputStream in = ApiServlet.class.getResourceAsStream("openapi.json")) {
      this.openApi = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("openapi.json is missing from the classes", e);
    }
  }

  /** The multipart limits Jetty enforces while it reads the body, so nothing past them is stored. */
  public static MultipartConfigElement multipartConfig(UploadPolicy policy, Path uploads) {
    return new MultipartConfigElement(uploads.toString(), policy.maxBytes(), policy.maxBytes() + FORM_OVERHEAD_BYTES, 0);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String[] path = segments(request);
    try {
      if (path.length == 1 && path[0].equals("openapi.json")) {
        response.setContentType("application/json");
        response.getOutputStream().write(openApi);
      } else if (path.length == 2 && path[0].equals("tracks")) {
        write(response, HitsJson.track(search.track(path[1])));
      } else if (path.length == 3 && path[0].equals("tracks") && path[2].equals("similar")) {
        write(response, HitsJson.results(search.moreLikeThis(path[1], query(request))));
      } else {
        throw notFound(request);
      }
    } catch (RuntimeException e) {
      fail(request, response, e);
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String[] path = segments(request);
    try {
      if (!(path.length == 1 && path[0].equals("search"))) {
        throw notFound(request);
      }
      write(response, searchUpload(request));
    } catch (RuntimeException e) {
      fail(request, response, e);
    }
  }

  private ObjectNode searchUpload(HttpServletRequest request) throws IOException {
    UploadPolicy policy = search.policy();
    // A declared length over the cap is refused before a byte of the body is read.
    if (request.getContentLengthLong() > policy.maxBytes() + FORM_OVERHEAD_BYTES) {
      throw tooLarge(policy);
    }
    String type = Optional.ofNullable(request.getContentType()).orElse("").toLowerCase(Locale.ROOT);
    if (!type.startsWith("multipart/form-data")) {
      throw ApiError.badParameter("send the audio as multipart/form-data with a 'file' field");
    }
    Part part;
    try {
      part = request.getPart("file");
    } catch (RuntimeException | ServletException | IOException e) {
      throw unreadable(e, policy);
    }
    try {
      return searchForm(request, part);
    } finally {
      deleteParts(request);
    }
  }

  private ObjectNode searchForm(HttpServletRequest request, Part part) throws IOException {
    if (part == null || part.getSubmittedFileName() == null) {
      throw ApiError.badParameter("the form has no 'file' field holding a file");
    }
    SimilarityQuery query = query(request);
    String name = Path.of(part.getSubmittedFileName()).getFileName().toString();
    Path stored = search.uploadFolder().resolve("api-" + UUID.randomUUID());
    // Copied rather than Part.write, which Jetty resolves against its own folder whatever the path.
    try (InputStream in = part.getInputStream()) {
      Files.copy(in, stored);
    }
    UploadOutcome outcome;
    try {
      outcome = search.searchUpload(stored, name, query).get(UPLOAD_DEADLINE_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new ApiError(503, "timeout", name + ": not processed within " + UPLOAD_DEADLINE_SECONDS
          + " s; the server is busy, try again later", 30);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(503, "shutting_down", "the server is stopping");
    }
    if (outcome.results().isEmpty()) {
      throw new ApiError(503, "model_unavailable", name + " decoded, but was not searched: "
          + outcome.notSearchedBecause().orElse("no model"));
    }
    ObjectNode body = HitsJson.results(outcome.results().get());
    ObjectNode about = body.putObject("query");
    about.put("seconds", outcome.seconds());
    HitsJson.predicted(about.putObject("predictedTags"), outcome.predicted());
    return body;
  }

  // Every form field, not only the file, is kept in a file in the upload folder until deleted.
  private static void deleteParts(HttpServletRequest request) {
    try {
      for (Part part : request.getParts()) {
        part.delete();
      }
    } catch (RuntimeException | ServletException | IOException e) {
      // Already read whole above, so this does not happen; nothing more to delete if it does.
    }
  }

  // Jetty stops reading a form past its limits; any other failure is a malformed form.
  private static ApiError unreadable(Exception e, UploadPolicy policy) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("max") && (message.contains("size") || message.contains("length"))) {
        return tooLarge(policy);
      }
    }
    return ApiError.badParameter("the multipart form cannot be read: " + e.getMessage());
  }

  private static ApiError tooLarge(UploadPolicy policy) {
    return new ApiError(413, "too_large", "the upload is over the " + policy.maxSizeText() + " limit");
  }

  private static SimilarityQuery query(HttpServletRequest request) {
    int k = SimilarityQuery.DEFAULT_K;
    String kText = request.getParameter("k");
    if (kText != null) {
      try {
        k = Integer.parseInt(kText.trim());
      } catch (NumberFormatException e) {
        throw ApiError.badParameter("k must be a whole number, got '" + kText + "'");
      }
      if (k < 1 || k > MAX_K) {
        throw ApiError.badParameter("k must be in 1.." + MAX_K + ", got " + k);
      }
    }
    return SimilarityQuery.top(k).withTags(values(request, "tag"), values(request, "notTag"));
  }

  private static List<String> values(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    if (values == null) {
      return List.of();
    }
    if (Arrays.stream(values).anyMatch(String::isBlank)) {
      throw ApiError.badParameter(name + " must not be empty");
    }
    return List.of(values);
  }

  private static String[] segments(HttpServletRequest request) {
    String info = Optional.ofNullable(request.getPathInfo()).orElse("/");
    return Arrays.stream(info.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
  }

  private static ApiError notFound(HttpServletRequest request) {
    return new ApiError(404, "not_found", request.getMethod() + " " + request.getRequestURI()
        + " is not an API route; GET " + PATH + "/openapi.json lists them");
  }

  private static void write(HttpServletResponse response, JsonNode body) throws IOException {
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    HitsJson.MAPPER.writeValue(response.getOutputStream(), body);
  }

  private void fail(HttpServletRequest request, HttpServletResponse response, RuntimeException failure)
      throws IOException {
    ApiError error = ApiError.of(failure);
    if (error.status == 500) {
      log(request.getMethod() + " " + request.getRequestURI() + " failed", failure);
    }
    if (response.isCommitted()) {
      return;
    }
    response.reset();
    response.setStatus(error.status);
    if (error.retryAfterSeconds > 0) {
      response.setHeader("Retry-After", Integer.toString(error.retryAfterSeconds));
    }
    ObjectNode body = HitsJson.MAPPER.createObjectNode();
    body.put("error", error.error);
    body.put("detail", error.getMessage());
    write(response, body);
  }
}
