package org.soundalike.ui.runs;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.soundalike.dataset.Catalog;
import org.soundalike.run.RunProvenance;
import org.soundalike.search.SearchException;
import org.soundalike.search.TrackIndices;
import org.soundalike.ui.DashboardServices;
import org.soundalike.ui.MainLayout;
import org.soundalike.ui.Messages;
import org.soundalike.ui.service.Formats;
import org.soundalike.ui.service.RejectReport;
import org.soundalike.ui.service.RunEntry;
import org.soundalike.ui.service.RunResultsService;
import org.soundalike.ui.service.SearchService;
import org.soundalike.ui.service.ServingRun;

/**
 * The catalog the dashboard plays from, the run whose model embeds uploads (its provenance from
 * the run folder), the search index (which one serves search, how many tracks it holds), the
 * tracks the pipeline rejected with their reasons, and every evaluated run with its provenance.
 */
@Route(value = "runs", layout = MainLayout.class)
@PageTitle("Runs and catalog · SoundAlike")
public class RunsView extends VerticalLayout {

  private static final int REJECTS_SHOWN_WHOLE = 25;

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

    add(new H3("Run serving search"));
    services.servingRun().ifPresentOrElse(this::showServingRun, () -> add(Messages.empty("serving-run-none",
        "No run serves upload search: start the dashboard with --run RUN (a training run folder). "
            + "'More like this' on indexed tracks works without it.")));

    add(new H3("Search index"));
    SearchService search = services.search();
    try {
      List<TrackIndices.IndexInfo> indices = search.indices();
      if (indices.isEmpty()) {
        add(Messages.empty("index-empty", "No track index '" + search.index() + "-*' at " + search.esUrl()
            + " yet: export embeddings with 'soundalike index'."));
      } else {
        indices.stream().filter(TrackIndices.IndexInfo::aliased).findFirst().ifPresentOrElse(serving -> {
          Paragraph summary = new Paragraph(serving.documents() + " tracks indexed in " + serving.name()
              + ", which serves search ('" + search.index() + "' at " + search.esUrl() + ").");
          summary.setId("indexed-summary");
          add(summary);
        }, () -> add(Messages.empty("indexed-summary", "No index behind '" + search.index()
            + "' serves search yet: the last export did not complete (see the table).")));
        add(indexGrid(indices));
      }
    } catch (SearchException e) {
      add(Messages.error("index-error", e.getMessage()));
    }

    add(new H3("Rejected tracks"));
    showRejects(services.rejects());

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
    grid.addColumn(e -> Formats.number(run(e).alpha())).setHeader("α").setAutoWidth(true);
    grid.addColumn(e -> Formats.number(run(e).r())).setHeader("r").setAutoWidth(true);
    grid.addColumn(e -> Formats.percent(run(e).labelFraction())).setHeader("Labels").setAutoWidth(true);
    grid.addColumn(e -> run(e).seed()).setHeader("Seed").setAutoWidth(true);
    grid.addColumn(e -> run(e).epochs()).setHeader("Epochs").setAutoWidth(true);
    grid.addColumn(e -> e.result().tracks() + " / " + e.result().queries()).setHeader("Test tracks / queries")
        .setAutoWidth(true);
    grid.addColumn(e -> run(e).codeVersion()).setHeader("Code").setAutoWidth(true);
    grid.addColumn(e -> run(e).trainedAt()).setHeader("Trained at").setAutoWidth(true);
    grid.addColumn(e -> e.catalogMatch(catalog)).setHeader("Catalog").setAutoWidth(true);
    grid.setItems(listing.runs());
    grid.setAllRowsVisible(true);
    add(grid);
  }

  private void showServingRun(ServingRun run) {
    Paragraph about = new Paragraph(run.describe() + ", from " + run.folder().toAbsolutePath().normalize());
    about.setId("serving-run");
    add(about);
    run.provenanceProblem().ifPresent(problem -> add(Messages.error("serving-run-provenance", problem)));
    List<ServingRun.Field> fields = run.provenanceFields();
    if (!fields.isEmpty()) {
      Grid<ServingRun.Field> grid = new Grid<>();
      grid.setId("serving-run-grid");
      grid.addThemeVariants(GridVariant.LUMO_COMPACT);
      grid.addColumn(ServingRun.Field::name).setHeader("Provenance").setAutoWidth(true);
      grid.addColumn(ServingRun.Field::value).setHeader("Value").setAutoWidth(true);
      grid.setItems(fields);
      grid.setAllRowsVisible(true);
      grid.setWidthFull();
      grid.getStyle().set("max-width", "80em");
      add(grid);
    }
  }

  private void showRejects(RejectReport report) {
    if (!report.configured()) {
      add(Messages.empty("rejects-none", "No reject report given: start the dashboard with --rejects FILE "
          + "(the ingest pipeline's rejects.jsonl); an export reject report (*" + RejectReport.EXPORT_SUFFIX
          + ") in the --run folder is read too."));
      return;
    }
    RejectReport.Listing listing = report.read();
    listing.problems().forEach(problem -> add(Messages.error("rejects-problem", problem)));
    if (listing.rejects().isEmpty()) {
      if (listing.problems().isEmpty()) {
        add(Messages.empty("rejects-empty", listing.reports().isEmpty()
            ? "No reject report found." : "No track was rejected (" + listing.reports().size() + " report(s) read)."));
      }
      return;
    }
    Paragraph summary = new Paragraph(listing.rejects().size() + " tracks left out, from " + listing.reports().stream()
        .map(Path::toString).collect(Collectors.joining(", ")) + ".");
    summary.setId("rejects-summary");
    add(summary);
    Grid<RejectReport.Rejected> grid = new Grid<>();
    grid.setId("rejects-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addColumn(RejectReport.Rejected::stage).setHeader("Stage").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(RejectReport.Rejected::item).setHeader("File or track").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(RejectReport.Rejected::reason).setHeader("Reason").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(RejectReport.Rejected::detail).setHeader("Detail").setFlexGrow(1);
    grid.setItems(listing.rejects());
    // A long report scrolls inside the grid, which renders only the rows in view.
    if (listing.rejects().size() <= REJECTS_SHOWN_WHOLE) {
      grid.setAllRowsVisible(true);
    } else {
      grid.setHeight("32em");
    }
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
}
