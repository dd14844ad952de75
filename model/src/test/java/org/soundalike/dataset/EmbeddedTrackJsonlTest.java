package org.soundalike.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedTrackJsonlTest {

  @TempDir Path dir;

  private static final EmbeddedTrack FIRST = new EmbeddedTrack("track_0000241", List.of("genre---rock", "instrument---guitar"),
      new float[] {0.6f, -0.8f, 0f, 1e-7f}, Map.of("genre---rock", 0.93, "instrument---guitar", 0.41));
  private static final EmbeddedTrack UNTAGGED = new EmbeddedTrack("35", List.of(), new float[] {1f}, Map.of());

  @Test
  void writeThenReadGivesTheSameTracks() throws IOException {
    Path file = dir.resolve("embeddings.jsonl");

    EmbeddedTrackJsonl.write(file, List.of(FIRST, UNTAGGED));
    List<EmbeddedTrack> read = EmbeddedTrackJsonl.read(file);

    assertThat(read).hasSize(2);
    for (int i = 0; i < 2; i++) {
      EmbeddedTrack expected = List.of(FIRST, UNTAGGED).get(i);
      assertThat(read.get(i).id()).isEqualTo(expected.id());
      assertThat(read.get(i).tags()).isEqualTo(expected.tags());
      assertThat(read.get(i).embedding()).containsExactly(expected.embedding());
      assertThat(read.get(i).scores()).isEqualTo(expected.scores());
    }
  }

  @Test
  void blankLinesAreSkipped() throws IOException {
    Path file = dir.resolve("embeddings.jsonl");
    Files.writeString(file, "\n" + EmbeddedTrackJsonl.toLine(UNTAGGED) + "\n\n");

    assertThat(EmbeddedTrackJsonl.read(file)).extracting(EmbeddedTrack::id).containsExactly("35");
  }

  @Test
  void aMalformedLineNamesFileAndLineNumber() throws IOException {
    Path file = dir.resolve("embeddings.jsonl");
    Files.writeString(file, EmbeddedTrackJsonl.toLine(FIRST) + "\n" + "{\"id\": \"x\", \"embedding\": [1, \n");

    assertThatThrownBy(() -> EmbeddedTrackJsonl.read(file))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith(file + " line 2: ");
  }

  @Test
  void aMissingEmbeddingNamesTheTrack() throws IOException {
    Path file = dir.resolve("embeddings.jsonl");
    Files.writeString(file, "{\"id\": \"x\", \"tags\": []}\n");

    assertThatThrownBy(() -> EmbeddedTrackJsonl.read(file))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(file + " line 1")
        .hasMessageContaining("'embedding'")
        .hasMessageContaining("track x");
  }

  @Test
  void aNonNumericScoreIsRejected() throws IOException {
    Path file = dir.resolve("embeddings.jsonl");
    Files.writeString(file, "{\"id\": \"x\", \"embedding\": [1], \"scores\": {\"rock\": \"high\"}}\n");

    assertThatThrownBy(() -> EmbeddedTrackJsonl.read(file))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("score of 'rock'");
  }

  @Test
  void pathTitleAndSecondsRoundTripAndStayOptional() throws IOException {
    Path file = dir.resolve("embeddings.jsonl");
    EmbeddedTrack described = UNTAGGED.withAudio("/music/35.flac", "35", 31.5);

    EmbeddedTrackJsonl.write(file, List.of(described, FIRST));
    List<EmbeddedTrack> read = EmbeddedTrackJsonl.read(file);

    assertThat(read.get(0).path()).isEqualTo("/music/35.flac");
    assertThat(read.get(0).title()).isEqualTo("35");
    assertThat(read.get(0).seconds()).isEqualTo(31.5);
    assertThat(read.get(1).path()).isNull();
    assertThat(read.get(1).title()).isNull();
    assertThat(read.get(1).seconds()).isNull();
    assertThat(Files.readAllLines(file).get(1)).doesNotContain("\"path\"").doesNotContain("\"seconds\"");
  }

  @Test
  void aNegativeDurationNamesTheTrack() throws IOException {
    Path file = dir.resolve("embeddings.jsonl");
    Files.writeString(file, "{\"id\": \"x\", \"embedding\": [1], \"seconds\": -2}\n");

    assertThatThrownBy(() -> EmbeddedTrackJsonl.read(file))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("'seconds'").hasMessageContaining("track x");
  }

  @Test
  void segmentsRoundTripAndStayOptional() throws IOException {
    Path file = dir.resolve("embeddings.jsonl");
    EmbeddedTrack segmented = FIRST.withSegments(List.of(new TrackSegment(0, new float[] {1, 0, 0, 0}),
        new TrackSegment(5.356, new float[] {0, 1, 0, 0})));

    EmbeddedTrackJsonl.write(file, List.of(segmented, UNTAGGED));
    List<EmbeddedTrack> read = EmbeddedTrackJsonl.read(file);

    assertThat(read.get(0).segments()).hasSize(2);
    assertThat(read.get(0).segments().get(1).at()).isEqualTo(5.356);
    assertThat(read.get(0).segments().get(1).embedding()).containsExactly(0f, 1f, 0f, 0f);
    assertThat(read.get(1).segments()).isEmpty();
    assertThat(Files.readAllLines(file).get(1)).doesNotContain("segments");
  }

  @Test
  void aSegmentWithoutAStartNamesTheTrack() throws IOException {
    Path file = dir.resolve("embeddings.jsonl");
    Files.writeString(file, "{\"id\": \"x\", \"embedding\": [1], \"segments\": [{\"embedding\": [1]}]}\n");

    assertThatThrownBy(() -> EmbeddedTrackJsonl.read(file))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("'segments'[0].at").hasMessageContaining("track x");
  }
}
