package org.soundalike.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewShardsTest {

  private static final int RATE = 22050;
  private static final int LENGTH = 300;

  @TempDir Path dir;

  private static TrainingView view(String id, int epoch, int view, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] audio = new float[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      audio[i] = (float) (random.nextDouble() * 2 - 1);
    }
    audio[0] = 1f;
    audio[1] = -1f;
    return new TrainingView(id, epoch, view, 1000L * view + epoch, seed, audio);
  }

  private ViewShards writeTwoEpochs() throws IOException {
    ViewShard a = ViewShardWriter.write(dir, 0, 0, RATE, LENGTH, List.of(view("t1", 0, 0, 1), view("t1", 0, 1, 2)));
    ViewShard b = ViewShardWriter.write(dir, 0, 1, RATE, LENGTH, List.of(view("ünï-2", 0, 0, 3), view("ünï-2", 0, 1, 4)));
    ViewShard c = ViewShardWriter.write(dir, 1, 0, RATE, LENGTH, List.of(view("t1", 1, 0, 5), view("t1", 1, 1, 6)));
    ViewShardIndex.of(RATE, LENGTH, 2, 2, 42L, "paper", "manifest.jsonl", List.of(c, b, a)).write(dir);
    return ViewShards.open(dir);
  }

  @Test
  void viewsRoundTripWithin16BitPrecisionAndKeepTheirIdentity() throws IOException {
    ViewShards shards = writeTwoEpochs();

    List<TrainingView> epoch0 = shards.views(0);
    assertThat(epoch0).extracting(TrainingView::trackId).containsExactly("t1", "t1", "ünï-2", "ünï-2");
    assertThat(epoch0).extracting(TrainingView::view).containsExactly(0, 1, 0, 1);
    assertThat(epoch0).extracting(TrainingView::seed).containsExactly(1L, 2L, 3L, 4L);
    TrainingView original = view("ünï-2", 0, 1, 4);
    TrainingView read = epoch0.get(3);
    assertThat(read.cropStart()).isEqualTo(original.cropStart());
    for (int i = 0; i < LENGTH; i++) {
      assertThat(read.audio()[i]).isCloseTo(original.audio()[i], org.assertj.core.data.Offset.offset(0.5f / 32767f + 1e-7f));
    }
    assertThat(read.audio()[0]).isEqualTo(1f);
    assertThat(read.audio()[1]).isEqualTo(-1f);
    assertThat(shards.views(1)).extracting(TrainingView::epoch).containsOnly(1);
    assertThat(shards.index().shards()).extracting(ViewShard::file)
        .containsExactly("epoch-0000-shard-00000.views", "epoch-0000-shard-00001.views", "epoch-0001-shard-00000.views");
    assertThat(shards.index().runSeed()).isEqualTo(42L);
  }

  @Test
  void aFlippedByteIsCaughtByTheChecksum() throws IOException {
    ViewShards shards = writeTwoEpochs();
    Path file = dir.resolve("epoch-0000-shard-00001.views");
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.seek(100);
      int b = raw.read();
      raw.seek(100);
      raw.write(b ^ 0x10);
    }
    assertThatThrownBy(() -> shards.views(0))
        .isInstanceOf(ViewShardException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("SHA-256");
  }

  @Test
  void aTruncatedShardIsRefusedByItsSize() throws IOException {
    ViewShards shards = writeTwoEpochs();
    Path file = dir.resolve("epoch-0001-shard-00000.views");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    assertThatThrownBy(() -> shards.views(1)).isInstanceOf(ViewShardException.class).hasMessageContaining("bytes");
  }

  @Test
  void aViewOfAnotherEpochCannotBeWrittenIntoTheShard() {
    assertThatThrownBy(() -> ViewShardWriter.write(dir, 0, 0, RATE, LENGTH, List.of(view("t1", 1, 0, 1))))
        .isInstanceOf(ViewShardException.class)
        .hasMessageContaining("track t1")
        .hasMessageContaining("epoch 1");
  }

  @Test
  void aFolderWithoutIndexIsAnErrorNamingIt() {
    assertThatThrownBy(() -> ViewShards.open(dir)).isInstanceOf(ViewShardException.class).hasMessageContaining("index.json");
  }
}
