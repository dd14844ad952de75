package org.soundalike.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.dataset.GenericCatalog;
import org.soundalike.dataset.Split;
import org.soundalike.dataset.TagSet;
import org.soundalike.dataset.Track;
import org.soundalike.pipeline.AudioFixtures;
import org.soundalike.pipeline.DirectPipelines;

class IngestTracksTest {

  @TempDir Path dir;

  private static PCollectionTuple ingest(org.apache.beam.sdk.Pipeline pipeline, List<SourceFile> files) {
    return pipeline
        .apply(Create.of(files).withCoder(SerializableCoder.of(SourceFile.class)))
        .apply(IngestTracks.expecting(files.size()));
  }

  private static <T> List<T> list(Iterable<T> items) {
    return StreamSupport.stream(items.spliterator(), false).toList();
  }

  @Test
  void everyFileOfAPlainFolderEndsInTheManifestOrInTheRejectsWithItsReason() throws Throwable {
    Map<String, String> expected = new HashMap<>();
    AudioFixtures.mixedFolder(dir).forEach((path, reason) -> expected.put(path.toString(), reason));
    String kept = dir.resolve("a-good.flac").toString();
    String copy = dir.resolve("z-copy-of-a.flac").toString();
    List<SourceFile> files = SourceFiles.find(dir, null);
    assertThat(files).hasSize(expected.size());

    DirectPipelines.test(getClass(), "plainFolder", pipeline -> {
      PCollectionTuple out = ingest(pipeline, files);
      PAssert.that(out.get(IngestTracks.MANIFEST)).satisfies(entries -> {
        List<ManifestEntry> manifest = list(entries);
        assertThat(manifest).extracting(ManifestEntry::path).containsExactlyInAnyOrderElementsOf(
            expected.entrySet().stream().filter(e -> e.getValue().equals("OK")).map(Map.Entry::getKey).toList());
        for (ManifestEntry entry : manifest) {
          assertThat(entry.id()).isEqualTo(entry.hash().substring(0, 16));
          assertThat(entry.hash()).hasSize(64);
          assertThat(entry.split()).isNull();
          assertThat(entry.tags()).isEmpty();
          assertThat(entry.excerpts()).isEqualTo((int) (entry.samples() / 59049));
          assertThat(entry.seconds()).isEqualTo(entry.samples() / 22050.0);
        }
        assertThat(manifest).filteredOn(e -> e.path().endsWith("a-good.flac")).singleElement()
            .satisfies(e -> assertThat(e.seconds()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.01)))
            .satisfies(e -> assertThat(e.excerpts()).isEqualTo(1));
        return null;
      });
      PAssert.that(out.get(IngestTracks.REJECTS)).satisfies(rejects -> {
        Map<String, IngestReject> byPath = list(rejects).stream().collect(Collectors.toMap(IngestReject::path, r -> r));
        assertThat(byPath.keySet()).containsExactlyInAnyOrderElementsOf(
            expected.entrySet().stream().filter(e -> !e.getValue().equals("OK")).map(Map.Entry::getKey).toList());
        byPath.forEach((path, reject) -> {
          String want = expected.get(path);
          assertThat(reject.message()).contains(Path.of(path).getFileName().toString());
          if (want.equals("REFUSED")) {
            assertThat(reject.reason()).isIn("NOT_AUDIO", "NO_AUDIO_STREAM", "NO_SAMPLES", "CORRUPT", "DECODER_ERROR");
          } else {
            assertThat(reject.reason()).as(path).isEqualTo(want);
          }
        });
        assertThat(byPath.get(copy).duplicateOf()).isEqualTo(kept);
        return null;
      });
      pipeline.run().waitUntilFinish();
    });
  }

  @Test
  void aCatalogKeepsItsIdsTagsAndSplitsAndReportsAMissingFile() throws Throwable {
    Path audio = dir.resolve("catalog");
    AudioFixtures.music(audio.resolve("rock/one.wav"), 3.0, 11);
    AudioFixtures.music(audio.resolve("jazz/two.flac"), 3.0, 12);
    GenericCatalog.write(audio, List.of(
        new Track("rock/one", audio.resolve("rock/one.wav"), Split.TRAIN, TagSet.of(List.of("rock", "guitar"))),
        new Track("jazz/two", audio.resolve("jazz/two.flac"), Split.TEST, TagSet.of(List.of("jazz"))),
        new Track("gone", audio.resolve("gone.mp3"), Split.VALID, TagSet.empty())));
    List<SourceFile> files = SourceFiles.find(audio, null);
    assertThat(files).extracting(SourceFile::catalogId).containsExactly("rock/one", "jazz/two", "gone");

    DirectPipelines.test(getClass(), "catalog", pipeline -> {
      PCollectionTuple out = ingest(pipeline, files);
      PAssert.that(out.get(IngestTracks.MANIFEST)).satisfies(entries -> {
        Map<String, ManifestEntry> byId = list(entries).stream().collect(Collectors.toMap(ManifestEntry::id, e -> e));
        assertThat(byId).containsOnlyKeys("rock/one", "jazz/two");
        assertThat(byId.get("rock/one").split()).isEqualTo("train");
        assertThat(byId.get("rock/one").tags()).containsExactly("guitar", "rock");
        assertThat(byId.get("jazz/two").split()).isEqualTo("test");
        assertThat(byId.get("jazz/two").forTraining()).isFalse();
        return null;
      });
      PAssert.that(out.get(IngestTracks.REJECTS)).satisfies(rejects -> {
        assertThat(list(rejects)).singleElement().satisfies(r -> {
          assertThat(r.path()).endsWith("gone.mp3");
          assertThat(r.reason()).isEqualTo("NOT_A_FILE");
        });
        return null;
      });
      pipeline.run().waitUntilFinish();
    });
  }

  @Test
  void aPlainFolderWalkLeavesOutTheIngestsOwnOutput() throws IOException {
    AudioFixtures.music(dir.resolve("one.wav"), 3.0, 1);
    java.nio.file.Files.createDirectories(dir.resolve("out"));
    java.nio.file.Files.writeString(dir.resolve("out/manifest.jsonl"), "{}\n");

    assertThat(SourceFiles.find(dir, dir.resolve("out"))).extracting(SourceFile::path)
        .containsExactly(dir.resolve("one.wav").toString());
  }
}
