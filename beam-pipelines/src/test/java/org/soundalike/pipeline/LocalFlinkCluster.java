package org.soundalike.pipeline;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real two-process Flink session cluster on loopback, started from the Flink jars Maven Central
 * serves (the binary distribution is not available here): a JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and a TaskManager ({@code TaskManagerRunner}) with
 * the memory settings Flink's own scripts compute through {@code BashJavaUtils}, free ports, two
 * slots and private temporary folders. {@link #close()} always stops both processes.
 */
final class LocalFlinkCluster implements AutoCloseable {

  private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
  private static final Duration STARTUP = Duration.ofSeconds(120);

  private final Path home;
  private final String classpath;
  private final int restPort;
  private final List<Process> processes = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LocalFlinkCluster(Path home, String classpath, int restPort) {
    this.home = home;
    this.classpath = classpath;
    this.restPort = restPort;
  }

  /**
   * Starts the cluster and waits until its TaskManager has registered its slots.
   *
   * @param classpath Flink's runtime and logging jars (the job's own code comes in the job jar)
   */
  static LocalFlinkCluster start(Path home, String classpath) throws IOException, InterruptedException {
    int[] ports = freePorts(3);
    LocalFlinkCluster cluster = new LocalFlinkCluster(home, classpath, ports[1]);
    try {
      cluster.writeConfig(ports);
      cluster.launch("jobmanager", "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
          "GET_JM_RESOURCE_PARAMS");
      cluster.launch("taskmanager", "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "GET_TM_RESOURCE_PARAMS");
      cluster.awaitSlots(2);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  int restPort() {
    return restPort;
  }

  Path logs() {
    return home.resolve("log");
  }

  String get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
        .timeout(Duration.ofSeconds(10)).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + ": HTTP " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private void writeConfig(int[] ports) throws IOException {
    Path conf = Files.createDirectories(home.resolve("conf"));
    Path tmp = Files.createDirectories(home.resolve("tmp"));
    Files.createDirectories(logs());
    Files.writeString(conf.resolve("config.yaml"), String.join("\n",
        "jobmanager.rpc.address: 127.0.0.1",
        "jobmanager.bind-host: 127.0.0.1",
        "jobmanager.rpc.port: " + ports[0],
        "rest.address: 127.0.0.1",
        "rest.bind-address: 127.0.0.1",
        "rest.port: " + ports[1],
        "blob.server.port: " + ports[2],
        "taskmanager.host: 127.0.0.1",
        "taskmanager.bind-host: 127.0.0.1",
        // The TaskManager's own ports and both metric query services bind whatever is free when they
        // start: ports picked in advance were taken by other processes in between, or by the other
        // process's query service (both read the same key).
        "taskmanager.rpc.port: 0",
        "taskmanager.data.port: 0",
        "metrics.internal.query-service.port: 0",
        "taskmanager.numberOfTaskSlots: 2",
        "parallelism.default: 2",
        "jobmanager.memory.process.size: 1024m",
        "taskmanager.memory.process.size: 1600m",
        "io.tmp.dirs: " + tmp,
        ""));
    // Flink logs through SLF4J; the project's backend is Logback (model's logback.xml, stderr and
    // quiet): the cluster's processes log to their own files instead, at INFO, so a test can read them.
    Files.writeString(conf.resolve("logback.xml"), String.join("\n",
        "<configuration>",
        "  <appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\">",
        "    <file>${log.file}</file>",
        "    <append>true</append>",
        "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n</pattern></encoder>",
        "  </appender>",
        "  <root level=\"INFO\"><appender-ref ref=\"FILE\"/></root>",
        "</configuration>",
        ""));
  }

  private void launch(String role, String mainClass, String resourceQuery) throws IOException, InterruptedException {
    // Flink's scripts size the JVM from the configuration this way; starting without it fails.
    List<String> params = bashJavaUtils(resourceQuery);
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(Arrays.asList(params.get(0).trim().split("\\s+")));
    command.add("-Djava.io.tmpdir=" + home.resolve("tmp"));
    command.add("-Dlog.file=" + logs().resolve(role + ".log"));
    command.add("-Dlogback.configurationFile=" + home.resolve("conf/logback.xml"));
    command.addAll(List.of("-cp", classpath, mainClass, "--configDir", home.resolve("conf").toString()));
    if (params.size() > 1 && !params.get(1).isBlank()) {
      command.addAll(Arrays.asList(params.get(1).trim().split("\\s+")));
    }
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(logs().resolve(role + ".out").toFile())
        .start();
    processes.add(process);
  }

  private List<String> bashJavaUtils(String query) throws IOException, InterruptedException {
    Path out = logs().resolve(query + ".out");
    Process process = new ProcessBuilder(java(), "-cp", classpath, "org.apache.flink.runtime.util.bash.BashJavaUtils",
        query, "--configDir", home.resolve("conf").toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException("BashJavaUtils " + query + " failed: " + Files.readString(out));
    }
    List<String> results = Files.readAllLines(out).stream()
        .filter(line -> line.startsWith(RESULT_PREFIX))
        .map(line -> line.substring(RESULT_PREFIX.length()))
        .collect(Collectors.toList());
    if (results.isEmpty()) {
      throw new IOException("BashJavaUtils " + query + " printed no result: " + Files.readString(out));
    }
    return results;
  }

  private void awaitSlots(int slots) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      for (Process process : processes) {
        if (!process.isAlive()) {
          throw new IOException("a Flink process exited with " + process.exitValue() + " during startup; see " + logs());
        }
      }
      try {
        last = get("/overview");
        if (last.contains("\"slots-total\":" + slots)) {
          return;
        }
      } catch (IOException e) {
        last = e.getMessage();
      }
      Thread.sleep(500);
    }
    throw new IOException("the Flink cluster did not offer " + slots + " slots within " + STARTUP + ": " + last
        + "; see " + logs());
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int[] freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }

  @Override
  public void close() {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      try {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
