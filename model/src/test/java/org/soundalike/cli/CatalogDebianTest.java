package org.soundalike.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Catalogs;
import org.soundalike.dataset.Split;
import org.soundalike.dataset.Track;
import org.soundalike.dataset.debian.MusicCatalogFiles;
import org.soundalike.dataset.debian.TestPackage;

/** {@code soundalike catalog-debian} on a package the test builds itself (offline). */
class CatalogDebianTest {

  @TempDir static Path work;
  static Path debs;
  static Path out;
  static CliRun run;

  @BeforeAll
  static void buildTheCatalog() throws IOException, InterruptedException {
    debs = work.resolve("debs");
    TestPackage.build(work, debs, 4.0);
    out = work.resolve("catalog");
    run = CliRun.of("catalog-debian", "--out", out.toString(), "--debs", debs.toString(), "--offline",
        "--packages", TestPackage.NAME, "--min-seconds", "3", "--test-fraction", "0.34", "--valid-fraction", "0");
  }

  @Test
  void keepsOnlyTheMusicLongEnoughAndReadsAsAGenericCatalog() throws IOException {
    assertThat(run.code()).as(run.err()).isZero();
    Catalog catalog = Catalogs.open(out);

    String music = TestPackage.NAME + "/" + TestPackage.MUSIC;
    assertThat(catalog.tracks()).extracting(Track::id)
        .containsExactlyInAnyOrder(music + "title", music + "forest/level1", music + "forest/level2");
    // The too-short clip was extracted to be measured, then removed; the rest never left the package.
    assertThat(out.resolve(music + "jingle.wav")).doesNotExist();
    assertThat(out.resolve(music + "README.txt")).doesNotExist();
    assertThat(out.resolve(TestPackage.NAME + "/usr/share/games/soundalike-test/sfx")).doesNotExist();
    assertThat(catalog.tracks()).allSatisfy(t -> assertThat(t.audio()).isRegularFile());
  }

  @Test
  void tagsSayTheCollectionTheFolderAndTheLicenceFromTheCopyrightFile() throws IOException {
    Map<String, List<String>> tags = Catalogs.open(out).tracks().stream()
        .collect(Collectors.toMap(t -> Path.of(t.id()).getFileName().toString(), t -> List.copyOf(t.tags().tags())));
    assertThat(tags.get("title")).containsExactly(
        "collection:" + TestPackage.NAME, "folder:soundalike-test", "licence:GPL-2+");
    assertThat(tags.get("level1")).containsExactly(
        "collection:" + TestPackage.NAME, "folder:forest", "licence:CC-BY-SA-3.0");
  }

  @Test
  void recordsProvenanceAndWhatWasLeftOut() throws IOException {
    List<String> lines = Files.readAllLines(out.resolve("tracks.csv"));
    assertThat(lines.get(0)).isEqualTo("path,split,tags,package,version,package_path,licence,seconds");
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(
        TestPackage.NAME + ",1.0-1," + TestPackage.MUSIC + "forest/level2.ogg,CC-BY-SA-3.0,"));

    MusicCatalogFiles.Summary summary = MusicCatalogFiles.read(out);
    assertThat(summary.tracks()).isEqualTo(3);
    assertThat(summary.licences()).containsEntry("GPL-2+", 1).containsEntry("CC-BY-SA-3.0", 2);
    assertThat(summary.leftOut()).singleElement().satisfies(l -> {
      assertThat(l.path()).endsWith("jingle.wav");
      assertThat(l.reason()).contains("2.8 s is shorter than 3 s");
    });
    assertThat(run.out()).contains("3 tracks");
  }

  @Test
  void holdsOneTrackAsideForTheIdentityBenchmark() throws IOException {
    assertThat(Catalogs.open(out).tracks().stream().filter(t -> t.split() == Split.TEST)).hasSize(1);
  }

  @Test
  void refusesThePackagesKeptAsideForIndependentChecks() {
    CliRun refused = CliRun.of("catalog-debian", "--out", work.resolve("kept").toString(), "--offline",
        "--packages", "supertux-data,wesnoth-1.16-music");
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("wesnoth-1.16-music is kept aside").contains("--allow-kept-aside");
    assertThat(work.resolve("kept")).doesNotExist();
  }

  @Test
  void aMissingPackageIsNamedWhenOffline() {
    CliRun missing = CliRun.of("catalog-debian", "--out", work.resolve("none").toString(), "--offline",
        "--debs", debs.toString(), "--packages", "no-such-data");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no no-such-data_*.deb in " + debs);
  }
}
