package org.soundalike.pipeline.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.audio.AudioDecoder;
import org.soundalike.dataset.TrainingView;
import org.soundalike.dataset.ViewShard;
import org.soundalike.dataset.ViewShardIndex;
import org.soundalike.dataset.ViewShards;
import org.soundalike.pipeline.AudioFixtures;
import org.soundalike.pipeline.DirectPipelines;
import org.soundalike.pipeline.ingest.ManifestEntry;

class AugmentViewsTest {

  @TempDir Path dir;

  private List<ManifestEntry> manifest() {
    Path one = AudioFixtures.music(dir.resolve("one.wav"), 5.0, 21);
    Path two = AudioFixtures.music(dir.resolve("two.flac"), 3.0, 22);
    Path held = AudioFixtures.music(dir.resolve("held-out.wav"), 3.0, 23);
    return List.of(
        new ManifestEntry("one", one.toString(), 5.0, 5 * 22050, 1, "h1", List.of(), "train"),
        new ManifestEntry("two", two.toString(), 3.0, 3 * 22050, 1, "h2", List.of(), "train"),
        new ManifestEntry("held", held.toString(), 3.0, 3 * 22050, 1, "h3", List.of(), "test"));
  }

  private void augment(List<ManifestEntry> tracks, Path out, String preset) throws Throwable {
    ViewPlan plan = new ViewPlan(2, 7L, preset, 2, out.toString(), "manifest.jsonl");
    DirectPipelines.test(getClass(), "augment", pipeline -> {
      PAssert.thatSingleton(pipeline
              .apply(Create.of(tracks).withCoder(SerializableCoder.of(ManifestEntry.class)))
              .apply(AugmentViews.of(plan, 2)))
          .satisfies(index -> {
            assertThat(index.tracks()).isEqualTo(2);
            assertThat(index.shards().stream().mapToInt(ViewShard::views).sum()).isEqualTo(2 * 2 * 2);
            return null;
          });
      pipeline.run().waitUntilFinish();
    });
  }

  @Test
  void everyTrainingTrackGetsTwoSeededViewsPerEpochInReadableShards() throws Throwable {
    List<ManifestEntry> tracks = manifest();
    Path out = dir.resolve("views");
    augment(tracks, out, "paper");

    ViewShards shards = ViewShards.open(out);
    assertThat(shards.epochs()).isEqualTo(2);
    assertThat(shards.index().preset()).isEqualTo("paper");
    AudioDecoder decoder = new AudioDecoder();
    for (int epoch = 0; epoch < 2; epoch++) {
      List<TrainingView> views = shards.views(epoch);
      Map<String, List<Integer>> viewsPerTrack = views.stream().collect(Collectors.groupingBy(TrainingView::trackId,
          Collectors.mapping(TrainingView::view, Collectors.toList())));
      assertThat(viewsPerTrack).containsOnlyKeys("one", "two");
      viewsPerTrack.values().forEach(v -> assertThat(v).containsExactly(0, 1));
      for (TrainingView view : views) {
        assertThat(view.audio()).hasSize(59049);
        long samples = view.trackId().equals("one") ? 5 * 22050 : 3 * 22050;
        assertThat(view.cropStart()).isBetween(0L, samples - 59049);
      }
    }
    // The two views of a pair differ (different crops and augmentations), and so do epochs.
    TrainingView a = shards.views(0).get(0);
    TrainingView b = shards.views(0).get(1);
    assertThat(a.audio()).isNotEqualTo(b.audio());
    assertThat(shards.views(1).get(0).seed()).isNotEqualTo(a.seed());

    // Plain crops (no augmentation) are exactly the decoded samples at the recorded start.
    Path plain = dir.resolve("plain");
    augment(tracks, plain, ViewPlan.PLAIN_CROPS);
    TrainingView crop = ViewShards.open(plain).views(1).get(0);
    float[] expected = decoder.decodeRange(Path.of(tracks.stream().filter(t -> t.id().equals(crop.trackId()))
        .findFirst().orElseThrow().path()), crop.cropStart(), 59049);
    for (int i = 0; i < 59049; i += 97) {
      assertThat(crop.audio()[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1.0f / 32767));
    }
  }

  @Test
  void aRerunWritesByteIdenticalShards() throws Throwable {
    List<ManifestEntry> tracks = manifest();
    augment(tracks, dir.resolve("first"), "paper");
    augment(tracks, dir.resolve("second"), "paper");

    ViewShardIndex first = ViewShardIndex.read(dir.resolve("first"));
    ViewShardIndex second = ViewShardIndex.read(dir.resolve("second"));
    assertThat(second.shards()).isEqualTo(first.shards());
    for (ViewShard shard : first.shards()) {
      assertThat(Files.readAllBytes(dir.resolve("second").resolve(shard.file())))
          .isEqualTo(Files.readAllBytes(dir.resolve("first").resolve(shard.file())));
    }
  }
}
