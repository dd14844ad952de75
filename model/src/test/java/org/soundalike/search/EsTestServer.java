package org.soundalike.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.soundalike.cli.LauncherScript;

/**
 * A real Elasticsearch node for tests, run through the project's own {@code infra/bin/es} script
 * (which fetches the server from Maven and creates its unprivileged user when needed) in a
 * temporary home on a free port. A JVM shutdown hook stops it even when a test run dies.
 */
public final class EsTestServer {

  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(10);

  private final Path script;
  private final Path home;
  private final int port;
  private final Thread shutdownHook;

  private EsTestServer(Path script, Path home, int port) {
    this.script = script;
    this.home = home;
    this.port = port;
    this.shutdownHook = new Thread(this::stopQuietly, "stop-test-elasticsearch");
  }

  static EsTestServer start() {
    try {
      Path home = Files.createTempDirectory("soundalike-es-test-");
      EsTestServer server = new EsTestServer(findScript(), home, freePort());
      Runtime.getRuntime().addShutdownHook(server.shutdownHook);
      server.run("start");
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Kills the node like a crash would (SIGKILL, no clean shutdown). */
  void kill() {
    long pid = pid();
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
    process.destroyForcibly();
    process.onExit().orTimeout(60, TimeUnit.SECONDS).join();
  }

  /** Starts the node again on the same port and data (idempotent when it is running). */
  void restart() {
    run("start");
  }

  void stop() {
    try {
      run("stop");
    } finally {
      deleteHome();
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // Called from the hook itself: nothing to remove.
      }
    }
  }

  private void stopQuietly() {
    try {
      run("stop");
    } catch (RuntimeException e) {
      System.err.println("could not stop the test Elasticsearch in " + home + ": " + e.getMessage());
    }
    deleteHome();
  }

  private long pid() {
    try {
      return Long.parseLong(Files.readString(home.resolve("es.pid")).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void run(String command) {
    List<String> args = new ArrayList<>(List.of(script.toString(), command, "--home", home.toString(),
        "--port", Integer.toString(port), "--heap", "512m", "--no-disk-threshold"));
    try {
      Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("'es " + command + "' failed for the test node in " + home + ":\n"
            + new String(output, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void deleteHome() {
    if (!Files.exists(home)) {
      return;
    }
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + home + ": " + e);
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static Path findScript() {
    return LauncherScript.find("es");
  }
}
