package org.soundalike.ui.results;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.soundalike.ui.DashboardServices;
import org.soundalike.ui.MainLayout;
import org.soundalike.ui.Messages;
import org.soundalike.ui.chart.ChartJs;
import org.soundalike.eval.report.ExperimentReport;
import org.soundalike.ui.service.ResultsFileException;
import org.soundalike.ui.service.ResultsService;

/**
 * The semi-supervised results: each metric against the label fraction, one series per variant
 * with its interval band, and the paper-shaped table with each column's best value in bold.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Results · SoundAlike")
public class ResultsView extends VerticalLayout {

  static final String ALL_METRICS = "All metrics";

  private final ResultsService service = DashboardServices.current().results();
  private final Div charts = new Div();
  private final Div table = new Div();

  public ResultsView() {
    add(new H2("Results"));
    Optional<ExperimentReport> report;
    try {
      report = service.report();
    } catch (ResultsFileException e) {
      add(Messages.error("results-error", e.getMessage()));
      return;
    }
    if (report.isEmpty() || report.get().datasets().isEmpty()) {
      add(Messages.empty("results-empty", report.isEmpty() ? service.emptyMessage()
          : "The report has no datasets yet: evaluate runs and write the report again."));
      return;
    }
    show(report.get());
  }

  private void show(ExperimentReport report) {
    Select<String> dataset = new Select<>();
    dataset.setId("dataset-select");
    dataset.setLabel("Dataset");
    dataset.setItems(service.datasets(report));
    Select<String> metric = new Select<>();
    metric.setId("metric-select");
    metric.setLabel("Metric");
    HorizontalLayout selectors = new HorizontalLayout(dataset, metric);
    selectors.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(selectors, new Paragraph(report.runs() + " evaluated runs; report generated " + report.generatedAt()
        + ". Metrics ×100; bands are 95 % intervals over seeds (min–max under 3 seeds)."));
    charts.setId("charts");
    charts.setWidthFull();
    charts.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fill, minmax(460px, 1fr))")
        .set("gap", "var(--lumo-space-m)");
    table.setWidthFull();
    add(charts, table);

    dataset.addValueChangeListener(e -> {
      List<String> metrics = new ArrayList<>(List.of(ALL_METRICS));
      metrics.addAll(service.metrics(report, e.getValue()));
      metric.setItems(metrics);
      metric.setValue(ALL_METRICS);
      showTable(report, e.getValue());
    });
    metric.addValueChangeListener(e -> {
      if (e.getValue() != null) {
        showCharts(report, dataset.getValue(), e.getValue());
      }
    });
    dataset.setValue(service.datasets(report).get(0));
  }

  private void showCharts(ExperimentReport report, String dataset, String metric) {
    charts.removeAll();
    List<String> metrics = metric.equals(ALL_METRICS) ? service.metrics(report, dataset) : List.of(metric);
    for (String m : metrics) {
      ChartJs chart = new ChartJs(service.chart(report, dataset, m));
      chart.getElement().setAttribute("data-metric", m);
      charts.add(chart);
    }
  }

  private void showTable(ExperimentReport report, String dataset) {
    table.removeAll();
    table.add(new H3("Table: " + dataset), ResultsTable.of(service.table(report, dataset)));
  }
}
