package org.soundalike.pipeline.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.cli.TinyTrainedRun;
import org.soundalike.encode.TrackEncoder;
import org.soundalike.pipeline.export.ExportReject;
import org.soundalike.pipeline.runner.JsonLines;
import org.soundalike.search.AudioFileEmbedder;
import org.soundalike.search.EsConnection;
import org.soundalike.search.EsTestServer;
import org.soundalike.search.QueryTrack;
import org.soundalike.search.RealElasticsearch;
import org.soundalike.search.SimilarHit;
import org.soundalike.search.SimilarityQuery;
import org.soundalike.search.TrackIndices;
import org.soundalike.search.TrackSearch;

/** The streaming watch pipeline on an embedded Flink against a real Elasticsearch. */
@ExtendWith(RealElasticsearch.class)
class WatchPipelineTest {

  private static final String ALIAS = "watched";

  @TempDir static Path dir;
  static TinyTrainedRun tiny;

  @BeforeAll
  static void trainTinyRun() throws Exception {
    tiny = TinyTrainedRun.create(dir);
  }

  private static WatchPipeline.Watching start(EsTestServer server, Path input) {
    WatchOptions options = PipelineOptionsFactory.fromArgs("--input=" + input, "--run=" + tiny.run(),
        "--esUrl=" + server.url(), "--index=" + ALIAS, "--out=" + dir.resolve("watch-out"), "--pollSeconds=1",
        "--flinkMaster=[local]", "--parallelism=1", "--attachedMode=false").withValidation().as(WatchOptions.class);
    options.setRunner(FlinkRunner.class);
    return WatchPipeline.start(options);
  }

  /** Copies a file in the way the docs ask for: written elsewhere, then moved into the folder. */
  private static void drop(Path source, Path folder, String name) throws Exception {
    Path staged = dir.resolve("staging-" + name);
    Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
    Files.move(staged, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void droppedFilesBecomeSearchableOrRejectedAndARestartIndexesOnlyNewFiles(EsTestServer server, EsConnection es)
      throws Exception {
    Path input = Files.createDirectories(dir.resolve("inbox"));
    Path rejects = dir.resolve("watch-out").resolve(WatchPipeline.REJECTS_FILE);
    TrackSearch search = new TrackSearch(es, ALIAS);

    WatchPipeline.Watching first = start(server, input);
    try {
      drop(tiny.audio("train/t0"), input, "good.wav");
      drop(Files.writeString(dir.resolve("notes.txt"), "not audio, only text\n".repeat(300)), input, "bad.wav");

      waitFor(() -> searchable(es, first.index(), "good.wav") && Files.exists(rejects) && lines(rejects).size() == 1);
    } finally {
      first.pipeline().cancel();
    }

    assertThat(lines(rejects)).hasSize(1);
    assertThat(new TrackIndices(es).aliasTargets(ALIAS)).containsExactly(first.index());
    List<SimilarHit> hits = search.searchByVector(search.track("good.wav"), SimilarityQuery.top(5)).hits();
    assertThat(hits).isEmpty();
    assertThat(version(es, first.index(), "good.wav")).isEqualTo(1);
    WatchReject bad = JsonLines.read(rejects, WatchReject.class).get(0);
    assertThat(bad.id()).isEqualTo("bad.wav");
    assertThat(bad.reason()).isEqualTo(ExportReject.NOT_EMBEDDED);
    assertThat(bad.message()).contains(input.resolve("bad.wav").toString());

    drop(tiny.audio("test/t8"), input, "later.wav");
    WatchPipeline.Watching second = start(server, input);
    try {
      waitFor(() -> searchable(es, second.index(), "later.wav"));
    } finally {
      second.pipeline().cancel();
    }

    assertThat(second.index()).isEqualTo(first.index());
    assertThat(version(es, second.index(), "good.wav")).as("good.wav indexed again after the restart").isEqualTo(1);
    assertThat(lines(rejects)).as("bad.wav refused again after the restart").hasSize(1);
    assertThat(new TrackIndices(es).count(second.index())).isEqualTo(2);
    assertThat(search.moreLikeThis("later.wav", SimilarityQuery.top(5)).hits()).extracting(SimilarHit::id)
        .containsExactly("good.wav");

    // The watch indexes segments too: the file's own segments find it, starting at 0 s.
    assertThat(es.getJson("/" + second.index() + "/_doc/later.wav").path("_source").path("segments").size()).isEqualTo(1);
    QueryTrack clip;
    try (TrackEncoder encoder = TrackEncoder.load(tiny.run(), 1)) {
      clip = QueryTrack.ofUploadedFile(new AudioFileEmbedder(encoder).embed("clip", List.of(), tiny.audio("test/t8")));
    }
    SimilarHit found = search.searchBySegments(clip, SimilarityQuery.top(1)).hits().get(0);
    assertThat(found.id()).isEqualTo("later.wav");
    assertThat(found.at()).isZero();
    assertThat(found.segmentScore()).isGreaterThan(0.9999);
  }

  /** Whether a search finds the document (a GET would see it before the refresh that makes it searchable). */
  private static boolean searchable(EsConnection es, String index, String id) {
    return es.call("count", () -> es.client().count(c -> c.index(index).query(q -> q.ids(i -> i.values(id)))).count()) == 1;
  }

  private static long version(EsConnection es, String index, String id) {
    return es.getJson("/" + index + "/_doc/" + id).path("_version").asLong();
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Polls until the pipeline has done its work; fails the test after two minutes. */
  private static void waitFor(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("the watch pipeline did not get there within two minutes").isLessThan(deadline);
      Thread.sleep(250);
    }
  }
}
