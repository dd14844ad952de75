package org.soundalike.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes one shard of training views (docs/formats.md "Training view shards"). The file appears
 * under its final name only when complete (written beside it, then moved atomically), so a
 * worker that dies or is retried never leaves a half shard that looks whole.
 */
public final class ViewShardWriter {

  private ViewShardWriter() {}

  /**
   * Writes {@code views} (all of epoch {@code epoch}, each {@code samplesPerView} long) as shard
   * {@code shard} into {@code dir}, in the order given.
   *
   * @return the shard's index entry, with its size and SHA-256
   * @throws ViewShardException if a view belongs to another epoch or has another length
   */
  public static ViewShard write(Path dir, int epoch, int shard, int sampleRate, int samplesPerView, List<TrainingView> views)
      throws IOException {
    String name = ViewShardFormat.fileName(epoch, shard);
    Path target = dir.resolve(name);
    Path partial = dir.resolve(name + ".partial");
    Files.createDirectories(dir);
    CRC32 crc = new CRC32();
    MessageDigest sha = ViewShardFormat.sha256();
    long bytes = 0;
    try (OutputStream out = Files.newOutputStream(partial)) {
      ByteBuffer header = le(ViewShardFormat.HEADER_BYTES)
          .put(ViewShardFormat.MAGIC)
          .putInt(ViewShardFormat.VERSION)
          .putInt(sampleRate)
          .putInt(samplesPerView)
          .putInt(epoch)
          .putInt(views.size());
      bytes += emit(out, header, crc, sha);
      for (TrainingView view : views) {
        check(name, epoch, samplesPerView, view);
        byte[] id = view.trackId().getBytes(StandardCharsets.UTF_8);
        ByteBuffer record = le(Short.BYTES + id.length + ViewShardFormat.VIEW_FIXED_BYTES + 2 * samplesPerView)
            .putShort((short) id.length)
            .put(id)
            .putInt(view.view())
            .putLong(view.cropStart())
            .putLong(view.seed());
        for (float sample : view.audio()) {
          record.putShort(ViewShardFormat.toPcm(sample));
        }
        bytes += emit(out, record, crc, sha);
      }
      ByteBuffer trailer = le(ViewShardFormat.TRAILER_BYTES).putInt((int) crc.getValue());
      bytes += emit(out, trailer, null, sha);
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new ViewShard(name, epoch, shard, views.size(), bytes, HexFormat.of().formatHex(sha.digest()));
  }

  private static void check(String name, int epoch, int samplesPerView, TrainingView view) {
    if (view.epoch() != epoch) {
      throw new ViewShardException(name + ": track " + view.trackId() + " view " + view.view()
          + " belongs to epoch " + view.epoch() + ", not " + epoch);
    }
    if (view.audio().length != samplesPerView) {
      throw new ViewShardException(name + ": track " + view.trackId() + " view " + view.view()
          + " has " + view.audio().length + " samples, not " + samplesPerView);
    }
    if (view.trackId().getBytes(StandardCharsets.UTF_8).length > 0xFFFF) {
      throw new ViewShardException(name + ": track id longer than 65535 bytes: " + view.trackId().substring(0, 40) + "...");
    }
  }

  private static ByteBuffer le(int capacity) {
    return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static int emit(OutputStream out, ByteBuffer buffer, CRC32 crc, MessageDigest sha) throws IOException {
    byte[] array = buffer.array();
    int length = buffer.position();
    if (crc != null) {
      crc.update(array, 0, length);
    }
    sha.update(array, 0, length);
    out.write(array, 0, length);
    return length;
  }
}
