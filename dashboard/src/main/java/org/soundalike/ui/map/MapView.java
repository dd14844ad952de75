package org.soundalike.ui.map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.soundalike.dataset.Catalog;
import org.soundalike.eval.report.RunResult;
import org.soundalike.ui.DashboardServices;
import org.soundalike.ui.MainLayout;
import org.soundalike.ui.Messages;
import org.soundalike.ui.audio.AudioPlayer;
import org.soundalike.ui.chart.ChartJs;
import org.soundalike.ui.service.Neighbour;
import org.soundalike.ui.service.RunEntry;
import org.soundalike.ui.service.RunResultsService;
import org.soundalike.ui.service.TagColouring;

/**
 * The similarity map: a run's t-SNE of the test embeddings, coloured by one tag or two contrasting
 * tags. Hovering a point names the track; clicking plays it and lists its neighbours on the map.
 */
@Route(value = "map", layout = MainLayout.class)
@PageTitle("Similarity map · SoundAlike")
public class MapView extends VerticalLayout {

  static final String CONTRAST = "Two contrasting tags";
  static final String SINGLE = "One tag";
  private static final int NEIGHBOURS = 8;

  private final RunResultsService service = DashboardServices.current().runs();
  private final Optional<Catalog> catalog = DashboardServices.current().catalog();
  private final Select<RunEntry> run = new Select<>();
  private final Select<String> mode = new Select<>();
  private final ComboBox<String> firstTag = new ComboBox<>("Tag");
  private final ComboBox<String> secondTag = new ComboBox<>("Contrasting tag");
  private final Div chartHolder = new Div();
  private final VerticalLayout details = new VerticalLayout();

  public MapView() {
    add(new H2("Similarity map"));
    RunResultsService.Listing listing = service.list();
    listing.unreadable().forEach(problem -> add(Messages.error("map-unreadable", "Cannot read " + problem)));
    List<RunEntry> withMap = listing.runs().stream().filter(r -> !r.result().tsne().isEmpty()).toList();
    if (withMap.isEmpty()) {
      add(Messages.empty("map-empty", listing.runs().isEmpty()
          ? "No evaluated runs yet: the map shows the t-SNE stored in a run's results.json (under --results)."
          : "No run has a t-SNE map in its results.json yet."));
      return;
    }
    run.setId("run-select");
    run.setLabel("Run");
    run.setItems(withMap);
    run.setItemLabelGenerator(RunEntry::label);
    run.setWidth("30em");
    mode.setId("colour-mode");
    mode.setLabel("Colour by");
    mode.setWidth("15em");
    mode.setItems(CONTRAST, SINGLE);
    firstTag.setId("first-tag");
    secondTag.setId("second-tag");
    HorizontalLayout controls = new HorizontalLayout(run, mode, firstTag, secondTag);
    controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    controls.getStyle().set("flex-wrap", "wrap");
    chartHolder.setId("map-chart");
    chartHolder.setWidth("100%");
    chartHolder.getStyle().set("max-width", "900px");
    details.setId("map-details");
    details.setPadding(false);
    details.setWidth("26em");
    details.add(new Paragraph("Hover a point to see its track; click it to play it and list its neighbours."));
    HorizontalLayout body = new HorizontalLayout(chartHolder, details);
    body.setWidthFull();
    add(controls, body);

    run.addValueChangeListener(e -> selectRun(e.getValue()));
    mode.addValueChangeListener(e -> {
      secondTag.setVisible(CONTRAST.equals(e.getValue()));
      redraw();
    });
    firstTag.addValueChangeListener(e -> redraw());
    secondTag.addValueChangeListener(e -> redraw());
    run.setValue(withMap.get(0));
  }

  private void selectRun(RunEntry entry) {
    RunResult result = entry.result();
    List<String> tags = service.tags(result);
    firstTag.setItems(tags);
    secondTag.setItems(tags);
    Optional<TagColouring> colouring = service.defaultColouring(result);
    colouring.ifPresent(c -> {
      firstTag.setValue(c.first());
      c.second().ifPresent(secondTag::setValue);
      mode.setValue(c.second().isPresent() ? CONTRAST : SINGLE);
    });
    redraw();
  }

  private void redraw() {
    RunEntry entry = run.getValue();
    if (entry == null || firstTag.getValue() == null) {
      return;
    }
    TagColouring colouring = CONTRAST.equals(mode.getValue()) && secondTag.getValue() != null
        && !secondTag.getValue().equals(firstTag.getValue())
        ? TagColouring.contrast(firstTag.getValue(), secondTag.getValue())
        : TagColouring.single(firstTag.getValue());
    chartHolder.removeAll();
    ChartJs chart = new ChartJs(MapChartFactory.scatter(entry.result(), colouring));
    chart.setChartHeight("560px");
    chart.addPointClickListener(id -> showTrack(entry.result(), id));
    chartHolder.add(chart);
  }

  private void showTrack(RunResult result, String id) {
    if (id.isEmpty()) {
      return;
    }
    details.removeAll();
    H3 title = new H3(id);
    title.setId("selected-track");
    details.add(title);
    result.tsne().stream().filter(p -> p.id().equals(id)).findFirst()
        .ifPresent(p -> details.add(new Paragraph("Tags: " + (p.tags().isEmpty() ? "none" : String.join(", ", p.tags())))));
    if (catalog.flatMap(c -> c.track(id)).isPresent()) {
      AudioPlayer player = new AudioPlayer(id);
      player.setId("selected-audio");
      details.add(player);
      player.play();
    } else {
      details.add(Messages.empty("audio-unavailable", catalog.isEmpty()
          ? "Audio unavailable: start the dashboard with --catalog DIR to play tracks."
          : "Audio unavailable: track " + id + " is not in the catalog " + catalog.get().source() + "."));
    }
    details.add(new Span("Nearest on the map (t-SNE distance, not the embedding's inner product):"));
    UnorderedList list = new UnorderedList();
    list.setId("neighbours");
    for (Neighbour n : service.neighboursOnMap(result, id, NEIGHBOURS)) {
      Button open = new Button(n.id(), e -> showTrack(result, n.id()));
      open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
      list.add(new ListItem(open, new Span(String.format(Locale.ROOT, " %.2f · %s", n.distance(),
          n.tags().isEmpty() ? "no tags" : String.join(", ", n.tags())))));
    }
    details.add(list);
  }
}
