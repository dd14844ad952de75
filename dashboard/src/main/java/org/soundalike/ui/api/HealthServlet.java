package org.soundalike.ui.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.soundalike.search.SearchException;
import org.soundalike.ui.service.SearchService;

/**
 * {@code GET /health}: 200 whenever the process answers (liveness), with whether Elasticsearch
 * answers for the searched index and whether a model is loaded to embed uploads (readiness).
 */
public final class HealthServlet extends HttpServlet {

  public static final String PATH = "/health";

  private final transient SearchService search;

  public HealthServlet(SearchService search) {
    this.search = search;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ObjectNode body = HitsJson.MAPPER.createObjectNode();
    body.put("status", "up");
    ObjectNode es = body.putObject("elasticsearch");
    es.put("url", search.esUrl().toString());
    es.put("index", search.index());
    boolean esReady;
    try {
      es.put("tracks", search.indices().stream().filter(i -> i.aliased()).mapToLong(i -> i.documents()).sum());
      esReady = true;
    } catch (SearchException e) {
      es.put("detail", e.getMessage());
      esReady = false;
    }
    es.put("ready", esReady);
    ObjectNode model = body.putObject("model");
    model.put("ready", search.embedder().isPresent());
    search.embedder().ifPresent(e -> model.put("run", e.describe()));
    body.put("ready", esReady && search.embedder().isPresent());
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    HitsJson.MAPPER.writeValue(response.getOutputStream(), body);
  }
}
