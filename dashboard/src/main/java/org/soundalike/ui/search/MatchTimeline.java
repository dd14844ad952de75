package org.soundalike.ui.search;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/**
 * A hit's timeline: a bar for the whole track with the stretch that matched the upload marked,
 * from {@code at} for the upload's length, and the time in words.
 */
final class MatchTimeline extends Div {

  MatchTimeline(double at, double uploadSeconds, Double trackSeconds, double segmentScore) {
    addClassName("match");
    getElement().setAttribute("data-at", String.format(Locale.ROOT, "%.2f", at));
    Span words = new Span(String.format(Locale.ROOT, "Sounds alike from %s (segment score %.3f)", clock(at), segmentScore));
    words.addClassName("match-at");
    add(words);
    if (trackSeconds != null && trackSeconds > 0) {
      Div bar = new Div();
      bar.addClassName("match-timeline");
      bar.getStyle().set("position", "relative").set("height", "8px").set("max-width", "480px")
          .set("background", "var(--lumo-contrast-10pct)").set("border-radius", "4px");
      Div stretch = new Div();
      stretch.addClassName("match-stretch");
      double from = Math.min(1, at / trackSeconds);
      double to = Math.min(1, (at + uploadSeconds) / trackSeconds);
      stretch.getStyle().set("position", "absolute").set("top", "0").set("height", "100%")
          .set("left", percent(from)).set("width", percent(Math.max(0.01, to - from)))
          .set("background", "var(--lumo-primary-color)").set("border-radius", "4px");
      bar.add(stretch);
      add(bar);
    }
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
  }

  static String clock(double seconds) {
    long whole = Math.round(Math.floor(seconds));
    return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
  }
}
