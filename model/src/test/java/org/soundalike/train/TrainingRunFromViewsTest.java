package org.soundalike.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Catalogs;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.run.RunProvenanceJson;
import org.soundalike.run.RunFolder;

/**
 * A whole run whose training views come from materialised shards ({@code --views}): one-epoch
 * runs of the tiny network, trained once for the class.
 */
class TrainingRunFromViewsTest {

  @TempDir static Path shared;
  static Catalog catalog;
  static Path views;
  static Path fromShards;
  static TrainingState fromShardsState;

  @TempDir Path dir;

  private static final PrintStream LOG = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  @BeforeAll
  static void trainOnceFromShards() throws IOException {
    catalog = Catalogs.open(TinyCorpus.create(shared.resolve("corpus")));
    views = ShardFixture.write(shared.resolve("views"), ShardFixture.usableTraining(catalog), 1,
        MaterialisedViews.PLAIN_CROPS);
    fromShards = shared.resolve("from-shards");
    fromShardsState = train(fromShards, settings().withViews(views));
  }

  private static TrainingSettings settings() {
    return TrainingSettings.defaults(SampleCnnConfig.TINY, Variant.SUPERVISED_ONLY, null, 1, 7, null)
        .withEpochs(1)
        .withBatch(TinyCorpus.BATCH, 0);
  }

  private static TrainingState train(Path run, TrainingSettings settings) {
    return new TrainingRun(catalog, run, settings, "test", LOG).run().state();
  }

  private static List<Double> trainingLosses(TrainingState state) {
    return state.history().stream().map(r -> r.training().total()).toList();
  }

  @Test
  void aRunFromShardsIsDeterministicAndTrainsOnTheShardViewsNotOnTheFlyCrops() {
    TrainingState again = train(dir.resolve("again"), settings().withViews(views));
    TrainingState onTheFly = train(dir.resolve("on-the-fly"), settings());

    assertThat(trainingLosses(again)).isEqualTo(trainingLosses(fromShardsState));
    assertThat(again.history().get(0).validation()).isEqualTo(fromShardsState.history().get(0).validation());
    assertThat(trainingLosses(onTheFly).get(0)).isNotEqualTo(trainingLosses(fromShardsState).get(0));
  }

  @Test
  void theRunRecordsItsShardFolder() {
    assertThat(RunProvenanceJson.read(fromShards.resolve(RunFolder.RUN_JSON)).extra().get("views").asText())
        .isEqualTo(views.toString());
  }

  @Test
  void aRunFromShardsIsNotResumedOnTheFly() {
    assertThatThrownBy(() -> train(fromShards, settings().withEpochs(2)))
        .isInstanceOf(TrainingException.class)
        .hasMessageContaining("holds another run");
  }

  @Test
  void shardsMissingATrainingTrackStopTheRunBeforeTrainingNamingTheTrack() throws IOException {
    String missing = ShardFixture.usableTraining(catalog).get(0).id();
    Path partial = ShardFixture.write(dir.resolve("partial"), ShardFixture.usableTraining(catalog).subList(1, 6), 1,
        MaterialisedViews.PLAIN_CROPS);

    assertThatThrownBy(() -> train(dir.resolve("run"), settings().withViews(partial)))
        .isInstanceOf(TrainingException.class)
        .hasMessageContaining("training track " + missing);
  }
}
