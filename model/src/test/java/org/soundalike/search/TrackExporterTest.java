package org.soundalike.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.dataset.EmbeddedTrackJsonl;

@ExtendWith(RealElasticsearch.class)
class TrackExporterTest {

  private static final String ALIAS = "export-test";

  @TempDir Path dir;
  private EsConnection es;
  private TrackIndices indices;
  private TrackExporter exporter;

  @BeforeEach
  void setUp(EsConnection connection) {
    es = connection;
    indices = new TrackIndices(es);
    exporter = new TrackExporter(es);
  }

  @AfterEach
  void removeIndices() {
    for (TrackIndices.IndexInfo info : indices.list(ALIAS)) {
      indices.delete(info.name());
    }
  }

  private ExportReport export(Path input, String run, int maxRejects) throws IOException {
    ExportRequest request = ExportRequest.of(ALIAS, run, new Provenance(run, "{\"variant\":\"G\"}", "0.1.0+abc", Instant.parse("2026-11-26T10:00:00Z")))
        .withBatchSize(40).withMaxRejects(maxRejects);
    try (TrackJsonlSource source = new TrackJsonlSource(input)) {
      return exporter.export(source, request, sent -> {});
    }
  }

  @Test
  void anExportOf512DimensionalTracksSwitchesTheAliasOnceComplete() throws IOException {
    List<EmbeddedTrack> tracks = TestTracks.clustered(100, TrackIndexSchema.DEFAULT_DIMENSIONS, 1);
    Path input = TestTracks.writeJsonl(dir, "tracks.jsonl", tracks);

    ExportReport report = export(input, "Run 1", 0);

    assertThat(report.index()).isEqualTo("export-test-run-1");
    assertThat(report.read()).isEqualTo(100);
    assertThat(report.indexed()).isEqualTo(100);
    assertThat(report.rejects()).isEmpty();
    assertThat(report.aliasSwitched()).isTrue();
    assertThat(indices.aliasTargets(ALIAS)).containsExactly("export-test-run-1");
    assertThat(indices.dimensions(ALIAS)).isEqualTo(512);
    TrackIndices.IndexInfo info = indices.list(ALIAS).get(0);
    assertThat(info.meta()).containsEntry("run_id", "Run 1").containsEntry("code_version", "0.1.0+abc")
        .containsEntry("model_config", "{\"variant\":\"G\"}").containsEntry("export_complete", true)
        .containsEntry("index_options", "int8_hnsw+rescore×3");
  }

  @Test
  void reExportingTheSameRunOverwritesInsteadOfDuplicating() throws IOException {
    Path input = TestTracks.writeJsonl(dir, "tracks.jsonl", TestTracks.clustered(60, 512, 2));

    export(input, "same", 0);
    ExportReport again = export(input, "same", 0);

    assertThat(again.indexed()).isEqualTo(60);
    assertThat(indices.count(ALIAS)).isEqualTo(60);
    assertThat(indices.aliasTargets(ALIAS)).containsExactly(again.index());
    assertThat(again.previousIndices()).containsExactly("export-test-same");
  }

  @Test
  void reExportingTheServedRunBuildsANewIndexAndLeavesTheLiveOneUntouchedUntilTheNewOneIsCounted() throws IOException {
    Path input = TestTracks.writeJsonl(dir, "tracks.jsonl", TestTracks.clustered(60, 512, 2));
    ExportReport served = export(input, "served", 0);

    ExportRequest again = ExportRequest.of(ALIAS, "served", new Provenance("served", "", "", Instant.now())).withBatchSize(40);
    IndexBuild build = IndexBuild.begin(es, again, true);
    build.writer().write(List.of(new BulkWriter.Item(1, TrackDocument.of(TestTracks.clustered(1, 512, 9).get(0), again.provenance()))));

    assertThat(build.index()).isNotEqualTo(served.index()).startsWith("export-test-served-");
    assertThat(indices.aliasTargets(ALIAS)).containsExactly(served.index());
    assertThat(refreshInterval(served.index())).as("the live index keeps its refresh").isNotEqualTo("-1");
    assertThat(indices.count(ALIAS)).isEqualTo(60);

    IndexBuild.Outcome outcome = build.finish(1, 0);
    assertThat(outcome.previousIndices()).containsExactly(served.index());
    assertThat(indices.aliasTargets(ALIAS)).containsExactly(build.index());
    assertThat(indices.list(ALIAS)).filteredOn(i -> i.name().equals(served.index())).singleElement()
        .satisfies(old -> assertThat(old.meta()).containsEntry("superseded_by", build.index()));
  }

  @Test
  void pruneDeletesOnlyCompleteSupersededIndicesNeverAnExportInProgressOrAWatchedIndex() throws IOException {
    export(TestTracks.writeJsonl(dir, "a.jsonl", TestTracks.clustered(30, 512, 3)), "a", 0);
    export(TestTracks.writeJsonl(dir, "b.jsonl", TestTracks.clustered(30, 512, 4)), "b", 0);
    IndexBuild inProgress = IndexBuild.begin(es, ExportRequest.of(ALIAS, "c", new Provenance("c", "", "", Instant.now())), true);
    IndexBuild watched = IndexBuild.begin(es, ExportRequest.of(ALIAS, "d", new Provenance("d", "", "", Instant.now())).forWatch(), false);

    assertThat(indices.prune(ALIAS)).containsExactly("export-test-a");

    assertThat(indices.list(ALIAS)).extracting(TrackIndices.IndexInfo::name)
        .containsExactlyInAnyOrder("export-test-b", inProgress.index(), watched.index());
  }

  private String refreshInterval(String index) {
    return es.getJson("/" + index + "/_settings?include_defaults=true").path(index).path("settings").path("index")
        .path("refresh_interval").asText(
            es.getJson("/" + index + "/_settings?include_defaults=true").path(index).path("defaults").path("index")
                .path("refresh_interval").asText());
  }

  @Test
  void aNewRunMovesTheAliasAndKeepsThePreviousIndexUntilPruned() throws IOException {
    export(TestTracks.writeJsonl(dir, "a.jsonl", TestTracks.clustered(30, 512, 3)), "a", 0);

    ExportReport b = export(TestTracks.writeJsonl(dir, "b.jsonl", TestTracks.clustered(45, 512, 4)), "b", 0);

    assertThat(b.previousIndices()).containsExactly("export-test-a");
    assertThat(indices.aliasTargets(ALIAS)).containsExactly("export-test-b");
    assertThat(indices.count(ALIAS)).isEqualTo(45);
    assertThat(indices.list(ALIAS)).extracting(TrackIndices.IndexInfo::name).containsExactly("export-test-a", "export-test-b");

    assertThat(indices.prune(ALIAS)).containsExactly("export-test-a");
    assertThat(indices.list(ALIAS)).extracting(TrackIndices.IndexInfo::name).containsExactly("export-test-b");
  }

  @Test
  void malformedTracksAreRejectedWithTheirReasonAndKeepTheAliasWhereItWas() throws IOException {
    export(TestTracks.writeJsonl(dir, "good.jsonl", TestTracks.clustered(20, 512, 5)), "good", 0);
    List<EmbeddedTrack> tracks = new ArrayList<>(TestTracks.clustered(20, 512, 6));
    float[] notUnit = tracks.get(3).embedding().clone();
    for (int i = 0; i < notUnit.length; i++) {
      notUnit[i] *= 2;
    }
    tracks.set(3, new EmbeddedTrack("t003", List.of(), notUnit, Map.of()));
    tracks.add(new EmbeddedTrack("short", List.of(), new float[511], Map.of()));
    tracks.add(tracks.get(0));
    String nan = EmbeddedTrackJsonl.toLine(tracks.get(1)).replace("\"id\":\"t001\"", "\"id\":\"nan\"").replaceFirst("\"embedding\":\\[[-0-9.E]+", "\"embedding\":[NaN");
    Path input = TestTracks.writeJsonl(dir, "bad.jsonl", tracks, nan, "{not json");

    ExportReport report = export(input, "bad", 0);

    assertThat(report.read()).isEqualTo(24);
    assertThat(report.rejects()).extracting(Reject::line, Reject::trackId).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(4L, "t003"), org.assertj.core.groups.Tuple.tuple(21L, "short"),
        org.assertj.core.groups.Tuple.tuple(22L, "t000"), org.assertj.core.groups.Tuple.tuple(23L, "nan"),
        org.assertj.core.groups.Tuple.tuple(24L, null));
    assertThat(reason(report, 4)).contains("refused by Elasticsearch").contains("unit-length");
    assertThat(reason(report, 21)).contains("511 dimensions, the index expects 512");
    assertThat(reason(report, 22)).contains("duplicate track id (first seen on line 1)");
    assertThat(reason(report, 23)).isEqualTo("not valid JSON: Non-standard token 'NaN'");
    assertThat(reason(report, 24)).contains("not valid JSON");
    assertThat(report.indexed()).isEqualTo(19);
    assertThat(report.aliasSwitched()).isFalse();
    assertThat(indices.aliasTargets(ALIAS)).containsExactly("export-test-good");

    ExportReport tolerated = export(input, "bad", 5);
    assertThat(tolerated.aliasSwitched()).isTrue();
    assertThat(indices.aliasTargets(ALIAS)).containsExactly("export-test-bad");
  }

  private static String reason(ExportReport report, long line) {
    return report.rejects().stream().filter(r -> r.line() == line).findFirst().orElseThrow().reason();
  }

  @Test
  void anInterruptedBuildWithOtherDimensionsIsNotReused() {
    // An export of run "dims" with 512 dimensions that never finished.
    IndexBuild.begin(es, ExportRequest.of(ALIAS, "dims", new Provenance("dims", "", "", Instant.now())), true);
    ExportRequest request = ExportRequest.of(ALIAS, "dims", new Provenance("dims", "", "", Instant.now()))
        .withSchema(TrackIndexSchema.DEFAULT.withDimensions(64));

    assertThatThrownBy(() -> exporter.export(TrackSearchTest.lines(TestTracks.clustered(10, 64, 8)), request, sent -> {}))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("export-test-dims already exists with 512 dimensions, this export has 64");
  }
}
