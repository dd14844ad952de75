package org.soundalike.ui;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.soundalike.ui.service.UploadPolicy;

/** The dashboard started in this JVM on a free loopback port, for the browser tests. */
public final class RunningDashboard implements AutoCloseable {

  private final DashboardServer server;

  private RunningDashboard(DashboardServer server) {
    this.server = server;
  }

  /** Without search: its Elasticsearch URL is a free port nobody listens on. */
  public static RunningDashboard start(Optional<Path> results, Optional<Path> catalog) throws Exception {
    return start(results, catalog, URI.create("http://127.0.0.1:" + freePort()), UploadPolicy.defaults());
  }

  public static RunningDashboard start(Optional<Path> results, Optional<Path> catalog, URI esUrl,
      UploadPolicy uploads) throws Exception {
    return start(results, catalog, Optional.empty(), Optional.empty(), esUrl, uploads);
  }

  /** With a training run serving upload search and an ingest reject report. */
  public static RunningDashboard start(Optional<Path> results, Optional<Path> catalog, Optional<Path> run,
      Optional<Path> rejects, URI esUrl, UploadPolicy uploads) throws Exception {
    return start(new DashboardConfig("127.0.0.1", freePort(), results, catalog, run, rejects, esUrl, "tracks",
        uploads, Optional.empty()));
  }

  public static RunningDashboard start(DashboardConfig config) throws Exception {
    return new RunningDashboard(DashboardServer.start(config));
  }

  /** The private folder its uploads live in while processed. */
  public Path uploadFolder() {
    return server.uploadFolder();
  }

  public String url(String route) {
    return server.url() + route;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
