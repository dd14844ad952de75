package org.soundalike.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code index.json} of a view shard folder: how the views were made and every shard with
 * its checksum (docs/formats.md "Training view shards").
 *
 * @param format always {@code soundalike-views}
 * @param version the shard format version ({@code 1})
 * @param encoding the sample encoding ({@code pcm_s16le})
 * @param sampleRate samples per second of every view
 * @param samplesPerView samples in every view (one excerpt)
 * @param epochs epochs materialised, numbered {@code 0 .. epochs-1}
 * @param viewsPerTrack views per track per epoch ({@code 2})
 * @param tracks training tracks that have views
 * @param runSeed the seed every crop and augmentation was derived from
 * @param preset the augmentation preset's name, or {@code none} for plain crops
 * @param manifest the ingest manifest the tracks came from
 * @param shards every shard, sorted by epoch then shard number
 */
public record ViewShardIndex(
    String format,
    int version,
    String encoding,
    int sampleRate,
    int samplesPerView,
    int epochs,
    int viewsPerTrack,
    int tracks,
    long runSeed,
    String preset,
    String manifest,
    List<ViewShard> shards)
    implements Serializable {

  public static final String FORMAT = "soundalike-views";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ViewShardIndex {
    shards = shards.stream().sorted(Comparator.comparingInt(ViewShard::epoch).thenComparingInt(ViewShard::shard)).toList();
  }

  /** An index of the current format version for these views. */
  public static ViewShardIndex of(int sampleRate, int samplesPerView, int epochs, int tracks, long runSeed,
      String preset, String manifest, List<ViewShard> shards) {
    return new ViewShardIndex(FORMAT, ViewShardFormat.VERSION, ViewShardFormat.ENCODING, sampleRate, samplesPerView,
        epochs, 2, tracks, runSeed, preset, manifest, shards);
  }

  /** Writes {@code dir/index.json} atomically: training never sees a half-written index. */
  public void write(Path dir) throws IOException {
    Path partial = dir.resolve(ViewShardFormat.INDEX_FILE + ".partial");
    JSON.writeValue(partial.toFile(), this);
    Files.move(partial, dir.resolve(ViewShardFormat.INDEX_FILE), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** @throws ViewShardException if the file is missing, unreadable or of another format or version */
  public static ViewShardIndex read(Path dir) {
    Path file = dir.resolve(ViewShardFormat.INDEX_FILE);
    ViewShardIndex index;
    try {
      index = JSON.readValue(file.toFile(), ViewShardIndex.class);
    } catch (IOException e) {
      throw new ViewShardException(file + ": cannot read the view shard index: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(index.format()) || index.version() != ViewShardFormat.VERSION
        || !ViewShardFormat.ENCODING.equals(index.encoding())) {
      throw new ViewShardException(file + ": format " + index.format() + " version " + index.version() + " encoding "
          + index.encoding() + " is not " + FORMAT + " version " + ViewShardFormat.VERSION + " " + ViewShardFormat.ENCODING);
    }
    return index;
  }
}
