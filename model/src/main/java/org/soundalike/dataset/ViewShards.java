package org.soundalike.dataset;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Reads the training views that {@code soundalike pipeline augment} materialised (docs/formats.md
 * "Training view shards"), so training needs no Beam and no decoding. Every shard is checked
 * against the index's SHA-256 and its own CRC32 before a view is returned: a damaged or stale
 * shard is an error naming the file, never silently different training data.
 */
public final class ViewShards {

  private final Path dir;
  private final ViewShardIndex index;

  private ViewShards(Path dir, ViewShardIndex index) {
    this.dir = dir;
    this.index = index;
  }

  /** @throws ViewShardException if {@code dir} holds no readable index */
  public static ViewShards open(Path dir) {
    return new ViewShards(dir, ViewShardIndex.read(dir));
  }

  public ViewShardIndex index() {
    return index;
  }

  public int epochs() {
    return index.epochs();
  }

  /** The shards of one epoch, in shard order. */
  public List<ViewShard> shards(int epoch) {
    return index.shards().stream().filter(s -> s.epoch() == epoch).toList();
  }

  /** Every view of one epoch: shard by shard, and within a shard by track id, view 0 before view 1. */
  public List<TrainingView> views(int epoch) {
    List<TrainingView> views = new ArrayList<>();
    shards(epoch).forEach(shard -> views.addAll(read(shard)));
    return views;
  }

  /** The views of one shard, after checking its size, SHA-256, CRC32 and header. */
  public List<TrainingView> read(ViewShard shard) {
    Path file = dir.resolve(shard.file());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ViewShardException(file + ": cannot read the shard: " + e.getMessage(), e);
    }
    verifyChecksums(file, shard, bytes);
    try {
      return parse(file, shard, ByteBuffer.wrap(bytes, 0, bytes.length - ViewShardFormat.TRAILER_BYTES)
          .order(ByteOrder.LITTLE_ENDIAN));
    } catch (BufferUnderflowException e) {
      throw new ViewShardException(file + ": shard ends inside a view record", e);
    }
  }

  private static void verifyChecksums(Path file, ViewShard shard, byte[] bytes) {
    if (bytes.length != shard.bytes()) {
      throw new ViewShardException(file + ": " + bytes.length + " bytes, the index says " + shard.bytes());
    }
    String sha = HexFormat.of().formatHex(ViewShardFormat.sha256().digest(bytes));
    if (!sha.equals(shard.sha256())) {
      throw new ViewShardException(file + ": SHA-256 " + sha + " does not match the index's " + shard.sha256());
    }
    int body = bytes.length - ViewShardFormat.TRAILER_BYTES;
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, body);
    int stored = ByteBuffer.wrap(bytes, body, ViewShardFormat.TRAILER_BYTES).order(ByteOrder.LITTLE_ENDIAN).getInt();
    if ((int) crc.getValue() != stored) {
      throw new ViewShardException(file + ": CRC32 of the content does not match the shard's trailer");
    }
  }

  private List<TrainingView> parse(Path file, ViewShard shard, ByteBuffer in) {
    byte[] magic = new byte[ViewShardFormat.MAGIC.length];
    in.get(magic);
    if (!Arrays.equals(magic, ViewShardFormat.MAGIC)) {
      throw new ViewShardException(file + ": not a view shard (bad magic)");
    }
    int version = in.getInt();
    int sampleRate = in.getInt();
    int samplesPerView = in.getInt();
    int epoch = in.getInt();
    int count = in.getInt();
    if (version != ViewShardFormat.VERSION || sampleRate != index.sampleRate() || samplesPerView != index.samplesPerView()
        || epoch != shard.epoch() || count != shard.views()) {
      throw new ViewShardException(file + ": header (version " + version + ", " + sampleRate + " Hz, " + samplesPerView
          + " samples, epoch " + epoch + ", " + count + " views) disagrees with the index");
    }
    List<TrainingView> views = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] id = new byte[Short.toUnsignedInt(in.getShort())];
      in.get(id);
      int view = in.getInt();
      long cropStart = in.getLong();
      long seed = in.getLong();
      float[] audio = new float[samplesPerView];
      for (int s = 0; s < samplesPerView; s++) {
        audio[s] = ViewShardFormat.fromPcm(in.getShort());
      }
      views.add(new TrainingView(new String(id, StandardCharsets.UTF_8), epoch, view, cropStart, seed, audio));
    }
    if (in.hasRemaining()) {
      throw new ViewShardException(file + ": " + in.remaining() + " bytes after the last view");
    }
    return views;
  }
}
