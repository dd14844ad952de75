package org.soundalike.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.soundalike.audio.AudioSpec;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Catalogs;
import org.soundalike.dataset.Split;
import org.soundalike.dataset.Track;
import org.soundalike.net.TrainingBatch;

/** {@link TrainingViews} reading its training views from materialised shards ({@link MaterialisedViews}). */
class TrainingViewsFromShardsTest {

  @TempDir static Path shared;
  static Catalog catalog;
  static List<Track> training;
  static Path twoEpochs;

  @TempDir Path dir;

  @BeforeAll
  static void corpusAndShards() throws IOException {
    catalog = Catalogs.open(TinyCorpus.create(shared.resolve("corpus")));
    training = ShardFixture.usableTraining(catalog);
    twoEpochs = ShardFixture.write(shared.resolve("views"), training, 2, MaterialisedViews.PLAIN_CROPS);
  }

  private static TrainingViews fromShards(Path shards, Variant variant) {
    return new TrainingViews(catalog, 7, variant.augment(), MaterialisedViews.open(shards, variant));
  }

  @Test
  void trainingBatchesHoldExactlyTheShardViewsOfEpochNMinusOneModE() {
    TrainingViews views = fromShards(twoEpochs, Variant.SUPERVISED_ONLY);
    List<Track> usable = views.usableForTraining(catalog.tracks(Split.TRAIN), new LinkedHashMap<>());
    List<Track> batchTracks = usable.subList(1, 4);

    for (int epoch : new int[] {1, 2, 3, 4}) {
      TrainingBatch batch = views.training(batchTracks, epoch, Set.of(), DataType.FLOAT);
      int shardEpoch = (epoch - 1) % 2;
      for (int i = 0; i < batchTracks.size(); i++) {
        String id = batchTracks.get(i).id();
        assertThat(batch.firstViews().getRow(i).toFloatVector())
            .as("epoch %d, track %s, view 0", epoch, id)
            .containsExactly(ShardFixture.audio(id, shardEpoch, 0, AudioSpec.EXCERPT_SAMPLES));
        assertThat(batch.secondViews().getRow(i).toFloatVector())
            .as("epoch %d, track %s, view 1", epoch, id)
            .containsExactly(ShardFixture.audio(id, shardEpoch, 1, AudioSpec.EXCERPT_SAMPLES));
      }
    }
  }

  @Test
  void aTrackTooShortForAnExcerptIsRefusedAsOnTheFlyNotRequiredFromTheShards() {
    Map<String, String> refused = new LinkedHashMap<>();

    List<Track> usable = fromShards(twoEpochs, Variant.SUPERVISED_ONLY).usableForTraining(catalog.tracks(Split.TRAIN), refused);

    assertThat(usable).containsExactlyElementsOf(training);
    assertThat(refused).containsOnlyKeys(TinyCorpus.TOO_SHORT);
  }

  @Test
  void aUsableTrainingTrackTheShardsMissIsAnErrorNamingIt() throws IOException {
    String missing = training.get(2).id();
    Path shards = ShardFixture.write(dir, training, 1, MaterialisedViews.PLAIN_CROPS, AudioSpec.EXCERPT_SAMPLES,
        missing, 0);
    TrainingViews views = fromShards(shards, Variant.SUPERVISED_ONLY);

    assertThatThrownBy(() -> views.usableForTraining(catalog.tracks(Split.TRAIN), new LinkedHashMap<>()))
        .isInstanceOf(TrainingException.class)
        .hasMessageContaining("training track " + missing)
        .hasMessageContaining(shards.toString());
  }

  @Test
  void aTrackMissingFromALaterEpochIsAnErrorNamingItAndTheEpoch() throws IOException {
    String missing = training.get(4).id();
    Path shards = ShardFixture.write(dir, training, 2, MaterialisedViews.PLAIN_CROPS, AudioSpec.EXCERPT_SAMPLES,
        missing, 1);
    TrainingViews views = fromShards(shards, Variant.SUPERVISED_ONLY);
    List<Track> usable = views.usableForTraining(catalog.tracks(Split.TRAIN), new LinkedHashMap<>());
    views.training(usable.subList(0, 3), 1, Set.of(), DataType.FLOAT);

    assertThatThrownBy(() -> views.training(usable.subList(0, 3), 2, Set.of(), DataType.FLOAT))
        .isInstanceOf(TrainingException.class)
        .hasMessageContaining("epoch 1 of 2")
        .hasMessageContaining("training track " + missing);
  }

  @Test
  void viewsOfAnotherExcerptLengthAreRefused() throws IOException {
    Path shards = ShardFixture.write(dir, training, 1, MaterialisedViews.PLAIN_CROPS, 300, null, -1);

    assertThatThrownBy(() -> MaterialisedViews.open(shards, Variant.SUPERVISED_ONLY))
        .isInstanceOf(TrainingException.class)
        .hasMessageContaining(shards.toString())
        .hasMessageContaining("300 samples")
        .hasMessageContaining(String.valueOf(AudioSpec.EXCERPT_SAMPLES));
  }

  @Test
  void theShardsPresetMustMatchTheVariantsTechniqueA() throws IOException {
    Path augmented = ShardFixture.write(dir, training, 1, "paper");

    assertThatThrownBy(() -> MaterialisedViews.open(augmented, Variant.SUPERVISED_ONLY))
        .isInstanceOf(TrainingException.class)
        .hasMessageContaining("preset paper")
        .hasMessageContaining("variant A");
    assertThatThrownBy(() -> MaterialisedViews.open(twoEpochs, Variant.PRETRAIN))
        .isInstanceOf(TrainingException.class)
        .hasMessageContaining("preset none");
    assertThat(MaterialisedViews.open(augmented, Variant.PRETRAIN)).isNotNull();
  }

  @Test
  void aFolderWithoutAnIndexIsAnErrorNamingIt() {
    assertThatThrownBy(() -> MaterialisedViews.open(dir, Variant.SUPERVISED_ONLY))
        .isInstanceOf(TrainingException.class)
        .hasMessageContaining(dir.toString());
  }

  @Test
  void validationCropsAreTheOnTheFlyOnesWithShardsToo() {
    List<Track> validation = catalog.tracks(Split.VALID);
    TrainingViews onTheFly = new TrainingViews(catalog, 7, false, null);

    List<TrainingBatch> expected = onTheFly.validation(validation, TinyCorpus.BATCH, true, DataType.FLOAT);
    List<TrainingBatch> actual = fromShards(twoEpochs, Variant.SUPERVISED_ONLY)
        .validation(validation, TinyCorpus.BATCH, true, DataType.FLOAT);

    assertThat(actual).hasSameSizeAs(expected);
    for (int b = 0; b < expected.size(); b++) {
      assertThat(actual.get(b).firstViews()).isEqualTo(expected.get(b).firstViews());
      assertThat(actual.get(b).secondViews()).isEqualTo(expected.get(b).secondViews());
    }
  }
}
