package org.soundalike.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.soundalike.ui.Browser;
import org.soundalike.ui.RunningDashboard;
import org.soundalike.ui.service.ReportFixture;

/** The Results view in headless Chromium, against report.json files this test writes. */
class ResultsViewBrowserTest {

  @TempDir static Path temp;
  static RunningDashboard withReport;
  static RunningDashboard withoutReport;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    Path results = Files.createDirectories(temp.resolve("results"));
    ReportFixture.write(results);
    withReport = RunningDashboard.start(Optional.of(results), Optional.empty());
    withoutReport = RunningDashboard.start(Optional.of(Files.createDirectories(temp.resolve("none"))), Optional.empty());
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    browser.close();
    withReport.close();
    withoutReport.close();
  }

  private static final String CHARTS = """
      return Array.from(document.querySelectorAll('soundalike-chart')).map(e => {
        const c = e.chart;
        const series = c.data.datasets.filter(d => !d.band);
        return {metric: e.dataset.metric,
                series: series.map(d => d.label),
                points: series.map(d => d.data.length),
                firstY: series.map(d => d.data[0].y),
                bands: c.data.datasets.filter(d => d.band).length,
                legend: c.legend.legendItems.map(i => i.text),
                title: c.options.plugins.title.text,
                subtitle: c.options.plugins.subtitle ? c.options.plugins.subtitle.text : '',
                xType: c.scales.x.type,
                xTitle: c.options.scales.x.title.text,
                yTitle: c.options.scales.y.title.text,
                xTicks: c.scales.x.ticks.map(t => t.label),
                width: c.width};
      });""";

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> renderedCharts(int expected) {
    browser.waitUntil(expected + " charts rendered", () -> ((Number) browser.script(
        "return document.querySelectorAll('soundalike-chart[rendered]').length")).intValue() == expected);
    return (List<Map<String, Object>>) browser.script(CHARTS);
  }

  @Test
  void eachMetricIsChartedAgainstTheLabelFractionWithOneSeriesAndBandPerVariant() throws Exception {
    browser.open(withReport.url(""), "results-table");
    List<Map<String, Object>> charts = renderedCharts(ReportFixture.COLUMNS.size());

    assertThat(charts).extracting(c -> c.get("metric")).containsExactlyElementsOf(ReportFixture.COLUMNS);
    for (Map<String, Object> chart : charts) {
      assertThat(chart.get("series")).isEqualTo(ReportFixture.VARIANTS);
      assertThat(chart.get("legend")).isEqualTo(ReportFixture.VARIANTS);
      assertThat((List<Long>) chart.get("points")).containsOnly((long) ReportFixture.FRACTIONS.size());
      assertThat(chart.get("bands")).isEqualTo(2L * ReportFixture.VARIANTS.size());
      assertThat(chart.get("xType")).isEqualTo("logarithmic");
      assertThat(chart.get("xTicks")).isEqualTo(List.of("1 %", "5 %", "10 %", "50 %", "100 %"));
      assertThat((String) chart.get("xTitle")).contains("labelled training tracks");
      assertThat((String) chart.get("yTitle")).contains("%");
      assertThat(((Number) chart.get("width")).intValue()).isPositive();
    }
    Map<String, Object> recallAt1 = charts.get(0);
    assertThat((String) recallAt1.get("title")).isEqualTo("Recall@1 against the label fraction (demo)");
    assertThat((List<Number>) recallAt1.get("firstY")).extracting(Number::doubleValue).containsExactly(
        ReportFixture.mean("A", 0, 0.01), ReportFixture.mean("C", 0, 0.01), ReportFixture.mean("G", 0, 0.01));
    // G leads at 1 % labels, so the subtitle states its gap over the supervised-only A.
    assertThat((String) recallAt1.get("subtitle")).startsWith("G − A: +").contains("at 1 %", "at 100 %");
    browser.screenshot("results-charts");
  }

  @Test
  void theMetricSelectorNarrowsThePageToOneChart() throws Exception {
    browser.open(withReport.url(""), "results-table");
    renderedCharts(ReportFixture.COLUMNS.size());
    browser.driver().findElement(By.id("metric-select")).click();
    browser.waitFor(By.xpath("//vaadin-select-item[normalize-space(.)='M@4']")).click();
    browser.waitUntil("one chart left", () -> ((Number) browser.script(
        "return document.querySelectorAll('soundalike-chart').length")).intValue() == 1);
    List<Map<String, Object>> charts = renderedCharts(1);
    assertThat(charts.get(0).get("metric")).isEqualTo("M@4");
    assertThat((String) charts.get(0).get("title")).startsWith("MAP@4");
    browser.screenshot("results-one-metric");
  }

  @Test
  void theTableShowsTheReportsValuesWithTheBestPerColumnInBold() throws Exception {
    WebElement table = browser.open(withReport.url(""), "results-table");
    List<String> headers = table.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
    assertThat(headers).containsExactly("Variant", "Labels", "Seeds", "R@1", "R@2", "R@4", "R@8", "M@1", "M@4",
        "M@7", "M@10", "ROC-AUC", "PR-AUC");
    List<WebElement> rows = table.findElements(By.cssSelector("tbody tr[data-row]"));
    assertThat(rows).extracting(r -> r.getAttribute("data-row")).containsExactly("A", "C", "G");

    WebElement g = rows.get(2);
    assertThat(g.findElement(By.cssSelector("td[data-column='R@1']")).getText()).isEqualTo("60.2");
    assertThat(g.findElement(By.cssSelector("td[data-column='PR-AUC']")).getText()).isEqualTo("69.2");
    assertThat(g.findElements(By.cssSelector("td[data-column] b"))).hasSize(ReportFixture.COLUMNS.size());
    assertThat(g.findElement(By.cssSelector("td[data-column='R@1'] b")).getCssValue("font-weight"))
        .isEqualTo("800");

    WebElement a = rows.get(0);
    assertThat(a.findElement(By.cssSelector("td[data-column='R@1']")).getText()).isEqualTo("55.0");
    assertThat(a.findElements(By.cssSelector("td[data-column] b"))).isEmpty();
    assertThat(rows.get(1).findElements(By.cssSelector("td[data-column] b"))).isEmpty();
    browser.script("arguments[0].scrollIntoView()", table);
    browser.screenshot("results-table");
  }

  @Test
  void withoutAReportThePageSaysSoAndHowToWriteOne() throws Exception {
    WebElement empty = browser.open(withoutReport.url(""), "results-empty");
    assertThat(empty.getText()).contains("No results yet", "report.json", "soundalike report --results");
    assertThat(browser.driver().findElements(By.tagName("soundalike-chart"))).isEmpty();
    browser.screenshot("results-empty");
  }
}
