package org.soundalike.ui;

import com.vaadin.flow.component.html.Div;

/** The page's own messages (empty states, errors), styled alike in every view. */
public final class Messages {

  private Messages() {}

  /** Nothing to show yet, and what to do about it. */
  public static Div empty(String id, String text) {
    return box(id, text, "var(--lumo-contrast-5pct)", "var(--lumo-body-text-color)");
  }

  /** Something went wrong; the app keeps running. */
  public static Div error(String id, String text) {
    return box(id, text, "var(--lumo-error-color-10pct)", "var(--lumo-error-text-color)");
  }

  private static Div box(String id, String text, String background, String colour) {
    Div box = new Div(text);
    box.setId(id);
    box.addClassName("message");
    box.getStyle().set("padding", "var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)")
        .set("background", background).set("color", colour).set("max-width", "60em");
    return box;
  }
}
