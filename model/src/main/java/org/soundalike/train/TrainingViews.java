package org.soundalike.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.audio.AudioDecoder;
import org.soundalike.audio.AudioException;
import org.soundalike.audio.AudioSpec;
import org.soundalike.audio.Excerpts;
import org.soundalike.augment.AugmentationChain;
import org.soundalike.augment.AugmentationSeed;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Track;
import org.soundalike.net.TrainingBatch;
import org.soundalike.progress.Progress;

/**
 * Turns tracks into {@link TrainingBatch}es: two views per track, each a random
 * crop (augmented with technique a), the tracks' multi-hot tags and which tracks are labelled.
 * Every draw comes from the run seed, the track and the epoch, so a batch can be rebuilt exactly.
 * With {@link MaterialisedViews} the training views are read from shards instead (the batch order
 * still comes from the run seed); validation crops are always computed here.
 * Decoded audio is kept in memory up to a budget (decoding is fast, but not free on every step).
 */
final class TrainingViews {

  /**
   * Keep at most this many decoded samples in memory: 40 % of the heap, at least 256 MiB (about
   * 50 minutes of audio). Beyond it tracks are decoded again on every use, which made real
   * recordings (minutes long, compressed) cost a full decode per view: 4 views/s instead of 100+.
   * The network's buffers are off-heap, so the heap is mostly this cache.
   */
  private static final long CACHE_SAMPLES =
      Math.max(1L << 26, (long) (Runtime.getRuntime().maxMemory() * 0.4) / Float.BYTES);
  /** The "epoch" of validation crops: the same fixed crops every epoch. */
  private static final int VALIDATION_EPOCH = -1;
  /** Crop draws and augmentation draws come from distinct streams of the same seed. */
  private static final long CROP_STREAM = 0x9E3779B97F4A7C15L;

  private final Catalog catalog;
  private final long seed;
  private final boolean augment;
  private final MaterialisedViews materialised;
  private final AugmentationChain chain = AugmentationChain.paper();
  private final AudioDecoder decoder = new AudioDecoder();
  private final Map<String, float[]> cache = new LinkedHashMap<>();
  private long cachedSamples;

  /** @param materialised the shards training views come from; null: computed on the fly */
  TrainingViews(Catalog catalog, long seed, boolean augment, MaterialisedViews materialised) {
    this.catalog = catalog;
    this.seed = seed;
    this.augment = augment;
    this.materialised = materialised;
  }

  /**
   * The usable training tracks. From shards: every track they cover is usable without decoding;
   * a track they miss is decoded only to tell a track that cannot be used (refused, as on the fly)
   * from one the shards should hold.
   *
   * @throws TrainingException naming a usable training track the shards hold no views of
   */
  List<Track> usableForTraining(List<Track> tracks, Map<String, String> refused) {
    if (materialised == null) {
      return usable(tracks, "training", refused);
    }
    List<Track> usable = new ArrayList<>();
    List<Track> uncovered = new ArrayList<>();
    for (Track track : tracks) {
      (materialised.covers(track.id()) ? usable : uncovered).add(track);
    }
    if (!uncovered.isEmpty()) {
      List<Track> shouldBeCovered = usable(uncovered, "uncovered training", refused);
      if (!shouldBeCovered.isEmpty()) {
        throw materialised.notCovered(shouldBeCovered.get(0).id(), 0);
      }
    }
    materialised.require(idsOf(usable));
    return usable;
  }

  /**
   * The tracks of {@code tracks} that hold at least one excerpt, decoding each once; the others
   * are reported in {@code refused} (id → reason) rather than silently dropped.
   */
  List<Track> usable(List<Track> tracks, String what, Map<String, String> refused) {
    List<Track> usable = new ArrayList<>();
    try (Progress progress = new Progress("reading " + what + " audio", "tracks", tracks.size())) {
      for (Track track : tracks) {
        try {
          float[] samples = samples(track);
          Excerpts.requireOneExcerpt(track.id(), track.audio(), samples.length);
          usable.add(track);
        } catch (AudioException e) {
          refused.put(track.id(), e.getMessage());
          progress.fail();
          continue;
        }
        progress.advance();
      }
    }
    return usable;
  }

  private float[] samples(Track track) {
    float[] cached = cache.get(track.id());
    if (cached != null) {
      return cached;
    }
    float[] samples = decoder.decode(track.audio()).samples();
    if (cachedSamples + samples.length <= CACHE_SAMPLES) {
      cache.put(track.id(), samples);
      cachedSamples += samples.length;
    }
    return samples;
  }

  /** The training order of epoch {@code epoch}: a seeded shuffle (Fisher–Yates). */
  List<Track> shuffled(List<Track> tracks, int epoch) {
    List<Track> order = new ArrayList<>(tracks);
    SplittableRandom random = new SplittableRandom(AugmentationSeed.of(seed, "order", epoch, 0));
    for (int i = order.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Track t = order.get(i);
      order.set(i, order.get(j));
      order.set(j, t);
    }
    return order;
  }

  /**
   * A training batch of epoch {@code epoch} (1-based): random crops, augmented with technique a,
   * or the materialised views of that epoch.
   */
  TrainingBatch training(List<Track> tracks, int epoch, Set<String> labelledIds, DataType type) {
    if (materialised != null) {
      return batch(tracks, (i, track, view) -> materialised.view(track.id(), epoch, view), labelledIds, type);
    }
    return batch(tracks, (i, track, view) -> view(track, epoch, view, augment), labelledIds, type);
  }

  /**
   * The validation batches: the split in catalog order, cut into batches of {@code batchTracks};
   * the last batch is filled by starting over from the first track, with other (still fixed)
   * crops, because the training graph has a fixed batch size. Not augmented; every track
   * labelled unless {@code labelled} is false (pre-training). The same crops every epoch.
   */
  List<TrainingBatch> validation(
      List<Track> tracks, int batchTracks, boolean labelled, DataType type) {
    Set<String> ids = labelled ? idsOf(tracks) : Set.of();
    int total = (tracks.size() + batchTracks - 1) / batchTracks * batchTracks;
    List<TrainingBatch> batches = new ArrayList<>();
    for (int from = 0; from < total; from += batchTracks) {
      List<Track> members = new ArrayList<>();
      int[] epochs = new int[batchTracks];
      for (int i = 0; i < batchTracks; i++) {
        int position = from + i;
        members.add(tracks.get(position % tracks.size()));
        epochs[i] = VALIDATION_EPOCH - position / tracks.size();
      }
      batches.add(batch(members, (i, track, view) -> view(track, epochs[i], view, false), ids, type));
    }
    return batches;
  }

  private static Set<String> idsOf(List<Track> tracks) {
    Set<String> ids = new HashSet<>();
    tracks.forEach(t -> ids.add(t.id()));
    return ids;
  }

  /** Makes view {@code view} of the batch's {@code index}-th track. */
  private interface ViewMaker {
    float[] view(int index, Track track, int view);
  }

  private TrainingBatch batch(List<Track> tracks, ViewMaker views, Set<String> labelledIds, DataType type) {
    int n = tracks.size();
    float[][] first = new float[n][];
    float[][] second = new float[n][];
    float[][] tags = new float[n][];
    boolean[] labelled = new boolean[n];
    for (int i = 0; i < n; i++) {
      Track track = tracks.get(i);
      first[i] = views.view(i, track, 0);
      second[i] = views.view(i, track, 1);
      tags[i] = catalog.multiHot(track);
      labelled[i] = labelledIds.contains(track.id());
    }
    return new TrainingBatch(
        matrix(first, type), matrix(second, type), matrix(tags, type), labelled);
  }

  private float[] view(Track track, int epoch, int view, boolean augmented) {
    float[] samples = samples(track);
    long viewSeed = AugmentationSeed.of(seed, track.id(), epoch, view);
    SplittableRandom random = new SplittableRandom(viewSeed ^ CROP_STREAM);
    int start = (int) Excerpts.randomCropStart(samples.length, random);
    float[] crop = Arrays.copyOfRange(samples, start, start + AudioSpec.EXCERPT_SAMPLES);
    return augmented ? chain.augment(crop, viewSeed).audio() : crop;
  }

  private static INDArray matrix(float[][] rows, DataType type) {
    return Nd4j.create(rows).castTo(type);
  }
}
