package org.soundalike.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogsTest {

  @TempDir Path dir;

  @Test
  void recognisesEachFormat() throws IOException {
    Path generic = dir.resolve("generic");
    GenericCatalog.write(generic, List.of(new Track("a", generic.resolve("a.ogg"), Split.TRAIN, TagSet.empty())));
    Path jamendo = dir.resolve("jamendo");
    Fixtures.jamendo(jamendo.resolve("split-0"));
    Path mtt = dir.resolve("mtt");
    Fixtures.magnatagatuneSplits(mtt);

    assertThat(Catalogs.open(generic).format()).isEqualTo("generic");
    assertThat(Catalogs.open(jamendo).format()).isEqualTo("mtg-jamendo");
    assertThat(Catalogs.open(mtt).format()).isEqualTo("magnatagatune");
  }

  @Test
  void optionsReachThePublicDatasets() throws IOException {
    Fixtures.jamendo(dir);
    Path audio = dir.resolve("audio");

    Catalog catalog = Catalogs.open(dir, new CatalogOptions(audio, true));

    assertThat(catalog.track("track_0000241").orElseThrow().audio()).isEqualTo(audio.resolve("41/241.low.mp3"));
  }

  @Test
  void aFolderWithNoKnownFileNamesWhatWasLookedFor() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "hello");

    assertThatThrownBy(() -> Catalogs.open(dir))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(dir + ": no catalog found")
        .hasMessageContaining("tracks.csv")
        .hasMessageContaining("autotagging_top50tags-{train,validation,test}.tsv")
        .hasMessageContaining("train_gt_mtt.tsv");
  }

  @Test
  void aMissingFolderIsNamed() {
    assertThatThrownBy(() -> Catalogs.open(dir.resolve("nowhere")))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("nowhere: not a folder");
  }

  @Test
  void aRelativeFolderGivesAbsoluteAudioPaths() throws IOException {
    Fixtures.jamendo(dir);
    Path relative = Path.of("").toAbsolutePath().relativize(dir);

    Catalog catalog = Catalogs.open(relative, CatalogOptions.defaults().withAudioRoot(relative.resolve("audio")));

    assertThat(catalog.tracks()).allMatch(t -> t.audio().isAbsolute());
    assertThat(catalog.track("track_0000241").orElseThrow().audio()).isEqualTo(dir.resolve("audio/41/241.mp3"));
  }
}
