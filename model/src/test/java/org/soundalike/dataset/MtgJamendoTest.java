package org.soundalike.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MtgJamendoTest {

  @TempDir Path dir;

  @Test
  void readsTheThreeSplitFilesWithEveryTagColumn() throws IOException {
    Fixtures.jamendo(dir);

    Catalog catalog = MtgJamendo.open(dir, CatalogOptions.defaults());

    assertThat(catalog.format()).isEqualTo("mtg-jamendo");
    assertThat(catalog.tracks()).extracting(Track::id).containsExactly(
        "track_0000241", "track_0000242", "track_0001001", "track_0000773", "track_0000774",
        "track_0000215", "track_0000216");
    assertThat(catalog.countsPerSplit()).containsEntry(Split.TRAIN, 3).containsEntry(Split.VALID, 2)
        .containsEntry(Split.TEST, 2);
    Track multi = catalog.track("track_0000242").orElseThrow();
    assertThat(multi.split()).isEqualTo(Split.TRAIN);
    assertThat(multi.tags().tags())
        .containsExactly("genre---rock", "instrument---guitar", "mood/theme---energetic");
    assertThat(multi.audio()).isEqualTo(dir.resolve("42/242.mp3"));
  }

  @Test
  void vocabularyIsTheSortedSetOfTagsInTheFiles() throws IOException {
    Fixtures.jamendo(dir);

    Catalog catalog = MtgJamendo.open(dir, CatalogOptions.defaults());

    assertThat(catalog.vocabulary().tags()).containsExactly(
        "genre---electronic", "genre---metal", "genre---pop", "genre---rock", "instrument---guitar",
        "instrument---voice", "mood/theme---energetic", "mood/theme---happy");
  }

  @Test
  void findsTheFilesInTheDatasetRepositoryLayout() throws IOException {
    Fixtures.jamendo(dir.resolve("data/splits/split-0"));

    Catalog catalog = Catalogs.open(dir);

    assertThat(catalog.source()).isEqualTo(dir.resolve("data/splits/split-0").toAbsolutePath());
    assertThat(catalog.audioRoot()).isEqualTo(dir.toAbsolutePath());
    assertThat(catalog.size()).isEqualTo(7);
  }

  @Test
  void audioRootAndLowQualityNamesAreOptions() throws IOException {
    Fixtures.jamendo(dir.resolve("split-0"));
    Path audio = dir.resolve("elsewhere");

    Catalog catalog = MtgJamendo.open(dir, CatalogOptions.defaults().withAudioRoot(audio).withLowQualityAudio(true));

    assertThat(catalog.track("track_0001001").orElseThrow().audio()).isEqualTo(audio.resolve("01/1001.low.mp3"));
  }

  @Test
  void aTrackWithNoTagIsKeptWithAnEmptyTagSet() throws IOException {
    Fixtures.jamendo(dir);
    Fixtures.jamendoFile(dir, "test", Fixtures.jamendoRow(215, "genre---metal"), Fixtures.jamendoRow(300));

    Catalog catalog = MtgJamendo.open(dir, CatalogOptions.defaults());

    assertThat(catalog.track("track_0000300").orElseThrow().tags().isEmpty()).isTrue();
    assertThat(catalog.multiHot(catalog.track("track_0000300").orElseThrow())).containsOnly(0f);
  }

  @Test
  void aRowWithTooFewColumnsNamesFileAndLine() throws IOException {
    Fixtures.jamendo(dir);
    Path file = Fixtures.jamendoFile(dir, "validation", Fixtures.jamendoRow(773, "genre---pop"),
        "track_0000774\tartist_000104\t74/774.mp3");

    assertThatThrownBy(() -> MtgJamendo.open(dir, CatalogOptions.defaults()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(file + " line 3")
        .hasMessageContaining("at least 5");
  }

  @Test
  void aBadDurationNamesFileAndLine() throws IOException {
    Fixtures.jamendo(dir);
    Path file = Fixtures.jamendoFile(dir, "train",
        "track_0000241\tartist_000005\talbum_000033\t41/241.mp3\tlong\tgenre---rock");

    assertThatThrownBy(() -> MtgJamendo.open(dir, CatalogOptions.defaults()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(file + " line 2")
        .hasMessageContaining("DURATION 'long'");
  }

  @Test
  void aTagOutsideTheDatasetCategoriesIsRejected() throws IOException {
    Fixtures.jamendo(dir);
    Path file = Fixtures.jamendoFile(dir, "test", Fixtures.jamendoRow(215, "genre---metal"),
        Fixtures.jamendoRow(216, "tempo---fast"));

    assertThatThrownBy(() -> MtgJamendo.open(dir, CatalogOptions.defaults()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(file + " line 3")
        .hasMessageContaining("tempo---fast");
  }

  @Test
  void aWrongHeaderIsRejected() throws IOException {
    Fixtures.jamendo(dir);
    Path file = dir.resolve("autotagging_top50tags-test.tsv");
    Files.writeString(file, "id\tpath\ttags\r\n" + Fixtures.jamendoRow(215, "genre---metal") + "\r\n");

    assertThatThrownBy(() -> MtgJamendo.open(dir, CatalogOptions.defaults()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(file + " line 1")
        .hasMessageContaining("header");
  }

  @Test
  void anIdInTwoSplitsNamesBothPlaces() throws IOException {
    Fixtures.jamendo(dir);
    Path test = Fixtures.jamendoFile(dir, "test", Fixtures.jamendoRow(241, "genre---rock"));

    assertThatThrownBy(() -> MtgJamendo.open(dir, CatalogOptions.defaults()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(test + " line 2: duplicate track id track_0000241")
        .hasMessageContaining("autotagging_top50tags-train.tsv line 2");
  }

  @Test
  void aMissingSplitFileIsNamed() throws IOException {
    Fixtures.jamendo(dir);
    Files.delete(dir.resolve("autotagging_top50tags-validation.tsv"));

    assertThatThrownBy(() -> MtgJamendo.open(dir, CatalogOptions.defaults()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("autotagging_top50tags-validation.tsv: missing");
  }

  @Test
  void lowQualityNamesOnlyApplyToMp3Paths() {
    assertThat(MtgJamendo.lowQualityPath("14/1234.mp3")).isEqualTo("14/1234.low.mp3");
    assertThat(MtgJamendo.lowQualityPath("14/1234.low.mp3")).isEqualTo("14/1234.low.mp3");
    assertThatThrownBy(() -> MtgJamendo.lowQualityPath("14/1234.wav")).hasMessageContaining("14/1234.wav");
  }

  @Test
  void multiHotFollowsTheVocabularyOrder() throws IOException {
    Fixtures.jamendo(dir);
    Catalog catalog = MtgJamendo.open(dir, CatalogOptions.defaults());

    float[] vector = catalog.multiHot(catalog.track("track_0001001").orElseThrow());

    List<String> tags = catalog.vocabulary().tags();
    assertThat(vector).hasSize(tags.size());
    for (int i = 0; i < vector.length; i++) {
      boolean expected = tags.get(i).equals("genre---pop") || tags.get(i).equals("instrument---voice");
      assertThat(vector[i]).as(tags.get(i)).isEqualTo(expected ? 1f : 0f);
    }
  }

  @Test
  void aPathOutsideTheAudioRootIsRefused() {
    AudioRoot root = new AudioRoot(dir);

    assertThatThrownBy(() -> MtgJamendo.parseRow("track_1\t1\t1\t/etc/passwd\t30.0", Split.TRAIN, root, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the catalog's audio root");
  }
}
