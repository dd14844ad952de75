package org.soundalike.ui.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.dataset.Catalogs;

/** The audio servlet serves catalog tracks, and nothing outside the catalog's audio root. */
class CatalogAudioServletTest {

  @TempDir Path dir;
  private Server server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void aTrackWhoseFileWasSwappedForALinkOutOfTheAudioRootIsNotServed() throws Exception {
    Path catalog = dir.resolve("catalog");
    CatalogFixture.write(catalog, 2, i -> "t" + i, i -> List.of("tone"));
    URI base = start(catalog);
    Path secret = Files.writeString(dir.resolve("secret.txt"), "not audio, not yours");
    // The catalog was read while t1.wav was a file; it becomes a link out of the root afterwards.
    Files.delete(catalog.resolve("t1.wav"));
    Files.createSymbolicLink(catalog.resolve("t1.wav"), secret);

    HttpResponse<String> inside = get(base.resolve("audio/t0"));
    HttpResponse<String> outside = get(base.resolve("audio/t1"));

    assertThat(inside.statusCode()).isEqualTo(200);
    assertThat(inside.headers().firstValue("Content-Type")).hasValue("audio/wav");
    assertThat(outside.statusCode()).isEqualTo(404);
    assertThat(outside.body()).doesNotContain("not yours").contains("lies outside the catalog");
  }

  private URI start(Path catalog) throws Exception {
    server = new Server(0);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new CatalogAudioServlet(Optional.of(Catalogs.open(catalog)))),
        CatalogAudioServlet.PATH + "/*");
    server.setHandler(context);
    server.start();
    return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/");
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
