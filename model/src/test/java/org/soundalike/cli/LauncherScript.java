package org.soundalike.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The repository's scripts in infra/bin, found from the working directory upwards, and run. */
public final class LauncherScript {

  /** What a script printed, and how it ended. */
  public record Output(int exitCode, String out, String err) {}

  private LauncherScript() {}

  public static Path find(String name) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path script = dir.resolve("infra/bin").resolve(name);
      if (Files.isExecutable(script)) {
        return script;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("infra/bin/" + name + " not found above " + Path.of("").toAbsolutePath());
  }

  /** Runs {@code infra/bin/soundalike args...}; for the commands the launcher answers itself (no Java build). */
  public static Output soundalike(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(find("soundalike").toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    String out = read(process.getInputStream());
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("soundalike " + String.join(" ", args) + " did not finish in 60 s");
    }
    return new Output(process.exitValue(), out, err.join());
  }

  private static String read(InputStream stream) {
    try {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
