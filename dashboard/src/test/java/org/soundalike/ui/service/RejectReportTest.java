package org.soundalike.ui.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectReportTest {

  @TempDir Path dir;

  @Test
  void readsTheIngestReportAndTheExportReportsInTheRunFolderWithTheirReasons() throws Exception {
    Path ingest = Files.write(dir.resolve("rejects.jsonl"), List.of(
        "{\"path\":\"/m/a.ogg\",\"reason\":\"CORRUPT\",\"message\":\"/m/a.ogg: invalid data\"}",
        "",
        "{\"path\":\"/m/b.wav\",\"reason\":\"DUPLICATE\",\"message\":\"same audio\",\"duplicateOf\":\"/m/c.wav\"}"));
    Path run = Files.createDirectories(dir.resolve("run"));
    Path export = Files.write(run.resolve("tracks.jsonl.rejects.jsonl"),
        List.of("{\"line\":4,\"id\":\"t4\",\"reason\":\"embedding contains NaN\"}"));
    Files.writeString(run.resolve("run.json"), "{}");

    RejectReport.Listing listing = new RejectReport(Optional.of(ingest), Optional.of(run)).read();

    assertThat(listing.problems()).isEmpty();
    assertThat(listing.reports()).containsExactly(ingest, export);
    assertThat(listing.rejects()).containsExactly(
        new RejectReport.Rejected("ingest", ingest, "/m/a.ogg", "CORRUPT", "/m/a.ogg: invalid data"),
        new RejectReport.Rejected("ingest", ingest, "/m/b.wav", "DUPLICATE", "same audio; same content as /m/c.wav"),
        new RejectReport.Rejected("export", export, "t4 (input line 4)", "embedding contains NaN", ""));
  }

  @Test
  void aBadLineIsAProblemNamingFileAndLineAndTheOtherLinesStillCount() throws Exception {
    Path ingest = Files.write(dir.resolve("rejects.jsonl"), List.of(
        "{\"path\":\"/m/a.ogg\"}",
        "{\"path\":\"/m/b.mp3\",\"reason\":\"TOO_SHORT\"}",
        "[1, 2"));

    RejectReport.Listing listing = new RejectReport(Optional.of(ingest), Optional.empty()).read();

    assertThat(listing.rejects()).extracting(RejectReport.Rejected::item).containsExactly("/m/b.mp3");
    assertThat(listing.problems()).hasSize(2);
    assertThat(listing.problems().get(0))
        .isEqualTo(ingest + " line 1: not a reject record ({\"path\" or \"id\", \"reason\"}): needs \"reason\" and \"path\" or \"id\"");
    assertThat(listing.problems().get(1)).startsWith(ingest + " line 3: not a reject record");
  }

  @Test
  void aMissingReportIsAProblemAndNoReportGivenIsNotConfigured() {
    Path missing = dir.resolve("nowhere.jsonl");
    RejectReport.Listing listing = new RejectReport(Optional.of(missing), Optional.empty()).read();
    assertThat(listing.rejects()).isEmpty();
    assertThat(listing.problems()).containsExactly(missing + ": no such file (the --rejects report)");
    assertThat(new RejectReport(Optional.empty(), Optional.empty()).configured()).isFalse();
    assertThat(new RejectReport(Optional.empty(), Optional.of(dir)).configured()).isTrue();
  }
}
