package org.soundalike.dataset.debian;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The licence of a file as a package's machine-readable copyright file states it (DEP-5,
 * https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/): the {@code Files:} stanza
 * that matches last wins. Patterns name paths in the upstream source, which are installed under
 * some prefix ({@code data/music/bay.ogg} → {@code usr/share/games/supertuxkart/data/music/bay.ogg}),
 * so a pattern matches an installed path when it matches the path or one of its tails.
 */
public final class Dep5Copyright {

  /** What a file gets when the copyright file is not DEP-5 or no stanza covers it. */
  public static final String UNKNOWN = "unknown";

  private record Stanza(List<Pattern> files, String licence) {}

  private final List<Stanza> stanzas;

  private Dep5Copyright(List<Stanza> stanzas) {
    this.stanzas = stanzas;
  }

  public static Dep5Copyright parse(String text) {
    List<Stanza> stanzas = new ArrayList<>();
    for (String paragraph : text.replace("\r", "").split("\n\\s*\n")) {
      List<String> files = new ArrayList<>();
      String licence = null;
      String field = null;
      for (String line : paragraph.split("\n")) {
        boolean continuation = line.startsWith(" ") || line.startsWith("\t");
        if (!continuation) {
          int colon = line.indexOf(':');
          field = colon < 0 ? null : line.substring(0, colon).strip();
          String value = colon < 0 ? "" : line.substring(colon + 1).strip();
          if ("Files".equalsIgnoreCase(field)) {
            files.addAll(words(value));
          } else if ("License".equalsIgnoreCase(field) && licence == null) {
            licence = value;
          }
        } else if ("Files".equalsIgnoreCase(field)) {
          files.addAll(words(line));
        }
      }
      // Stanzas for the packaging (debian/*) never cover installed data files.
      files.removeIf(f -> f.startsWith("debian/"));
      if (!files.isEmpty() && licence != null && !licence.isEmpty()) {
        stanzas.add(new Stanza(files.stream().map(Dep5Copyright::glob).toList(), licence));
      }
    }
    return new Dep5Copyright(stanzas);
  }

  /** The licence's short name for an installed path (without a leading {@code ./}), or {@link #UNKNOWN}. */
  public String licenceOf(String installedPath) {
    String licence = UNKNOWN;
    for (Stanza stanza : stanzas) {
      if (stanza.files().stream().anyMatch(p -> matchesSomeTail(p, installedPath))) {
        licence = stanza.licence();
      }
    }
    return licence;
  }

  private static boolean matchesSomeTail(Pattern pattern, String path) {
    int from = 0;
    while (true) {
      if (pattern.matcher(path.substring(from)).matches()) {
        return true;
      }
      int slash = path.indexOf('/', from);
      if (slash < 0) {
        return false;
      }
      from = slash + 1;
    }
  }

  /** DEP-5 wildcards: {@code *} is any run of characters (slashes included), {@code ?} one character. */
  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  private static List<String> words(String text) {
    return List.of(text.strip().split("\\s+")).stream().filter(w -> !w.isEmpty()).toList();
  }
}
