package org.soundalike.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.soundalike.search.ExportReport;
import org.soundalike.ui.Browser;
import org.soundalike.ui.RunningDashboard;
import org.soundalike.ui.audio.CatalogFixture;
import org.soundalike.ui.service.UploadPolicy;

/**
 * The Search view in headless Chromium against a real Elasticsearch holding a small indexed
 * corpus, with a catalog of WAV tones for the players; and each bad input's message.
 */
class SearchViewBrowserTest {

  /** Small, so that the test's oversized file stays small too. */
  static final UploadPolicy UPLOADS = new UploadPolicy(1024 * 1024, UploadPolicy.DEFAULT_MAX_SECONDS);

  @TempDir static Path temp;
  static Path catalog;
  static TestElasticsearch es;
  static RunningDashboard dashboard;
  static RunningDashboard withoutElasticsearch;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    es = TestElasticsearch.start();
    ExportReport report = SearchFixture.index(es.url());
    assertThat(report.indexed()).isEqualTo(SearchFixture.TRACKS);
    catalog = temp.resolve("catalog");
    CatalogFixture.write(catalog, SearchFixture.TRACKS, SearchFixture::id, SearchFixture::tags);
    dashboard = RunningDashboard.start(Optional.empty(), Optional.of(catalog), es.url(), UPLOADS);
    withoutElasticsearch = RunningDashboard.start(Optional.empty(), Optional.of(catalog));
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    browser.close();
    dashboard.close();
    withoutElasticsearch.close();
    es.close();
  }

  private static void searchLike(String id) {
    WebElement field = browser.waitFor(By.cssSelector("#track-id input"));
    field.clear();
    field.sendKeys(id);
    browser.driver().findElement(By.id("find-by-id")).click();
  }

  private static List<WebElement> hitsFor(String queryId) {
    browser.waitUntil("results for " + queryId, () -> browser.driver().findElements(By.cssSelector("#query h3"))
        .stream().anyMatch(h -> h.getText().equals("Query: " + queryId)));
    return browser.driver().findElements(By.cssSelector("#results .hit"));
  }

  @Test
  void moreLikeThisListsRankedLookAlikesWithTagsReasonsAndPlayers() throws Exception {
    browser.open(dashboard.url("search"), "track-id");
    searchLike("t00");
    List<WebElement> hits = hitsFor("t00");

    assertThat(hits).hasSize(10);
    for (int rank = 1; rank <= hits.size(); rank++) {
      WebElement hit = hits.get(rank - 1);
      String id = hit.getAttribute("data-id");
      // t00 is rock; its cluster holds 11 other rock tracks, all closer than any other.
      assertThat(Integer.parseInt(id.substring(1)) % 3).as(id).isZero();
      assertThat(hit.findElement(By.className("hit-title")).getText()).startsWith("#" + rank + " " + id + " · score 0.");
      assertThat(hit.getText()).contains("Tags: rock", "predicted: rock 90 %");
      assertThat(hit.findElement(By.className("hit-why")).getText()).contains("shares the tags rock", "both predicted rock");
      assertThat(hit.findElement(By.tagName("audio")).getAttribute("src")).endsWith("/audio/" + id);
    }
    assertThat(hits).extracting(h -> h.getAttribute("data-id")).doesNotContain("t00");
    assertThat(browser.driver().findElement(By.id("query")).getText()).contains("Tags: rock, vocal");

    browser.script("const a = document.querySelector('#results .hit audio'); a.preload = 'auto'; a.load();");
    browser.waitUntil("first result's audio loaded", () -> ((Number) browser.script(
        "const a = document.querySelector('#results .hit audio'); return isNaN(a.duration) ? 0 : a.duration;"))
        .doubleValue() > 0.9);
    browser.screenshot("search-results");

    String second = hits.get(1).getAttribute("data-id");
    WebElement more = hits.get(1).findElement(By.className("more-like-this"));
    browser.script("arguments[0].scrollIntoView({block: 'center'})", more);
    more.click();
    assertThat(hitsFor(second)).extracting(h -> h.getAttribute("data-id")).doesNotContain(second).contains("t00");
  }

  @Test
  void theRunsPageShowsWhichIndexServesSearchAndHowManyTracksItHolds() throws Exception {
    browser.open(dashboard.url("runs"), "index-grid");
    browser.waitUntil("index row rendered", () -> browser.driver()
        .findElements(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='tracks-dashboard-test']")).size() == 1);
    List<String> cells = browser.driver().findElements(By.cssSelector("#index-grid vaadin-grid-cell-content"))
        .stream().map(WebElement::getText).map(String::strip).toList();
    assertThat(cells).contains("serves search", Integer.toString(SearchFixture.TRACKS), "dashboard-test", "true");
    browser.screenshot("runs-index");

    browser.open(withoutElasticsearch.url("runs"), "index-error");
    assertThat(browser.driver().findElement(By.id("index-error")).getText()).contains("Elasticsearch is not reachable");
  }

  @Test
  void tagFiltersKeepOnlyHitsWithOrWithoutATag() throws Exception {
    browser.open(dashboard.url("search"), "track-id");
    // t03 is rock without 'vocal'; four of its eleven rock neighbours carry 'vocal'.
    searchLike("t03");
    hitsFor("t03");
    assertThat(hitTexts()).anySatisfy(t -> assertThat(t).contains("Tags: rock, vocal ·"));
    chooseTag("must-not-tags", "vocal");
    browser.waitUntil("no hit tagged vocal", () -> hitTexts().stream().noneMatch(t -> t.contains(", vocal ·")));
    List<String> hits = hitTexts();
    assertThat(hits).hasSize(10);
    // The seven rock tracks without 'vocal' come first, then the nearest of the other clusters.
    assertThat(hits.subList(0, 7)).allSatisfy(t -> assertThat(t).contains("Tags: rock ·"));

    chooseTag("must-tags", "vocal");
    browser.waitUntil("nothing has and lacks vocal", () -> !browser.driver().findElements(By.id("no-results")).isEmpty());
    assertThat(browser.driver().findElement(By.id("no-results")).getText()).isEqualTo("No tracks match these tag filters.");
    browser.screenshot("search-filtered");
  }

  /** The hits' texts, read in the page at once (the cards are replaced when results change). */
  @SuppressWarnings("unchecked")
  private static List<String> hitTexts() {
    return (List<String>) browser.script(
        "return Array.from(document.querySelectorAll('#results .hit')).map(h => h.innerText);");
  }

  private static void chooseTag(String comboId, String tag) {
    WebElement input = browser.waitFor(By.cssSelector("#" + comboId + " input"));
    input.click();
    input.sendKeys(tag);
    browser.waitFor(By.xpath("//vaadin-multi-select-combo-box-item[normalize-space(.)='" + tag + "']")).click();
    input.sendKeys(Keys.ESCAPE);
  }

  @Test
  void anUnknownTrackAndAnUnreachableElasticsearchAreMessagesInThePage() throws Exception {
    browser.open(dashboard.url("search"), "track-id");
    searchLike("no-such-track");
    assertThat(browser.waitFor(By.id("search-error")).getText()).contains("'no-such-track' is not in index");

    browser.open(withoutElasticsearch.url("search"), "track-id");
    searchLike("t00");
    assertThat(browser.waitFor(By.id("search-error")).getText()).contains("Elasticsearch is not reachable");
    browser.screenshot("search-es-down");
    // The app is still there.
    browser.open(withoutElasticsearch.url(""), "results-empty");
  }

  @Test
  void badUploadsAreRefusedWithTheirReasonAndNothingIsWrittenToTheCatalog() throws Exception {
    List<Path> catalogBefore = listing(catalog);
    Path files = Files.createDirectories(temp.resolve("uploads"));
    Path text = Files.writeString(files.resolve("notes.txt"), "not audio at all");
    Path fakeMp3 = Files.writeString(files.resolve("fake.mp3"), "this is text pretending to be an mp3 ".repeat(50));
    Path big = files.resolve("big.wav");
    Files.write(big, new byte[(int) UPLOADS.maxBytes() + 200_000]);
    Path tooShort = files.resolve("short.wav");
    CatalogFixture.writeTone(tooShort, 440);
    Path good = files.resolve("good.wav");
    CatalogFixture.writeTone(good, 440, 3.5);

    browser.open(dashboard.url("search"), "upload");
    upload(text);
    assertThat(errorMentioning("notes.txt")).contains("not an audio file this search accepts (mp3, ogg, flac, wav)");
    upload(big);
    assertThat(errorMentioning("big.wav")).contains("over the 1 MB upload limit");
    upload(fakeMp3);
    assertThat(errorMentioning("fake.mp3")).contains("not a recognised audio file")
        .doesNotContain(System.getProperty("java.io.tmpdir") + "/soundalike-upload");
    browser.screenshot("search-not-audio");
    upload(tooShort);
    assertThat(errorMentioning("short.wav")).contains("1.00 s is shorter than one 2.68 s excerpt");

    upload(good);
    WebElement notSearched = browser.waitFor(By.id("not-searched"));
    assertThat(notSearched.getText()).contains("good.wav decoded, but was not searched", "track encoder");
    assertThat(browser.driver().findElement(By.id("query")).getText()).contains("Query: good.wav", "3.5 s of audio");
    assertThat(browser.driver().findElement(By.id("query-audio")).getAttribute("src")).isNotEmpty();
    browser.screenshot("search-upload");

    assertThat(listing(catalog)).isEqualTo(catalogBefore);
    try (Stream<Path> leftovers = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(leftovers.filter(p -> p.getFileName().toString().startsWith("soundalike-upload-"))).isEmpty();
    }
  }

  private static void upload(Path file) {
    browser.upload("upload", file);
  }

  /** The text of the error message about this file, once it shows (read in the page, so never stale). */
  private static String errorMentioning(String fileName) {
    String[] text = new String[1];
    try {
      browser.waitUntil("an error about " + fileName, () -> {
        text[0] = (String) browser.script(
            "const e = document.getElementById('search-error'); return e ? e.textContent : '';");
        return text[0].startsWith(fileName + ":");
      });
    } catch (TimeoutException e) {
      throw new AssertionError("no error about " + fileName + "; the page says: "
          + browser.driver().findElement(By.tagName("body")).getText(), e);
    }
    return text[0];
  }

  private static List<Path> listing(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.sorted().toList();
    }
  }
}
