package org.soundalike.dataset.debian;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.soundalike.audio.AudioWriter;
import org.soundalike.audio.MusicLikeSignal;

/**
 * A small game-data package built with {@code dpkg-deb --build}: three tracks in its music
 * folders (one in an album folder, one OGG), a clip too short to be music, a sound effect outside
 * the music folders, a text file inside them, and a DEP-5 copyright file giving one track its own
 * licence.
 */
public final class TestPackage {

  public static final String NAME = "soundalike-test-data";
  public static final String MUSIC = "usr/share/games/soundalike-test/music/";

  private TestPackage() {}

  /** Builds {@code NAME_1.0-1_all.deb} in {@code debs}; tracks last {@code seconds}. */
  public static Path build(Path work, Path debs, double seconds) throws IOException, InterruptedException {
    Path root = work.resolve("pkg");
    Files.createDirectories(root.resolve("DEBIAN"));
    Files.writeString(root.resolve("DEBIAN/control"), """
        Package: %s
        Version: 1.0-1
        Architecture: all
        Maintainer: SoundAlike tests <tests@example.org>
        Description: music for the catalog-debian tests
        """.formatted(NAME));
    audio(root.resolve(MUSIC + "title.wav"), seconds, 1);
    audio(root.resolve(MUSIC + "forest/level1.wav"), seconds, 2);
    audio(root.resolve(MUSIC + "forest/level2.ogg"), seconds, 3);
    audio(root.resolve(MUSIC + "jingle.wav"), 2.8, 4);
    audio(root.resolve("usr/share/games/soundalike-test/sfx/boom.wav"), seconds, 5);
    Files.writeString(root.resolve(MUSIC + "README.txt"), "credits\n");
    Path doc = root.resolve("usr/share/doc/" + NAME);
    Files.createDirectories(doc);
    Files.writeString(doc.resolve("copyright"), """
        Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
        Upstream-Name: soundalike-test

        Files: *
        Copyright: 2026 Tests
        License: GPL-2+

        Files: music/forest/*
        Copyright: 2026 A Composer
        License: CC-BY-SA-3.0

        Files: debian/*
        Copyright: 2026 Packager
        License: CC0
        """);
    Files.createDirectories(debs);
    Path deb = debs.resolve(NAME + "_1.0-1_all.deb");
    Process p = new ProcessBuilder("dpkg-deb", "--build", "--root-owner-group", root.toString(), deb.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException("dpkg-deb --build failed: " + out);
    }
    return deb;
  }

  private static void audio(Path file, double seconds, long seed) throws IOException {
    Files.createDirectories(file.getParent());
    int rate = 22_050;
    float[][] stereo = new MusicLikeSignal(rate, seed).next((int) (seconds * rate));
    AudioWriter.write(file, rate, stereo);
  }
}
