package org.soundalike.ui.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.soundalike.ui.RunningDashboard;

/**
 * A real Elasticsearch node for the dashboard's search tests, started through the project's own
 * {@code infra/bin/es} (the server comes from Maven Central) in a temporary home on a free port.
 */
public final class TestElasticsearch implements AutoCloseable {

  private final Path script;
  private final Path home;
  private final int port;

  private TestElasticsearch(Path script, Path home, int port) {
    this.script = script;
    this.home = home;
    this.port = port;
  }

  public static TestElasticsearch start() throws IOException {
    TestElasticsearch es = new TestElasticsearch(findScript(), Files.createTempDirectory("soundalike-dash-es-"),
        RunningDashboard.freePort());
    es.run("start");
    return es;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  private void run(String command) {
    List<String> args = List.of(script.toString(), command, "--home", home.toString(), "--port",
        Integer.toString(port), "--heap", "512m", "--no-disk-threshold");
    try {
      Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("'es " + command + "' failed:\n" + new String(output, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path findScript() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path script = dir.resolve("infra/bin/es");
      if (Files.isExecutable(script)) {
        return script;
      }
    }
    throw new IllegalStateException("infra/bin/es not found above " + Path.of("").toAbsolutePath());
  }

  @Override
  public void close() throws IOException {
    try {
      run("stop");
    } finally {
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
