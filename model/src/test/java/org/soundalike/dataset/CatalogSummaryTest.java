package org.soundalike.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogSummaryTest {

  @TempDir Path dir;

  @Test
  void countsTracksTagsAndMissingAudio() throws IOException {
    Fixtures.jamendo(dir);
    Fixtures.jamendoFile(dir, "test", Fixtures.jamendoRow(215, "genre---metal"), Fixtures.jamendoRow(300));
    Files.createDirectories(dir.resolve("41"));
    Files.writeString(dir.resolve("41/241.mp3"), "not really audio, but present");
    Catalog catalog = MtgJamendo.open(dir, CatalogOptions.defaults());

    CatalogSummary summary = CatalogSummary.of(catalog, 2);

    assertThat(summary.format()).isEqualTo("mtg-jamendo");
    assertThat(summary.fingerprint()).isEqualTo(catalog.fingerprint());
    assertThat(summary.tracks()).containsExactly(
        entry("train", 3), entry("valid", 2), entry("test", 2), entry("total", 7));
    assertThat(summary.tracksWithoutTags()).containsEntry("test", 1).containsEntry("total", 1);
    assertThat(summary.vocabularySize()).isEqualTo(8);
    assertThat(summary.tagFrequencies().get("genre---rock")).containsEntry("train", 2).containsEntry("total", 2);
    assertThat(summary.tagFrequencies().get("genre---metal")).containsEntry("test", 1).containsEntry("train", 0);
    assertThat(summary.tagFrequencies().keySet()).containsExactlyElementsOf(catalog.vocabulary().tags());
    assertThat(summary.missingAudio().count()).isEqualTo(6);
    assertThat(summary.missingAudio().first()).containsExactly(
        "track_0000242: " + dir.resolve("42/242.mp3"), "track_0001001: " + dir.resolve("01/1001.mp3"));
  }

  private static Map.Entry<String, Integer> entry(String key, int value) {
    return Map.entry(key, value);
  }
}
