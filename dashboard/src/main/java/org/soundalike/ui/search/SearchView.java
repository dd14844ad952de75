package org.soundalike.ui.search;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import org.soundalike.dataset.Catalog;
import org.soundalike.search.QueryTrack;
import org.soundalike.search.SearchException;
import org.soundalike.search.SearchResults;
import org.soundalike.search.SimilarHit;
import org.soundalike.search.SimilarityQuery;
import org.soundalike.search.TagScore;
import org.soundalike.ui.DashboardServices;
import org.soundalike.ui.MainLayout;
import org.soundalike.ui.Messages;
import org.soundalike.ui.audio.AudioPlayer;
import org.soundalike.ui.service.SearchService;
import org.soundalike.ui.service.UploadOutcome;
import org.soundalike.ui.service.UploadPolicy;

/**
 * Search the catalog by sound: upload a track, or start from a catalog track ("more like this");
 * see the look-alikes with their score, tags, predicted tags, why they match and a player; narrow
 * them with tags every hit must or must not have. Every failure is a message in the page.
 */
@Route(value = "search", layout = MainLayout.class)
@PageTitle("Search · SoundAlike")
public class SearchView extends VerticalLayout {

  private final SearchService service = DashboardServices.current().search();
  private final Optional<Catalog> catalog = DashboardServices.current().catalog();
  private final MultiSelectComboBox<String> mustHave = new MultiSelectComboBox<>("Every hit must have");
  private final MultiSelectComboBox<String> mustNotHave = new MultiSelectComboBox<>("No hit may have");
  private final TreeSet<String> knownTags = new TreeSet<>();
  private final Div status = new Div();
  private final Div query = new Div();
  private final Div results = new Div();
  private Optional<String> lastId = Optional.empty();
  private UI ui;

  public SearchView() {
    UploadPolicy policy = service.policy();
    add(new H2("Search by sound"));
    add(new Paragraph("Upload a track (" + String.join(", ", UploadPolicy.EXTENSIONS) + "; at most "
        + policy.maxSizeText() + String.format(Locale.ROOT, ", at least %.2f s", policy.minSeconds())
        + ") or start from a catalog track. Results come from Elasticsearch at " + service.esUrl()
        + ", index '" + service.index() + "'."));
    service.embedder().ifPresentOrElse(
        e -> {
          Paragraph serving = new Paragraph("Uploads are embedded by " + e.describe() + ".");
          serving.setId("serving-run");
          add(serving);
        },
        () -> add(Messages.empty("no-encoder", "Upload search needs a trained run: start the dashboard with "
            + "--run RUN (a training run folder) to embed uploaded tracks. Without it an upload is only checked "
            + "and decoded. 'More like this' on a catalog track works.")));

    Upload upload = new Upload(UploadHandler.toTempFile(this::uploaded));
    upload.setId("upload");
    upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, policy.maxBytes()));
    upload.setAcceptedFileTypes(UploadPolicy.EXTENSIONS.stream().map(e -> "." + e).toArray(String[]::new));
    upload.addFileRejectedListener(e -> showError(e.getFileName() + ": " + rejection(e.getErrorMessage(), policy)));
    upload.addAllFinishedListener(e -> upload.clearFileList());

    TextField trackId = new TextField("Catalog track id");
    trackId.setId("track-id");
    Button byId = new Button("More like this", e -> moreLikeThis(trackId.getValue().strip()));
    byId.setId("find-by-id");
    HorizontalLayout byIdRow = new HorizontalLayout(trackId, byId);
    byIdRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    mustHave.setId("must-tags");
    mustNotHave.setId("must-not-tags");
    catalog.ifPresent(c -> knownTags.addAll(c.vocabulary().tags()));
    mustHave.setItems(knownTags);
    mustNotHave.setItems(knownTags);
    mustHave.addValueChangeListener(e -> lastId.ifPresent(this::moreLikeThis));
    mustNotHave.addValueChangeListener(e -> lastId.ifPresent(this::moreLikeThis));
    HorizontalLayout start = new HorizontalLayout(upload, byIdRow, mustHave, mustNotHave);
    start.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
    start.getStyle().set("flex-wrap", "wrap");

    status.setId("search-status");
    query.setId("query");
    results.setId("results");
    results.setWidthFull();
    add(start, status, query, results);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    ui = event.getUI();
  }

  private SimilarityQuery similarityQuery() {
    return SimilarityQuery.top(SimilarityQuery.DEFAULT_K)
        .withTags(List.copyOf(mustHave.getValue()), List.copyOf(mustNotHave.getValue()));
  }

  // Runs on the upload's request thread: hand the file to the pool and show progress until it answers.
  private void uploaded(UploadMetadata metadata, File file) throws IOException {
    String name = metadata.fileName();
    byte[] bytes = Files.size(file.toPath()) <= service.policy().maxBytes() ? Files.readAllBytes(file.toPath()) : null;
    SimilarityQuery options = similarityQuery();
    ui.access(() -> {
      lastId = Optional.empty();
      working("Decoding and searching " + name + "…");
      ui.setPollInterval(300);
    });
    service.searchUpload(file.toPath(), name, options).whenComplete((outcome, failure) -> ui.access(() -> {
      ui.setPollInterval(-1);
      status.removeAll();
      if (failure != null) {
        showError(message(failure));
        return;
      }
      showUploadQuery(outcome, bytes);
      outcome.results().ifPresent(found -> showResults(found, outcome.seconds()));
      outcome.notSearchedBecause().ifPresent(reason ->
          status.add(Messages.empty("not-searched", name + " decoded, but was not searched: " + reason)));
    }));
  }

  private void moreLikeThis(String id) {
    if (id.isEmpty()) {
      showError("Type a catalog track id first.");
      return;
    }
    lastId = Optional.of(id);
    status.removeAll();
    try {
      QueryTrack track = service.track(id);
      SearchResults found = service.moreLikeThis(id, similarityQuery());
      showStoredQuery(track);
      showResults(found, 0);
    } catch (SearchException e) {
      showError(e.getMessage());
    }
  }

  private void working(String text) {
    status.removeAll();
    ProgressBar bar = new ProgressBar();
    bar.setIndeterminate(true);
    bar.setWidth("20em");
    Span label = new Span(text);
    label.setId("search-working");
    status.add(label, bar);
  }

  private void showError(String text) {
    status.removeAll();
    results.removeAll();
    status.add(Messages.error("search-error", text));
  }

  private void showStoredQuery(QueryTrack track) {
    query.removeAll();
    query.add(new H3("Query: " + track.id()));
    query.add(new Paragraph("Tags: " + joined(track.tags()) + " · predicted: "
        + scores(SearchService.top(track.scores()))));
    player(track.id()).ifPresent(query::add);
  }

  private void showUploadQuery(UploadOutcome outcome, byte[] bytes) {
    query.removeAll();
    query.add(new H3("Query: " + outcome.fileName()));
    query.add(new Paragraph(String.format(Locale.ROOT, "%.1f s of audio · predicted: %s", outcome.seconds(),
        outcome.predicted().isEmpty() ? "— (no model)" : scores(outcome.predicted()))));
    if (bytes != null) {
      query.add(new UploadedAudioPlayer(outcome.fileName(), bytes));
    }
  }

  /** {@code querySeconds}: the upload's length, for the stretch a segment match marks (0 for a stored track). */
  private void showResults(SearchResults found, double querySeconds) {
    results.removeAll();
    if (found.hits().isEmpty()) {
      results.add(Messages.empty("no-results", "No tracks match"
          + (mustHave.getValue().isEmpty() && mustNotHave.getValue().isEmpty() ? "." : " these tag filters.")));
      return;
    }
    List<String> newTags = new ArrayList<>();
    int rank = 0;
    for (SimilarHit hit : found.hits()) {
      rank++;
      hit.tags().stream().filter(t -> !knownTags.contains(t)).forEach(newTags::add);
      results.add(hitCard(rank, hit, querySeconds));
    }
    if (!newTags.isEmpty()) {
      knownTags.addAll(newTags);
      List<String> must = List.copyOf(mustHave.getValue());
      List<String> mustNot = List.copyOf(mustNotHave.getValue());
      mustHave.setItems(knownTags);
      mustNotHave.setItems(knownTags);
      mustHave.select(must);
      mustNotHave.select(mustNot);
    }
  }

  private Div hitCard(int rank, SimilarHit hit, double querySeconds) {
    Div card = new Div();
    card.addClassName("hit");
    card.getElement().setAttribute("data-id", hit.id());
    card.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
        .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
    Span title = new Span(String.format(Locale.ROOT, "#%d %s · score %.3f", rank,
        hit.title() == null ? hit.id() : hit.title() + " (" + hit.id() + ")", hit.score()));
    title.addClassName("hit-title");
    title.getStyle().set("font-weight", "600");
    Div tags = new Div(new Span("Tags: " + joined(hit.tags()) + " · predicted: " + scores(hit.predicted())));
    List<String> why = new ArrayList<>();
    if (!hit.sharedTags().isEmpty()) {
      why.add("shares the tags " + joined(hit.sharedTags()));
    }
    if (!hit.sharedPredictedTags().isEmpty()) {
      why.add("both predicted " + joined(hit.sharedPredictedTags()));
    }
    Div reason = new Div(new Span("Why: " + (why.isEmpty() ? "close embedding only" : String.join("; ", why))));
    reason.addClassName("hit-why");
    Button more = new Button("More like this", e -> moreLikeThis(hit.id()));
    more.addClassName("more-like-this");
    more.addThemeVariants(ButtonVariant.LUMO_SMALL);
    HorizontalLayout actions = new HorizontalLayout();
    actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    // A segment match plays from where the upload sounds alike and marks that stretch.
    player(hit.id(), hit.at()).ifPresent(actions::add);
    actions.add(more);
    card.add(title, tags, reason);
    if (hit.at() != null) {
      card.add(new MatchTimeline(hit.at(), querySeconds, hit.durationSeconds(), hit.segmentScore()));
    }
    card.add(actions);
    return card;
  }

  private Optional<AudioPlayer> player(String id) {
    return player(id, null);
  }

  private Optional<AudioPlayer> player(String id, Double at) {
    return catalog.flatMap(c -> c.track(id)).map(t -> at == null ? new AudioPlayer(id) : AudioPlayer.startingAt(id, at));
  }

  private static String message(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    return cause.getMessage();
  }

  /** The upload component's own reasons, in the page's words and with the limits. */
  private static String rejection(String error, UploadPolicy policy) {
    String lower = error.toLowerCase(Locale.ROOT);
    if (lower.contains("big")) {
      return "over the " + policy.maxSizeText() + " upload limit";
    }
    if (lower.contains("type")) {
      return "not an audio file this search accepts (" + String.join(", ", UploadPolicy.EXTENSIONS) + ")";
    }
    return error;
  }

  private static String joined(List<String> values) {
    return values.isEmpty() ? "none" : String.join(", ", values);
  }

  private static String scores(List<TagScore> scores) {
    if (scores.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    scores.forEach(s -> parts.add(String.format(Locale.ROOT, "%s %.0f %%", s.tag(), 100 * s.score())));
    return String.join(", ", parts);
  }
}
