package org.soundalike.pipeline.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.cli.TinyTrainedRun;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.pipeline.ingest.ManifestEntry;
import org.soundalike.pipeline.runner.JsonLines;
import org.soundalike.search.BulkWriter;
import org.soundalike.search.EsConnection;
import org.soundalike.search.EsTestServer;
import org.soundalike.search.ExportRequest;
import org.soundalike.search.IndexBuild;
import org.soundalike.search.Provenance;
import org.soundalike.search.RealElasticsearch;
import org.soundalike.search.SimilarHit;
import org.soundalike.search.SimilarityQuery;
import org.soundalike.search.TrackDocument;
import org.soundalike.search.TrackIndexSchema;
import org.soundalike.search.TrackIndices;
import org.soundalike.search.TrackSearch;

/** The export pipeline on an embedded Flink against a real Elasticsearch, with a tiny trained run. */
@ExtendWith(RealElasticsearch.class)
class ExportPipelineTest {

  @TempDir static Path dir;
  static TinyTrainedRun tiny;
  static ExportRun run;

  @BeforeAll
  static void trainTinyRun() throws Exception {
    tiny = TinyTrainedRun.create(dir);
    run = ExportRun.of(tiny.run());
  }

  private static ExportOptions options(EsTestServer server, String alias, String... input) {
    List<String> args = new ArrayList<>(List.of("--run=" + tiny.run(), "--esUrl=" + server.url(), "--index=" + alias,
        "--batchSize=3", "--out=" + dir.resolve(alias + "-out"), "--flinkMaster=[local]", "--parallelism=2"));
    args.addAll(List.of(input));
    ExportOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).withValidation().as(ExportOptions.class);
    options.setRunner(FlinkRunner.class);
    return options;
  }

  @Test
  void aCatalogIsEmbeddedAndIndexedWithEveryTrackAccountedFor(EsTestServer server, EsConnection es) {
    ExportOptions options = options(server, "catalog", "--catalog=" + tiny.corpus(), "--maxRejects=1");

    ExportPipeline.Result result = ExportPipeline.run(options);

    String index = TrackIndices.versionedIndex("catalog", run.runId());
    assertThat(result.pipeline().state()).isEqualTo(PipelineResult.State.DONE);
    assertThat(result.index()).isEqualTo(index);
    assertThat(result.tracks()).isEqualTo(11);
    List<ExportReject> rejects = JsonLines.read(result.rejectsFile(), ExportReject.class);
    assertThat(rejects).singleElement().satisfies(r -> {
      assertThat(r.id()).isEqualTo("train/short");
      assertThat(r.reason()).isEqualTo(ExportReject.NOT_EMBEDDED);
      assertThat(r.message()).contains("short.wav").contains("shorter than one");
    });
    TrackIndices indices = new TrackIndices(es);
    assertThat(indices.count(index)).isEqualTo(10);
    assertThat(result.outcome().documents()).isEqualTo(10);
    assertThat(result.pipeline().counter(ExportEmbeddings.TRACKS_INDEXED)).isEqualTo(10);
    assertThat(result.pipeline().counter(ExportEmbeddings.TRACKS_REJECTED)).isEqualTo(1);
    assertThat(result.outcome().aliasSwitched()).isTrue();
    assertThat(indices.aliasTargets("catalog")).containsExactly(index);

    List<SimilarHit> hits = new TrackSearch(es, "catalog").moreLikeThis("test/t8", SimilarityQuery.top(9)).hits();
    assertThat(hits).hasSize(9).extracting(SimilarHit::id).doesNotContain("test/t8", "train/short");
    SimilarHit t0 = hits.stream().filter(h -> h.id().equals("train/t0")).findFirst().orElseThrow();
    assertThat(t0.title()).isEqualTo("t0");
    assertThat(t0.path()).isEqualTo(tiny.audio("train/t0").toAbsolutePath().normalize().toString());
    assertThat(t0.durationSeconds()).isBetween(3.19, 3.21);
    assertThat(t0.tags()).containsExactly("high", "noisy");
    // Each track's segments are nested under it: 3.2 s is one excerpt, so one segment at 0 s.
    JsonNode segments = es.getJson("/" + index + "/_doc/train%2Ft0").path("_source").path("segments");
    assertThat(segments.size()).isEqualTo(1);
    assertThat(segments.path(0).path("at").isNumber()).isTrue();
    assertThat(segments.path(0).path("at").asDouble()).isZero();
  }

  @Test
  void aRerunAfterAKilledExportHasNoDuplicatesAndTheAliasNeverPointsAtAHalfBuiltIndex(EsTestServer server, EsConnection es)
      throws Exception {
    String alias = "rerun";
    TrackIndices indices = new TrackIndices(es);
    // The live index of an earlier run.
    ExportRequest old = ExportRequest.of(alias, "old", new Provenance("old", "", "", Instant.now()))
        .withSchema(TrackIndexSchema.DEFAULT.withDimensions(TinyTrainedRun.DIMENSIONS));
    IndexBuild previous = IndexBuild.begin(es, old, true);
    previous.writer().write(List.of(item("old-1", new float[] {1, 0, 0, 0})));
    previous.finish(1, 0);
    // A killed export of this run: its index exists with part of the tracks, the alias never moved.
    ExportRequest killed = ExportRequest.of(alias, run.runId(), run.provenance())
        .withSchema(TrackIndexSchema.DEFAULT.withDimensions(TinyTrainedRun.DIMENSIONS));
    IndexBuild partial = IndexBuild.begin(es, killed, true);
    partial.writer().write(List.of(item("train/t0", new float[] {0, 1, 0, 0}), item("train/t1", new float[] {0, 0, 1, 0})));
    String index = partial.index();
    assertThat(indices.aliasTargets(alias)).containsExactly(TrackIndices.versionedIndex(alias, "old"));

    Path manifest = manifest(List.of("train/t0", "train/t1", "train/t2", "valid/t6", "test/t8"));

    // A rerun with a bad file and no reject allowed: complete, counted, but the alias stays.
    ExportPipeline.Result strict = ExportPipeline.run(options(server, alias, "--manifest=" + manifest));
    assertThat(strict.rejected()).isEqualTo(1);
    assertThat(strict.outcome().documents()).isEqualTo(5);
    assertThat(strict.outcome().aliasSwitched()).isFalse();
    assertThat(indices.aliasTargets(alias)).containsExactly(TrackIndices.versionedIndex(alias, "old"));
    ExportReject notes = JsonLines.read(strict.rejectsFile(), ExportReject.class).get(0);
    assertThat(notes.id()).isEqualTo("notes");
    assertThat(notes.path()).endsWith("notes.wav");
    assertThat(notes.reason()).isEqualTo(ExportReject.NOT_EMBEDDED);

    // Rerun again, one reject allowed: same index, still no duplicates, and now the alias moves.
    ExportPipeline.Result lenient = ExportPipeline.run(options(server, alias, "--manifest=" + manifest, "--maxRejects=1"));
    assertThat(lenient.index()).isEqualTo(index);
    assertThat(indices.count(index)).isEqualTo(5);
    assertThat(lenient.outcome().aliasSwitched()).isTrue();
    assertThat(lenient.outcome().previousIndices()).containsExactly(TrackIndices.versionedIndex(alias, "old"));
    assertThat(indices.aliasTargets(alias)).containsExactly(index);
    // The stale vector of the killed export was overwritten by the real embedding.
    float[] t0 = new TrackSearch(es, alias).track("train/t0").embedding();
    assertThat(t0).isNotEqualTo(new float[] {0, 1, 0, 0});
  }

  private static BulkWriter.Item item(String id, float[] vector) {
    return new BulkWriter.Item(0, TrackDocument.of(new EmbeddedTrack(id, List.of(), vector, Map.of()),
        new Provenance("test", "", "", Instant.now())));
  }

  /** An ingest manifest of catalog tracks plus one text file posing as audio. */
  private static Path manifest(List<String> ids) throws Exception {
    List<String> lines = new ArrayList<>();
    for (String id : ids) {
      lines.add(JsonLines.toJson(new ManifestEntry(id, tiny.audio(id).toAbsolutePath().toString(), 3.2, 70_560, 1,
          "0".repeat(64), List.of(), id.substring(0, id.indexOf('/')))));
    }
    Path notes = Files.writeString(dir.resolve("notes.wav"), "liner notes, not audio\n".repeat(200));
    lines.add(JsonLines.toJson(new ManifestEntry("notes", notes.toString(), 3.2, 70_560, 1, "1".repeat(64), List.of(), null)));
    Path manifest = dir.resolve("manifest-" + ids.size() + ".jsonl");
    Files.write(manifest, lines);
    return manifest;
  }
}
