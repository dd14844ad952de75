package org.soundalike.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.soundalike.audio.AudioSpec;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Split;
import org.soundalike.dataset.Track;
import org.soundalike.dataset.TrainingView;
import org.soundalike.dataset.ViewShard;
import org.soundalike.dataset.ViewShardIndex;
import org.soundalike.dataset.ViewShardWriter;

/**
 * Test fixture: view shards as {@code pipeline augment} writes them, for the usable training
 * tracks of a {@link TinyCorpus} catalog, written directly with {@link ViewShardWriter}. Every
 * sample is a multiple of 1/32767, so it survives the 16-bit encoding exactly, and each view is
 * noise seeded by its track, epoch and view: unlike any crop of the corpus's tones.
 */
final class ShardFixture {

  private ShardFixture() {}

  /** The catalog's training tracks that hold an excerpt (all but {@link TinyCorpus#TOO_SHORT}). */
  static List<Track> usableTraining(Catalog catalog) {
    return catalog.tracks(Split.TRAIN).stream().filter(t -> !t.id().equals(TinyCorpus.TOO_SHORT)).toList();
  }

  /**
   * Writes {@code epochs} epochs of two views per track of {@code tracks} into {@code dir}, two
   * shards per epoch, leaving out track {@code skipId} from epoch {@code skipEpoch} (null: none).
   */
  static Path write(Path dir, List<Track> tracks, int epochs, String preset, int samplesPerView, String skipId,
      int skipEpoch) throws IOException {
    List<ViewShard> shards = new ArrayList<>();
    for (int epoch = 0; epoch < epochs; epoch++) {
      List<List<TrainingView>> perShard = List.of(new ArrayList<>(), new ArrayList<>());
      for (int t = 0; t < tracks.size(); t++) {
        String id = tracks.get(t).id();
        if (id.equals(skipId) && epoch == skipEpoch) {
          continue;
        }
        for (int view = 0; view < 2; view++) {
          perShard.get(t % 2).add(new TrainingView(id, epoch, view, 0, seed(id, epoch, view), audio(id, epoch, view,
              samplesPerView)));
        }
      }
      for (int shard = 0; shard < 2; shard++) {
        shards.add(ViewShardWriter.write(dir, epoch, shard, AudioSpec.SAMPLE_RATE, samplesPerView, perShard.get(shard)));
      }
    }
    ViewShardIndex.of(AudioSpec.SAMPLE_RATE, samplesPerView, epochs, tracks.size(), 11L, preset, "manifest.jsonl",
        shards).write(dir);
    return dir;
  }

  /** The full fixture: every usable training track in every epoch, excerpt-long views. */
  static Path write(Path dir, List<Track> tracks, int epochs, String preset) throws IOException {
    return write(dir, tracks, epochs, preset, AudioSpec.EXCERPT_SAMPLES, null, -1);
  }

  /** The samples of view {@code view} of track {@code id} in shard epoch {@code epoch}, as written. */
  static float[] audio(String id, int epoch, int view, int samples) {
    SplittableRandom random = new SplittableRandom(seed(id, epoch, view));
    float[] audio = new float[samples];
    for (int i = 0; i < samples; i++) {
      audio[i] = random.nextInt(-16000, 16001) / 32767f;
    }
    return audio;
  }

  private static long seed(String id, int epoch, int view) {
    return id.hashCode() * 31L * 31L + epoch * 31L + view;
  }
}
