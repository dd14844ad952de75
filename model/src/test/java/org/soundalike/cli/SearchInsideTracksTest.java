package org.soundalike.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.audio.AudioSpec;
import org.soundalike.audio.AudioWriter;
import org.soundalike.audio.MusicLikeSignal;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.dataset.EmbeddedTrackJsonl;
import org.soundalike.encode.SegmentWindows;
import org.soundalike.search.EsConnection;
import org.soundalike.search.EsTestServer;
import org.soundalike.search.RealElasticsearch;
import org.soundalike.search.TrackIndices;

/**
 * Search inside tracks, end to end through the commands: {@code embed} writes each track's
 * segments, {@code index} nests them under the track, {@code search --like-file} with a clip cut
 * from a known offset of a generated track finds that track first and says where (at), and a
 * re-export leaves no orphaned segments.
 */
@ExtendWith(RealElasticsearch.class)
class SearchInsideTracksTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** 14 excerpts (37.5 s): segments start at excerpts 0, 2, ..., 10. */
  private static final int TRACK_EXCERPTS = 14;
  /** The clip starts at excerpt 6 (16.07 s), on the segment grid, and is one window long. */
  private static final int CLIP_FROM_EXCERPT = 6;

  @TempDir static Path dir;
  static TinyTrainedRun tiny;
  static String esUrl;
  static List<Path> tracks = new ArrayList<>();
  static Path clip;
  static Path tracksJsonl;

  @BeforeAll
  static void indexGeneratedTracks(EsTestServer server) throws Exception {
    esUrl = server.url().toString();
    tiny = TinyTrainedRun.create(dir);
    float[] source = null;
    for (int i = 0; i < 4; i++) {
      // Written at the model's own rate, so the clip's samples are exactly the track's.
      float[] pcm = new MusicLikeSignal(AudioSpec.SAMPLE_RATE, 40 + i).next(TRACK_EXCERPTS * AudioSpec.EXCERPT_SAMPLES)[0];
      Path file = dir.resolve("long" + i + ".wav");
      AudioWriter.write(file, AudioSpec.SAMPLE_RATE, pcm);
      tracks.add(file);
      source = i == 2 ? pcm : source;
    }
    int from = CLIP_FROM_EXCERPT * AudioSpec.EXCERPT_SAMPLES;
    clip = dir.resolve("clip.wav");
    AudioWriter.write(clip, AudioSpec.SAMPLE_RATE,
        Arrays.copyOfRange(source, from, from + SegmentWindows.DEFAULT.excerpts() * AudioSpec.EXCERPT_SAMPLES));
    List<String> args = new ArrayList<>(List.of("embed", "--run", tiny.run().toString()));
    tracks.forEach(t -> args.add(t.toString()));
    CliRun embedded = CliRun.of(args.toArray(String[]::new));
    assertThat(embedded.code()).as(embedded.err()).isZero();
    tracksJsonl = Files.writeString(dir.resolve("tracks.jsonl"), embedded.out());
    assertThat(index("r1").code()).isZero();
  }

  private static CliRun index(String run) {
    CliRun indexed = CliRun.of("index", "--input", tracksJsonl.toString(), "--index", "inside", "--run", run,
        "--dims", String.valueOf(TinyTrainedRun.DIMENSIONS), "--index-type", "hnsw", "--rescore-oversample", "0",
        "--es-url", esUrl);
    assertThat(indexed.code()).as(indexed.err()).isZero();
    return indexed;
  }

  @Test
  void embedWritesEachTracksSegmentsWithTheirStarts() throws Exception {
    EmbeddedTrack first = EmbeddedTrackJsonl.read(tracksJsonl).get(0);

    // Starts 0, 2, ..., 10 excerpts: windows of 4 every 2 over 14 excerpts.
    assertThat(first.segments()).hasSize(6);
    assertThat(first.segments().get(3).at()).isCloseTo(6 * AudioSpec.excerptSeconds(), within(1e-9));
    assertThat(first.segments().get(0).embedding()).hasSize(TinyTrainedRun.DIMENSIONS);
  }

  @Test
  void aClipFindsItsTrackFirstAndWhereItStarts() throws Exception {
    CliRun found = CliRun.of("search", "--index", "inside", "--like-file", clip.toString(), "--run", tiny.run().toString(),
        "--k", "4", "--es-url", esUrl);

    assertThat(found.code()).as(found.err()).isZero();
    List<JsonNode> hits = lines(found.out());
    JsonNode first = hits.get(0);
    assertThat(first.get("id").asText()).isEqualTo(tracks.get(2).toString());
    double offset = CLIP_FROM_EXCERPT * AudioSpec.excerptSeconds();
    assertThat(first.get("at").asDouble()).isCloseTo(offset, within(SegmentWindows.DEFAULT.windowSeconds()));
    assertThat(first.get("segmentScore").asDouble()).isGreaterThan(0.9999);
    assertThat(first.has("shared")).isTrue();
    assertThat(hits).allSatisfy(h -> assertThat(h.has("at")).isTrue());
  }

  @Test
  void likeIdComparesWholeTracksUnlessAskedForSegments() throws Exception {
    String id = tracks.get(1).toString();
    CliRun whole = CliRun.of("search", "--index", "inside", "--like-id", id, "--k", "2", "--es-url", esUrl);
    CliRun bySegments = CliRun.of("search", "--index", "inside", "--like-id", id, "--match", "segments",
        "--run", tiny.run().toString(), "--k", "2", "--es-url", esUrl);

    assertThat(whole.code()).as(whole.err()).isZero();
    assertThat(lines(whole.out())).allSatisfy(h -> assertThat(h.has("at")).isFalse());
    assertThat(bySegments.code()).as(bySegments.err()).isZero();
    assertThat(lines(bySegments.out())).hasSize(2)
        .allSatisfy(h -> assertThat(h.get("id").asText()).isNotEqualTo(id))
        .allSatisfy(h -> assertThat(h.has("at")).isTrue());
  }

  @Test
  void aReExportLeavesNoOrphanedSegments() throws Exception {
    // The same tracks again, the first now with a single segment: its other five must go.
    List<EmbeddedTrack> lines = new ArrayList<>(EmbeddedTrackJsonl.read(tracksJsonl));
    lines.set(0, lines.get(0).withSegments(lines.get(0).segments().subList(0, 1)));
    Path shorter = dir.resolve("shorter.jsonl");
    EmbeddedTrackJsonl.write(shorter, lines);
    CliRun full = CliRun.of("index", "--input", tracksJsonl.toString(), "--index", "orphans", "--run", "x",
        "--dims", String.valueOf(TinyTrainedRun.DIMENSIONS), "--es-url", esUrl);
    assertThat(full.code()).as(full.err()).isZero();
    CliRun back = CliRun.of("index", "--input", shorter.toString(), "--index", "orphans", "--run", "x",
        "--dims", String.valueOf(TinyTrainedRun.DIMENSIONS), "--es-url", esUrl);
    assertThat(back.code()).as(back.err()).isZero();

    // The re-export of a served run builds a new index; what the alias serves afterwards holds
    // live Lucene documents = tracks + their nested segments: 4 tracks, 1 + 3 × 6 segments.
    try (EsConnection connection = EsConnection.open(java.net.URI.create(esUrl))) {
      List<String> served = new TrackIndices(connection).aliasTargets("orphans");
      assertThat(served).hasSize(1);
      String index = served.get(0);
      long documents = connection.client().indices().stats(s -> s.index(index)).indices().get(index)
          .primaries().docs().count();
      assertThat(documents).isEqualTo(4 + 1 + 3 * 6);
    }
  }

  private static List<JsonNode> lines(String out) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.strip().split("\n")) {
      if (!line.isBlank()) {
        nodes.add(JSON.readTree(line));
      }
    }
    return nodes;
  }
}
