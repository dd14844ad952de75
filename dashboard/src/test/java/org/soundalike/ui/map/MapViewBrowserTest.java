package org.soundalike.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.soundalike.ui.Browser;
import org.soundalike.ui.RunningDashboard;
import org.soundalike.ui.audio.CatalogFixture;
import org.soundalike.ui.service.RunResultFixture;

/**
 * The similarity map in headless Chromium, against a results.json and a catalog of WAV tones this
 * test writes; and the catalog audio endpoint the map's player streams from.
 */
class MapViewBrowserTest {

  @TempDir static Path temp;
  static Path catalog;
  static RunningDashboard dashboard;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    Path results = Files.createDirectories(temp.resolve("results"));
    RunResultFixture.write(results, "g-10pct-seed1");
    catalog = temp.resolve("catalog");
    CatalogFixture.write(catalog, RunResultFixture.TRACKS, RunResultFixture::id, RunResultFixture::tags);
    dashboard = RunningDashboard.start(Optional.of(results), Optional.of(catalog));
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    browser.close();
    dashboard.close();
  }

  private static void openMap() {
    browser.open(dashboard.url("map"), "map-chart");
    browser.waitFor(By.cssSelector("#map-chart soundalike-chart[rendered]"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theMapIsColouredByThePapersTwoContrastingTags() throws Exception {
    openMap();
    Map<String, Object> chart = (Map<String, Object>) browser.script("""
        const c = document.querySelector('#map-chart soundalike-chart').chart;
        return {labels: c.data.datasets.map(d => d.label), sizes: c.data.datasets.map(d => d.data.length),
                legend: c.legend.legendItems.map(i => i.text), title: c.options.plugins.title.text,
                xTitle: c.options.scales.x.title.text};""");
    assertThat(chart.get("labels")).isEqualTo(List.of("neither", "female vocal (not no vocal)",
        "no vocal (not female vocal)", "both"));
    assertThat(chart.get("sizes")).isEqualTo(List.of((long) RunResultFixture.NEITHER,
        (long) RunResultFixture.FEMALE_ONLY, (long) RunResultFixture.NO_VOCAL_ONLY, (long) RunResultFixture.BOTH));
    assertThat(chart.get("legend")).isEqualTo(chart.get("labels"));
    assertThat((String) chart.get("title")).contains("t-SNE", "variant G", "40 tracks");
    assertThat((String) chart.get("xTitle")).contains("t-SNE 1");
    browser.screenshot("map");
  }

  @Test
  @SuppressWarnings("unchecked")
  void hoveringAPointNamesTheTrackAndClickingPlaysItAndListsItsNeighbours() throws Exception {
    openMap();
    // Track t05 is the sixth point of the 'female vocal' group (dataset 1), at (10, 0) on the map.
    Map<String, Number> at = (Map<String, Number>) browser.script("""
        const c = document.querySelector('#map-chart soundalike-chart').chart;
        const p = c.getDatasetMeta(1).data[5];
        return {x: p.x, y: p.y, w: c.canvas.clientWidth, h: c.canvas.clientHeight};""");
    WebElement canvas = browser.driver().findElement(By.cssSelector("#map-chart canvas"));
    new Actions(browser.driver()).moveToElement(canvas,
        (int) Math.round(at.get("x").doubleValue() - at.get("w").doubleValue() / 2),
        (int) Math.round(at.get("y").doubleValue() - at.get("h").doubleValue() / 2)).perform();
    browser.waitUntil("tooltip shown", () -> (Boolean) browser.script(
        "const t = document.querySelector('#map-chart soundalike-chart').chart.tooltip;"
            + "return t.opacity > 0 && t.body.length > 0;"));
    String tooltip = (String) browser.script(
        "return document.querySelector('#map-chart soundalike-chart').chart.tooltip.body[0].lines[0];");
    assertThat(tooltip).isEqualTo("t05 — female vocal");
    browser.screenshot("map-hover");

    new Actions(browser.driver()).click().perform();
    assertThat(browser.waitFor(By.id("selected-track")).getText()).isEqualTo("t05");
    WebElement audio = browser.waitFor(By.id("selected-audio"));
    assertThat(audio.getAttribute("src")).endsWith("/audio/t05");
    // The player has fetched and decoded the one-second tone through the catalog endpoint.
    browser.waitUntil("audio loaded", () -> ((Number) browser.script(
        "const a = document.getElementById('selected-audio'); return isNaN(a.duration) ? 0 : a.duration;"))
        .doubleValue() > 0.9);
    List<String> neighbours = browser.driver().findElements(By.cssSelector("#neighbours li vaadin-button"))
        .stream().map(WebElement::getText).toList();
    assertThat(neighbours).hasSize(8);
    assertThat(neighbours.subList(0, 3)).containsExactlyInAnyOrder("t04", "t06", "t13");
    browser.screenshot("map-track");
  }

  @Test
  void theRunsPageListsEachEvaluatedRunWithItsProvenanceAndTheCatalog() throws Exception {
    browser.open(dashboard.url("runs"), "runs-grid");
    assertThat(browser.waitFor(By.id("catalog-summary")).getText())
        .contains("generic catalog", RunResultFixture.TRACKS + " tracks");
    browser.waitUntil("grid rows rendered", () -> browser.driver()
        .findElements(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='g-10pct-seed1']")).size() == 1);
    List<String> cells = browser.driver().findElements(By.cssSelector("#runs-grid vaadin-grid-cell-content"))
        .stream().map(WebElement::getText).map(String::strip).toList();
    assertThat(cells).contains("Variant", "G", "c+p", "10 %", "abc1234567", "40 / 25", "another catalog");
    browser.screenshot("runs");
  }

  @Test
  void catalogAudioIsStreamedWithRangeRequestsAndNothingElseIsServed() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    byte[] file = Files.readAllBytes(catalog.resolve("t01.wav"));

    HttpResponse<byte[]> partial = http.send(HttpRequest.newBuilder(URI.create(dashboard.url("audio/t01")))
        .header("Range", "bytes=0-99").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(partial.statusCode()).isEqualTo(206);
    assertThat(partial.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + file.length);
    assertThat(partial.headers().firstValue("Content-Type")).hasValue("audio/wav");
    assertThat(partial.body()).isEqualTo(Arrays.copyOfRange(file, 0, 100));

    HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(URI.create(dashboard.url("audio/t01"))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    assertThat(whole.body()).isEqualTo(file);

    HttpResponse<Void> outside = http.send(HttpRequest.newBuilder(URI.create(dashboard.url("audio/t01")))
        .header("Range", "bytes=" + file.length + "-").build(), HttpResponse.BodyHandlers.discarding());
    assertThat(outside.statusCode()).isEqualTo(416);

    for (String path : List.of("audio/tracks", "audio/..%2Ftracks.csv", "audio/%2Fetc%2Fpasswd",
        "audio/t01.wav", "audio/nope")) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(dashboard.url(path))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isIn(400, 404);
      assertThat(response.body()).as(path).doesNotContain("path,split,tags", "root:");
    }
  }
}
