package org.soundalike.ui.runs;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.soundalike.dataset.Catalog;
import org.soundalike.run.RunProvenance;
import org.soundalike.search.SearchException;
import org.soundalike.search.TrackIndices;
import org.soundalike.ui.DashboardServices;
import org.soundalike.ui.MainLayout;
import org.soundalike.ui.Messages;
import org.soundalike.ui.map.RunEntry;
import org.soundalike.ui.map.RunResultsService;
import org.soundalike.ui.results.MetricChartFactory;
import org.soundalike.ui.search.SearchService;

/**
 * The catalog the dashboard plays from, the search index (which run serves search, how many tracks
 * it holds) and every evaluated run with its provenance.
 */
@Route(value = "runs", layout = MainLayout.class)
@PageTitle("Runs and catalog · SoundAlike")
public class RunsView extends VerticalLayout {

  public RunsView() {
    DashboardServices services = DashboardServices.current();
    add(new H2("Runs and catalog"));
    add(new H3("Catalog"));
    Optional<Catalog> catalog = services.catalog();
    if (catalog.isPresent()) {
      Catalog c = catalog.get();
      Paragraph about = new Paragraph(c.format() + " catalog " + c.source() + ": " + c.size() + " tracks ("
          + c.countsPerSplit().entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
              .collect(Collectors.joining(", ")) + "), " + c.vocabulary().size() + " tags, fingerprint "
          + c.fingerprint());
      about.setId("catalog-summary");
      add(about);
    } else {
      add(Messages.empty("catalog-empty", "No catalog given: start the dashboard with --catalog DIR to play tracks."));
    }

    add(new H3("Search index"));
    SearchService search = services.search();
    try {
      List<TrackIndices.IndexInfo> indices = search.indices();
      if (indices.isEmpty()) {
        add(Messages.empty("index-empty", "No track index '" + search.index() + "-*' at " + search.esUrl()
            + " yet: export embeddings with 'soundalike index'."));
      } else {
        add(indexGrid(indices));
      }
    } catch (SearchException e) {
      add(Messages.error("index-error", e.getMessage()));
    }

    add(new H3("Evaluated runs"));
    RunResultsService.Listing listing = services.runs().list();
    listing.unreadable().forEach(problem -> add(Messages.error("runs-unreadable", "Cannot read " + problem)));
    if (listing.runs().isEmpty()) {
      add(Messages.empty("runs-empty", "No evaluated runs yet: no results.json under the --results folder."));
      return;
    }
    Grid<RunEntry> grid = new Grid<>();
    grid.setId("runs-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(e -> run(e).runId()).setHeader("Run").setAutoWidth(true);
    grid.addColumn(e -> run(e).dataset()).setHeader("Dataset").setAutoWidth(true);
    grid.addColumn(e -> run(e).variant()).setHeader("Variant").setAutoWidth(true);
    grid.addColumn(e -> run(e).techniques()).setHeader("Techniques").setAutoWidth(true);
    grid.addColumn(e -> number(run(e).alpha())).setHeader("α").setAutoWidth(true);
    grid.addColumn(e -> number(run(e).r())).setHeader("r").setAutoWidth(true);
    grid.addColumn(e -> MetricChartFactory.percent(run(e).labelFraction())).setHeader("Labels").setAutoWidth(true);
    grid.addColumn(e -> run(e).seed()).setHeader("Seed").setAutoWidth(true);
    grid.addColumn(e -> run(e).epochs()).setHeader("Epochs").setAutoWidth(true);
    grid.addColumn(e -> e.result().tracks() + " / " + e.result().queries()).setHeader("Test tracks / queries")
        .setAutoWidth(true);
    grid.addColumn(e -> run(e).codeVersion()).setHeader("Code").setAutoWidth(true);
    grid.addColumn(e -> run(e).trainedAt()).setHeader("Trained at").setAutoWidth(true);
    grid.addColumn(e -> catalogMatch(catalog, run(e))).setHeader("Catalog").setAutoWidth(true);
    grid.setItems(listing.runs());
    grid.setAllRowsVisible(true);
    add(grid);
  }

  private static Grid<TrackIndices.IndexInfo> indexGrid(List<TrackIndices.IndexInfo> indices) {
    Grid<TrackIndices.IndexInfo> grid = new Grid<>();
    grid.setId("index-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT);
    grid.addColumn(TrackIndices.IndexInfo::name).setHeader("Index").setAutoWidth(true);
    grid.addColumn(i -> i.aliased() ? "serves search" : "idle").setHeader("Status").setAutoWidth(true);
    grid.addColumn(TrackIndices.IndexInfo::documents).setHeader("Tracks indexed").setAutoWidth(true);
    for (String key : List.of("run_id", "model_config", "code_version", "indexed_at", "export_complete")) {
      grid.addColumn(i -> String.valueOf(i.meta().getOrDefault(key, "—"))).setHeader(key.replace('_', ' '))
          .setAutoWidth(true);
    }
    grid.setItems(indices);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private static RunProvenance run(RunEntry entry) {
    return entry.result().run();
  }

  private static String number(Double value) {
    return value == null ? "—" : String.format(Locale.ROOT, "%.3g", value);
  }

  /** Whether the run was trained on the catalog the dashboard plays from (same metadata fingerprint). */
  private static String catalogMatch(Optional<Catalog> catalog, RunProvenance run) {
    if (catalog.isEmpty() || run.catalogFingerprint() == null) {
      return "—";
    }
    return catalog.get().fingerprint().equals(run.catalogFingerprint()) ? "this catalog" : "another catalog";
  }
}
