package org.soundalike.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {

  private static final Path ROOT = Path.of("/data/music");
  private static final TagVocabulary VOCABULARY = TagVocabulary.of(List.of("rock", "pop", "jazz"));

  private static Track track(String id, Split split, String... tags) {
    return new Track(id, ROOT.resolve(id + ".mp3"), split, TagSet.of(List.of(tags)));
  }

  private static List<Track> tracks() {
    return List.of(track("a", Split.TRAIN, "rock"), track("b", Split.TRAIN, "pop", "jazz"),
        track("c", Split.VALID), track("d", Split.TEST, "jazz"));
  }

  private static Catalog catalog(List<Track> tracks) {
    return Catalog.of("test", ROOT, ROOT, VOCABULARY, tracks);
  }

  @Test
  void countsTracksPerSplit() {
    Catalog catalog = catalog(tracks());

    assertThat(catalog.countsPerSplit()).containsEntry(Split.TRAIN, 2).containsEntry(Split.VALID, 1)
        .containsEntry(Split.TEST, 1);
    assertThat(catalog.tracks(Split.TRAIN)).extracting(Track::id).containsExactly("a", "b");
    assertThat(catalog.size()).isEqualTo(4);
  }

  @Test
  void everySplitIsCountedEvenWhenEmpty() {
    assertThat(catalog(List.of(track("a", Split.TEST))).countsPerSplit())
        .containsEntry(Split.TRAIN, 0).containsEntry(Split.VALID, 0).containsEntry(Split.TEST, 1);
  }

  @Test
  void multiHotIsInVocabularyOrder() {
    Catalog catalog = catalog(tracks());

    assertThat(catalog.multiHot(catalog.track("b").orElseThrow())).containsExactly(0f, 1f, 1f);
    assertThat(catalog.multiHot(catalog.track("c").orElseThrow())).containsExactly(0f, 0f, 0f);
  }

  @Test
  void aTagOutsideTheVocabularyIsRejected() {
    List<Track> tracks = new ArrayList<>(tracks());
    tracks.add(track("e", Split.TEST, "metal"));

    assertThatThrownBy(() -> catalog(tracks))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("track e has tag 'metal'");
  }

  @Test
  void aDuplicateIdIsRejected() {
    List<Track> tracks = new ArrayList<>(tracks());
    tracks.add(track("a", Split.TEST));

    assertThatThrownBy(() -> catalog(tracks))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("duplicate track id a");
  }

  @Test
  void fingerprintIsAStableHexDigest() {
    String fingerprint = catalog(tracks()).fingerprint();

    assertThat(fingerprint).matches("[0-9a-f]{64}");
    assertThat(catalog(tracks()).fingerprint()).isEqualTo(fingerprint);
  }

  @Test
  void fingerprintIgnoresFileOrderFormatAndWhereTheCopyLives() {
    List<Track> reversed = new ArrayList<>(tracks());
    Collections.reverse(reversed);
    Path elsewhere = Path.of("/mnt/copy");
    List<Track> moved = tracks().stream()
        .map(t -> new Track(t.id(), elsewhere.resolve(ROOT.relativize(t.audio())), t.split(), t.tags()))
        .toList();

    String fingerprint = catalog(tracks()).fingerprint();

    assertThat(catalog(reversed).fingerprint()).isEqualTo(fingerprint);
    assertThat(Catalog.of("other", elsewhere, elsewhere, VOCABULARY, moved).fingerprint()).isEqualTo(fingerprint);
  }

  @Test
  void fingerprintChangesWithAnyTrackField() {
    String fingerprint = catalog(tracks()).fingerprint();
    List<List<Track>> variants = List.of(
        replaceFirst(track("a2", Split.TRAIN, "rock")),
        replaceFirst(track("a", Split.VALID, "rock")),
        replaceFirst(track("a", Split.TRAIN, "pop")),
        replaceFirst(track("a", Split.TRAIN)),
        replaceFirst(new Track("a", ROOT.resolve("a.ogg"), Split.TRAIN, TagSet.of(List.of("rock")))),
        tracks().subList(0, 3));

    for (List<Track> variant : variants) {
      assertThat(catalog(variant).fingerprint()).as(variant.toString()).isNotEqualTo(fingerprint);
    }
  }

  @Test
  void fingerprintChangesWithTheVocabularyOrder() {
    TagVocabulary reordered = TagVocabulary.of(List.of("jazz", "pop", "rock"));

    assertThat(Catalog.of("test", ROOT, ROOT, reordered, tracks()).fingerprint())
        .isNotEqualTo(catalog(tracks()).fingerprint());
  }

  @Test
  void relativeAudioPathUsesSlashesUnderTheRoot() {
    Catalog catalog = Catalog.of("test", ROOT, ROOT, VOCABULARY,
        List.of(new Track("x", ROOT.resolve("14/x.mp3"), Split.TRAIN, TagSet.empty()),
            new Track("y", Path.of("/other/y.mp3"), Split.TRAIN, TagSet.empty())));

    assertThat(catalog.relativeAudioPath(catalog.track("x").orElseThrow())).isEqualTo("14/x.mp3");
    assertThat(catalog.relativeAudioPath(catalog.track("y").orElseThrow())).isEqualTo("/other/y.mp3");
  }

  private static List<Track> replaceFirst(Track replacement) {
    List<Track> tracks = new ArrayList<>(tracks());
    tracks.set(0, replacement);
    return tracks;
  }
}
