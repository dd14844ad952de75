package org.soundalike.dataset.debian;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Dep5CopyrightTest {

  private static final String TEXT = """
      Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/

      Files: *
      Copyright: 2004 Team
      License: GPL-2+
       This program is free software.

      Files: data/music/bay.ogg
       data/music/celtic.ogg
      Copyright: 0zone0ne
      License: CC-BY-SA-3.0

      Files: data/music/jump*.ogg data/music/?ava.ogg
      Copyright: Someone
      License: CC-BY-SA-4.0

      Files: debian/*
      Copyright: Packager
      License: CC0
      """;

  private final Dep5Copyright copyright = Dep5Copyright.parse(TEXT);

  @Test
  void aPatternMatchesTheInstalledPathByItsTail() {
    assertThat(copyright.licenceOf("usr/share/games/stk/data/music/bay.ogg")).isEqualTo("CC-BY-SA-3.0");
  }

  @Test
  void continuationLinesAddFilesAndWildcardsMatch() {
    assertThat(copyright.licenceOf("usr/share/games/stk/data/music/celtic.ogg")).isEqualTo("CC-BY-SA-3.0");
    assertThat(copyright.licenceOf("usr/share/games/stk/data/music/jumping_remake.ogg")).isEqualTo("CC-BY-SA-4.0");
    assertThat(copyright.licenceOf("usr/share/games/stk/data/music/Lava.ogg")).isEqualTo("CC-BY-SA-4.0");
  }

  @Test
  void theLastMatchingStanzaWinsAndOthersFallBackToTheCatchAll() {
    assertThat(copyright.licenceOf("usr/share/games/stk/data/music/farm.ogg")).isEqualTo("GPL-2+");
  }

  @Test
  void packagingStanzasCoverNoInstalledFile() {
    assertThat(copyright.licenceOf("usr/share/doc/debian/changelog")).isEqualTo("GPL-2+");
  }

  @Test
  void aCopyrightFileThatIsNotDep5LeavesTheLicenceUnknown() {
    Dep5Copyright free = Dep5Copyright.parse("This package was debianized by someone.\n\nIt is GPL.\n");
    assertThat(free.licenceOf("usr/share/games/x/music/a.ogg")).isEqualTo(Dep5Copyright.UNKNOWN);
  }
}
