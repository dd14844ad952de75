package org.soundalike.ui.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.eval.report.RunResult;

class RunResultsServiceTest {

  @TempDir Path dir;

  @Test
  void findsEveryResultsFileAndReportsTheUnreadableOnes() throws Exception {
    RunResultFixture.write(dir, "run-b");
    RunResultFixture.write(dir, "run-a");
    Path broken = dir.resolve("runs/broken/results.json");
    Files.createDirectories(broken.getParent());
    Files.writeString(broken, "[1, 2");
    RunResultsService.Listing listing = new RunResultsService(Optional.of(dir)).list();
    assertThat(listing.runs()).extracting(r -> r.result().run().runId()).containsExactly("run-a", "run-b");
    assertThat(listing.unreadable()).singleElement().asString().startsWith(broken.toString());
  }

  @Test
  void theMapStartsWithThePapersContrastingTagsAndNeighboursAreNearestFirst() throws Exception {
    RunResultFixture.write(dir, "run");
    RunResultsService service = new RunResultsService(Optional.of(dir));
    RunResult result = service.list().runs().get(0).result();
    assertThat(service.defaultColouring(result)).contains(TagColouring.contrast("female vocal", "no vocal"));
    assertThat(service.neighboursOnMap(result, "t05", 4)).extracting(Neighbour::id)
        .containsExactly("t04", "t06", "t13", "t12");
  }

  @Test
  void withoutThePapersTagsTheTwoMostFrequentAreContrasted() throws Exception {
    RunResultFixture.write(dir, "run");
    Path file = dir.resolve("runs/run/results.json");
    Files.writeString(file, Files.readString(file).replace("female vocal", "strings"));
    RunResultsService service = new RunResultsService(Optional.of(dir));
    RunResult result = service.list().runs().get(0).result();
    // 'no vocal' on 15 tracks, 'piano' on 14, 'strings' on 13.
    assertThat(service.tags(result)).containsExactly("no vocal", "piano", "strings");
    assertThat(service.defaultColouring(result)).contains(TagColouring.contrast("no vocal", "piano"));
  }
}
