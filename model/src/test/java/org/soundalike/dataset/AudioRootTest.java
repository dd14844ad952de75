package org.soundalike.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioRootTest {

  @TempDir Path temp;
  Path root;
  Path secret;

  @BeforeEach
  void lay() throws IOException {
    root = Files.createDirectories(temp.resolve("catalog"));
    secret = Files.writeString(temp.resolve("secret.txt"), "not audio");
    Files.createDirectories(root.resolve("rock"));
    Files.writeString(root.resolve("rock/a.ogg"), "audio");
  }

  @Test
  void aPathInsideTheRootResolvesAgainstIt() {
    assertThat(new AudioRoot(root).resolve("rock/a.ogg")).isEqualTo(root.resolve("rock/a.ogg"));
    assertThat(new AudioRoot(root).resolve("rock/../rock/a.ogg")).isEqualTo(root.resolve("rock/a.ogg"));
  }

  @Test
  void aMissingFileInsideTheRootIsLeftToDecodingToReport() {
    assertThat(new AudioRoot(root).resolve("jazz/missing.ogg")).isEqualTo(root.resolve("jazz/missing.ogg"));
  }

  @Test
  void dotDotOutOfTheRootIsRefused() {
    assertThatThrownBy(() -> new AudioRoot(root).resolve("../secret.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'../secret.txt' lies outside the catalog's audio root");
  }

  @Test
  void anAbsolutePathElsewhereIsRefusedAndOneInsideIsKept() {
    assertThatThrownBy(() -> new AudioRoot(root).resolve(secret.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lies outside");
    String inside = root.resolve("rock/a.ogg").toString();
    assertThat(new AudioRoot(root).resolve(inside)).isEqualTo(root.resolve("rock/a.ogg"));
  }

  @Test
  void aSymbolicLinkOutOfTheRootIsRefused() throws IOException {
    Files.createSymbolicLink(root.resolve("rock/b.ogg"), secret);
    Files.createSymbolicLink(root.resolve("elsewhere"), temp);

    assertThatThrownBy(() -> new AudioRoot(root).resolve("rock/b.ogg"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("through a symbolic link");
    assertThatThrownBy(() -> new AudioRoot(root).resolve("elsewhere/secret.txt"))
        .hasMessageContaining("through a symbolic link");
    assertThatThrownBy(() -> new AudioRoot(root).resolve("elsewhere/not-there.ogg"))
        .hasMessageContaining("through a symbolic link");
  }

  @Test
  void aSymbolicLinkThatStaysInsideIsKept() throws IOException {
    Files.createSymbolicLink(root.resolve("alias.ogg"), root.resolve("rock/a.ogg"));

    assertThat(new AudioRoot(root).resolve("alias.ogg")).isEqualTo(root.resolve("alias.ogg"));
  }

  @Test
  void aRootReachedThroughALinkStillConfines() throws IOException {
    Path linkedRoot = Files.createSymbolicLink(temp.resolve("linked"), root);

    assertThat(new AudioRoot(linkedRoot).resolve("rock/a.ogg")).isEqualTo(linkedRoot.resolve("rock/a.ogg"));
    assertThatThrownBy(() -> new AudioRoot(linkedRoot).resolve("../secret.txt")).hasMessageContaining("lies outside");
  }
}
