package org.soundalike.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes small catalogs in the real on-disk formats. */
final class Fixtures {

  private Fixtures() {}

  static final String JAMENDO_HEADER = "TRACK_ID\tARTIST_ID\tALBUM_ID\tPATH\tDURATION\tTAGS";

  /** A Jamendo split file with the real file's CRLF line ends. */
  static Path jamendoFile(Path folder, String split, String... rows) throws IOException {
    Files.createDirectories(folder);
    StringBuilder text = new StringBuilder(JAMENDO_HEADER).append("\r\n");
    for (String row : rows) {
      text.append(row).append("\r\n");
    }
    Path file = folder.resolve("autotagging_top50tags-" + split + ".tsv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  static String jamendoRow(int number, String... tags) {
    String id = String.format("track_%07d", number);
    String path = String.format("%02d/%d.mp3", number % 100, number);
    return id + "\tartist_000001\talbum_000001\t" + path + "\t201.5" + (tags.length == 0 ? "" : "\t" + String.join("\t", tags));
  }

  /** A complete split-0 folder: 3 train, 2 validation, 2 test tracks. */
  static void jamendo(Path folder) throws IOException {
    jamendoFile(folder, "train",
        jamendoRow(241, "genre---rock"),
        jamendoRow(242, "genre---rock", "instrument---guitar", "mood/theme---energetic"),
        jamendoRow(1001, "genre---pop", "instrument---voice"));
    jamendoFile(folder, "validation",
        jamendoRow(773, "genre---electronic"),
        jamendoRow(774, "genre---electronic", "mood/theme---happy"));
    jamendoFile(folder, "test",
        jamendoRow(215, "genre---metal"),
        jamendoRow(216, "genre---metal", "instrument---guitar"));
  }

  /** A pons2017 split line: clip id, then 50 values as Python prints a list of floats. */
  static String groundTruthLine(int clipId, Set<String> tags) {
    List<String> values = new ArrayList<>();
    for (String tag : MagnaTagATune.TOP_50) {
      values.add(tags.contains(tag) ? "1.0" : "0.0");
    }
    return clipId + "\t[" + String.join(", ", values) + "]";
  }

  static String mttPath(int clipId) {
    return "f/some_artist-some_album-01-song_" + clipId + "-30-59.mp3";
  }

  static final int[] MTT_TRAIN = {2, 6, 10};
  static final int[] MTT_VALID = {14};
  static final int[] MTT_TEST = {32, 35};

  static Set<String> mttTags(int clipId) {
    return switch (clipId) {
      case 2 -> Set.of("classical", "strings", "violin", "opera");
      case 6 -> Set.of("classical", "strings", "man");
      case 10 -> Set.of("guitar", "rock", "loud", "male vocal");
      case 14 -> Set.of("techno", "beat");
      case 32 -> Set.of("harpsichord", "classical", "choral");
      default -> Set.of(); // clip 35: no top-50 tag, as many real clips
    };
  }

  /** The three split files and index_mtt.tsv, as CLMR downloads them. */
  static void magnatagatuneSplits(Path folder) throws IOException {
    Files.createDirectories(folder);
    writeGroundTruth(folder.resolve("train_gt_mtt.tsv"), MTT_TRAIN);
    writeGroundTruth(folder.resolve("val_gt_mtt.tsv"), MTT_VALID);
    writeGroundTruth(folder.resolve("test_gt_mtt.tsv"), MTT_TEST);
    StringBuilder index = new StringBuilder();
    for (int[] ids : List.of(MTT_TRAIN, MTT_VALID, MTT_TEST)) {
      for (int id : ids) {
        index.append(id).append('\t').append(mttPath(id)).append('\n');
      }
    }
    Files.writeString(folder.resolve("index_mtt.tsv"), index);
  }

  private static void writeGroundTruth(Path file, int[] ids) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int id : ids) {
      text.append(groundTruthLine(id, mttTags(id))).append('\n');
    }
    Files.writeString(file, text);
  }

  /** Tag columns of the fixture's annotations_final.csv: some top-50 tags, two others, in a mixed order. */
  static final List<String> MTT_COLUMNS = new ArrayList<>();

  static {
    MTT_COLUMNS.add("no voice");
    MTT_COLUMNS.add("singer"); // not in the top 50
    MTT_COLUMNS.addAll(MagnaTagATune.TOP_50.stream().filter(t -> !t.equals("no voice")).toList());
    MTT_COLUMNS.add("duet"); // not in the top 50
  }

  /** annotations_final.csv as the dataset ships it: tab-separated, every field double-quoted. */
  static void magnatagatuneAnnotations(Path folder, int... extraClipsWithSinger) throws IOException {
    StringBuilder text = new StringBuilder(quoted("clip_id"));
    MTT_COLUMNS.forEach(c -> text.append('\t').append(quoted(c)));
    text.append('\t').append(quoted("mp3_path")).append('\n');
    List<Integer> ids = new ArrayList<>();
    for (int[] split : List.of(MTT_TRAIN, MTT_VALID, MTT_TEST)) {
      for (int id : split) {
        ids.add(id);
      }
    }
    for (int extra : extraClipsWithSinger) {
      ids.add(extra);
    }
    for (int id : ids) {
      Set<String> tags = mttTags(id);
      text.append(quoted(Integer.toString(id)));
      for (String column : MTT_COLUMNS) {
        boolean on = tags.contains(column) || (column.equals("singer") && (id == 6 || id >= 1000));
        text.append('\t').append(quoted(on ? "1" : "0"));
      }
      text.append('\t').append(quoted(mttPath(id))).append('\n');
    }
    Files.writeString(folder.resolve("annotations_final.csv"), text);
  }

  private static String quoted(String field) {
    return '"' + field + '"';
  }
}
