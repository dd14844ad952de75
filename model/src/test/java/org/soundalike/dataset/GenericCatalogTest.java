package org.soundalike.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericCatalogTest {

  @TempDir Path dir;

  private void writeCsv(String... lines) throws IOException {
    Files.writeString(dir.resolve("tracks.csv"), String.join("\n", lines) + "\n");
  }

  @Test
  void writeThenReadGivesTheSameTracks() throws IOException {
    List<Track> tracks = List.of(
        new Track("rock/a", dir.resolve("rock/a.ogg"), Split.TRAIN, TagSet.of(List.of("rock", "guitar"))),
        new Track("b", dir.resolve("b.mp3"), Split.VALID, TagSet.of(List.of("female vocal"))),
        new Track("c d", dir.resolve("c d.wav"), Split.TEST, TagSet.empty()));

    GenericCatalog.write(dir, tracks);

    assertThat(GenericCatalog.read(dir)).isEqualTo(tracks);
    assertThat(dir.resolve("tracks.csv.tmp")).doesNotExist();
  }

  @Test
  void openUsesTheSortedTagsOfAllTracksAsVocabulary() throws IOException {
    writeCsv("path,split,tags", "x.ogg,train,rock;guitar", "y.ogg,test,ambient", "z.ogg,valid,");

    Catalog catalog = GenericCatalog.open(dir);

    assertThat(catalog.format()).isEqualTo("generic");
    assertThat(catalog.vocabulary().tags()).containsExactly("ambient", "guitar", "rock");
    assertThat(catalog.track("z").orElseThrow().tags().isEmpty()).isTrue();
    assertThat(catalog.multiHot(catalog.track("x").orElseThrow())).containsExactly(0f, 1f, 1f);
  }

  @Test
  void theIdIsThePathWithoutItsExtension() {
    assertThat(GenericCatalog.idOf("a/b.c/song.mp3")).isEqualTo("a/b.c/song");
    assertThat(GenericCatalog.idOf("a.b/song")).isEqualTo("a.b/song");
  }

  @Test
  void anUnknownSplitNamesFileAndLine() throws IOException {
    writeCsv("path,split,tags", "x.ogg,train,rock", "y.ogg,holdout,rock");

    assertThatThrownBy(() -> GenericCatalog.read(dir))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(dir.resolve("tracks.csv") + " line 3")
        .hasMessageContaining("holdout");
  }

  @Test
  void aDuplicateIdNamesTheLine() throws IOException {
    writeCsv("path,split,tags", "x.ogg,train,rock", "x.mp3,test,rock");

    assertThatThrownBy(() -> GenericCatalog.read(dir))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("line 3: duplicate track id x");
  }

  @Test
  void aRowOutsideTheAudioRootIsRefusedWithItsLine() throws IOException {
    writeCsv("path,split,tags", "x.ogg,train,rock", "../../etc/passwd,test,rock");

    assertThatThrownBy(() -> GenericCatalog.read(dir))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(dir.resolve("tracks.csv") + " line 3")
        .hasMessageContaining("outside the catalog's audio root");
  }

  @Test
  void aShortRowNamesTheLine() throws IOException {
    writeCsv("path,split,tags", "x.ogg,train,rock", "y.ogg");

    assertThatThrownBy(() -> GenericCatalog.read(dir))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("line 3");
  }

  @Test
  void aBrokenQuoteIsACatalogError() throws IOException {
    writeCsv("path,split,tags", "x.ogg,train,rock", "\"y.ogg\"z,train,rock");

    assertThatThrownBy(() -> GenericCatalog.read(dir))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(dir.resolve("tracks.csv").toString());
  }

  @Test
  void aMissingColumnIsACatalogError() throws IOException {
    writeCsv("path,tags", "x.ogg,rock");

    assertThatThrownBy(() -> GenericCatalog.read(dir))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("split");
  }
}
