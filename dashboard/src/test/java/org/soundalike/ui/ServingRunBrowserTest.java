package org.soundalike.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.search.ExportReport;
import org.soundalike.search.TrackSearch;
import org.soundalike.ui.audio.CatalogFixture;
import org.soundalike.ui.search.TestElasticsearch;
import org.soundalike.run.RunFolderException;
import org.soundalike.ui.service.UploadPolicy;

/**
 * The dashboard started with {@code --run RUN} and {@code --rejects FILE}, in headless Chromium:
 * uploads are embedded by that run's model and searched in a real Elasticsearch holding the same
 * run's embeddings of the catalog; two people uploading at once each get their own results; the
 * Runs page shows the run's provenance, the indexed track count and the rejects with reasons.
 */
class ServingRunBrowserTest {

  @TempDir static Path temp;
  static ServingRunFixture fixture;
  static Path ingestRejects;
  static TestElasticsearch es;
  static ExportReport export;
  static RunningDashboard dashboard;
  static RunningDashboard withoutElasticsearch;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    fixture = ServingRunFixture.create(temp);
    // The ingest pipeline's report (one line is garbage) and an export report in the run folder.
    ingestRejects = Files.write(temp.resolve("rejects.jsonl"), List.of(
        "{\"path\":\"/music/intro.mp3\",\"reason\":\"TOO_SHORT\",\"message\":\"/music/intro.mp3: 1.20 s is shorter than one 2.68 s excerpt\"}",
        "{\"path\":\"/music/copy.flac\",\"reason\":\"DUPLICATE\",\"message\":\"same audio\",\"duplicateOf\":\"/music/orig.flac\"}",
        "not json at all"));
    Files.write(fixture.run.resolve("tracks.jsonl.rejects.jsonl"), List.of(
        "{\"line\":13,\"id\":\"s99\",\"reason\":\"embedding has 3 dimensions, the index 128\"}"));
    es = TestElasticsearch.start();
    export = fixture.index(es.url());
    assertThat(export.indexed()).isEqualTo(fixture.catalog.size());
    dashboard = RunningDashboard.start(Optional.empty(), Optional.of(fixture.catalog.source()),
        Optional.of(fixture.run), Optional.of(ingestRejects), es.url(), UploadPolicy.defaults());
    withoutElasticsearch = RunningDashboard.start(Optional.empty(), Optional.of(fixture.catalog.source()),
        Optional.of(fixture.run), Optional.empty(), URI.create("http://127.0.0.1:" + RunningDashboard.freePort()),
        UploadPolicy.defaults());
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    browser.close();
    dashboard.close();
    withoutElasticsearch.close();
    es.close();
  }

  /** A copy of catalog track {@code id} under another name: what a curator uploading it would send. */
  private static Path copyOf(String id, String name) throws Exception {
    Path file = temp.resolve("uploads").resolve(name);
    Files.createDirectories(file.getParent());
    return Files.copy(fixture.audio(id), file, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The page's hits once the results for this upload show: [data-id, title] per hit. */
  @SuppressWarnings("unchecked")
  private static List<List<String>> resultsFor(Browser in, String fileName) {
    in.waitUntil("results for " + fileName, () -> in.driver().findElements(By.cssSelector("#query h3")).stream()
        .anyMatch(h -> h.getText().equals("Query: " + fileName))
        && !in.driver().findElements(By.cssSelector("#results .hit")).isEmpty());
    return (List<List<String>>) in.script("return Array.from(document.querySelectorAll('#results .hit')).map("
        + "h => [h.getAttribute('data-id'), h.querySelector('.hit-title').textContent]);");
  }

  /** The run's predicted tags for a catalog track as the page words them (most probable first). */
  private static String predicted(EmbeddedTrack track) {
    List<String> parts = new ArrayList<>();
    track.scores().entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(TrackSearch.PREDICTED_TAGS_SHOWN)
        .forEach(e -> parts.add(String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100 * e.getValue())));
    return String.join(", ", parts);
  }

  @Test
  void anUploadIsEmbeddedByTheRunAndFindsTheCatalogTrackItCopiesFirst() throws Exception {
    browser.open(dashboard.url("search"), "serving-run");
    assertThat(browser.driver().findElement(By.id("serving-run")).getText())
        .contains("run A-compact (variant A, config compact, 100 % labels, seed 7, best.bin)");
    assertThat(browser.driver().findElements(By.id("no-encoder"))).isEmpty();

    browser.upload("upload", copyOf("s09", "my-track.wav"));
    List<List<String>> hits = resultsFor(browser, "my-track.wav");

    // All twelve tracks are candidates (the upload is not in the index); the page shows ten.
    assertThat(hits).hasSize(10);
    assertThat(hits.get(0).get(0)).isEqualTo("s09");
    assertThat(hits.get(0).get(1)).isEqualTo("#1 s09 · score 1.000");
    List<Double> scores = hits.stream().map(h -> Double.parseDouble(h.get(1).replaceAll(".*score ", ""))).toList();
    assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    String query = browser.driver().findElement(By.id("query")).getText();
    assertThat(query).contains("3.2 s of audio · predicted: " + predicted(fixture.embedded.get("s09")));
    assertThat(browser.driver().findElement(By.id("query-audio")).getAttribute("src")).isNotEmpty();
    assertThat(browser.driver().findElement(By.cssSelector("#results .hit audio")).getAttribute("src"))
        .endsWith("/audio/s09");
    assertThat(browser.driver().findElements(By.id("search-error"))).isEmpty();
    browser.screenshot("search-upload-results");
  }

  @Test
  void twoPeopleUploadingAtOnceEachGetTheirOwnResults() throws Exception {
    Path first = copyOf("s08", "first.wav");
    Path second = copyOf("s11", "second.wav");
    try (Browser other = Browser.start()) {
      browser.open(dashboard.url("search"), "upload");
      other.open(dashboard.url("search"), "upload");
      // Both files are chosen before either page shows anything: the two searches overlap.
      browser.upload("upload", first);
      other.upload("upload", second);

      List<List<String>> mine = resultsFor(browser, "first.wav");
      List<List<String>> theirs = resultsFor(other, "second.wav");
      assertThat(mine.get(0).get(0)).isEqualTo("s08");
      assertThat(theirs.get(0).get(0)).isEqualTo("s11");
      assertThat(browser.driver().findElement(By.id("query")).getText()).doesNotContain("second.wav");
      assertThat(other.driver().findElement(By.id("query")).getText()).doesNotContain("first.wav");
      other.screenshot("search-two-users-second");
    }
  }

  @Test
  void anUnseenTrackGetsItsNearestCatalogTracksByTheRunsEmbedding() throws Exception {
    Path stranger = temp.resolve("uploads").resolve("stranger.wav");
    ServingRunFixture.writeStranger(stranger, 523.25);
    browser.open(dashboard.url("search"), "upload");
    browser.upload("upload", stranger);
    List<List<String>> hits = resultsFor(browser, "stranger.wav");

    Map.Entry<String, Double> nearest = fixture.nearest(fixture.embeddingOf(stranger));
    assertThat(hits).hasSize(10);
    assertThat(hits.get(0)).containsExactly(nearest.getKey(),
        String.format(Locale.ROOT, "#1 %s · score %.3f", nearest.getKey(), nearest.getValue()));
    assertThat(nearest.getValue()).isLessThan(0.9995);
    assertThat(hits).extracting(h -> h.get(0)).doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(fixture.embedded).containsKey(id));
  }

  @Test
  void theRunsPageShowsTheServingRunItsIndexAndTheRejectsWithReasons() throws Exception {
    browser.open(dashboard.url("runs"), "rejects-grid");
    assertThat(browser.driver().findElement(By.id("serving-run")).getText())
        .startsWith("run A-compact (variant A, config compact, 100 % labels, seed 7, best.bin), from ")
        .endsWith(fixture.run.toAbsolutePath().normalize().toString());
    assertThat(cells("serving-run-grid")).contains("A-compact", "catalog", fixture.catalog.fingerprint(), "compact",
        "A (none)", "100 %", "7", "1", "finished", "max epochs (1)", "dashboard-test", "best.bin");
    assertThat(browser.driver().findElement(By.id("indexed-summary")).getText())
        .isEqualTo("12 tracks indexed in " + export.index() + ", which serves search ('tracks' at " + es.url() + ").");

    assertThat(browser.driver().findElement(By.id("rejects-summary")).getText())
        .startsWith("3 tracks left out, from " + ingestRejects + ", ");
    assertThat(cells("rejects-grid")).contains(
        "ingest", "/music/intro.mp3", "TOO_SHORT", "/music/intro.mp3: 1.20 s is shorter than one 2.68 s excerpt",
        "/music/copy.flac", "DUPLICATE", "same audio; same content as /music/orig.flac",
        "export", "s99 (input line 13)", "embedding has 3 dimensions, the index 128");
    assertThat(browser.driver().findElement(By.id("rejects-problem")).getText())
        .startsWith(ingestRejects + " line 3: not a reject record ({\"path\" or \"id\", \"reason\"}): ");
    browser.screenshot("runs-serving");
    browser.script("document.getElementById('rejects-grid').scrollIntoView({block: 'center'})");
    browser.screenshot("runs-rejects");
  }

  @Test
  void withARunButElasticsearchDownAnUploadSaysSoAndTooShortStillRefuses() throws Exception {
    browser.open(withoutElasticsearch.url("search"), "upload");
    browser.upload("upload", copyOf("s01", "down.wav"));
    assertThat(errorText()).contains("Elasticsearch is not reachable");

    Path tooShort = temp.resolve("uploads").resolve("tiny.wav");
    CatalogFixture.writeTone(tooShort, 440, 2.0);
    browser.upload("upload", tooShort);
    browser.waitUntil("the too-short message", () -> errorText().startsWith("tiny.wav:"));
    assertThat(errorText()).isEqualTo("tiny.wav: 2.00 s is shorter than one 2.68 s excerpt, the least the model can embed");
    browser.open(withoutElasticsearch.url("runs"), "index-error");
    assertThat(browser.driver().findElement(By.id("serving-run")).getText()).contains("A-compact");
  }

  @Test
  void aRunFolderWithoutACheckpointStopsTheStartWithItsName() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("not-a-run"));
    assertThatThrownBy(() -> RunningDashboard.start(Optional.empty(), Optional.empty(), Optional.of(empty),
        Optional.empty(), es.url(), UploadPolicy.defaults()))
        .isInstanceOf(RunFolderException.class)
        .hasMessage("run folder " + empty + " holds no checkpoint (best.bin or checkpoint.bin)");
  }

  private static String errorText() {
    String[] text = new String[1];
    browser.waitUntil("an error message", () -> {
      text[0] = (String) browser.script("const e = document.getElementById('search-error'); return e ? e.textContent : '';");
      return !text[0].isEmpty();
    });
    return text[0];
  }

  private static List<String> cells(String gridId) {
    browser.waitUntil(gridId + " rendered", () -> !browser.driver()
        .findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).isEmpty());
    return browser.driver().findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
        .map(WebElement::getText).map(String::strip).toList();
  }
}
