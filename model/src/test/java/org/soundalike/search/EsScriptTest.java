package org.soundalike.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** infra/bin/es without starting a server: what it says, and what it refuses to stop. */
class EsScriptTest {

  @TempDir Path home;

  private record Result(int exitCode, String output) {}

  private Result es(String... args) throws IOException, InterruptedException {
    return es(home, args);
  }

  private Result es(Path nodeHome, String... args) throws IOException, InterruptedException {
    Path script = EsTestServer.findScript();
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--home", nodeHome.toString(), "--port", Integer.toString(EsTestServer.freePort())));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  @Test
  void statusOfANodeThatNeverRanSaysHowToStartIt() throws Exception {
    Result status = es("status");

    assertThat(status.exitCode()).isEqualTo(3);
    assertThat(status.output()).contains("not running (home " + home.toRealPath() + ")").contains("soundalike es start");
  }

  @Test
  void stopLeavesAProcessAloneThatThisNodeDidNotStart() throws Exception {
    Process stranger = new ProcessBuilder("sleep", "60").start();
    try {
      Files.writeString(home.resolve("es.pid"), Long.toString(stranger.pid()));

      Result stop = es("stop");

      assertThat(stop.exitCode()).isZero();
      assertThat(stop.output()).contains("not running");
      assertThat(stranger.isAlive()).isTrue();
    } finally {
      stranger.destroyForcibly();
    }
  }

  @Test
  void anUnknownOptionIsRefusedWithItsName() throws Exception {
    Result result = es("start", "--colour", "blue");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("unknown option '--colour'");
  }

  @Test
  void aHomeInsideAPrivateFolderIsRefusedBeforeStartingWithWhatToDo() throws Exception {
    // The suite runs as root (its installer needs it), so the script hands the node to its
    // unprivileged user, who must be able to enter every folder above the home.
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------")); // as `mktemp -d` makes it

    Result start = es(home.resolve("node"), "start");

    assertThat(start.exitCode()).isNotZero();
    assertThat(start.output())
        .contains("cannot enter " + home.toRealPath())
        .contains("chmod o+x " + home.toRealPath())
        .doesNotContain("starting Elasticsearch");
  }
}
