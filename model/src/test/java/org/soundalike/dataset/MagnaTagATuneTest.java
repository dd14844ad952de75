package org.soundalike.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagnaTagATuneTest {

  @TempDir Path dir;

  @Test
  void theStandardTopFiftyHasFiftyDistinctTags() {
    assertThat(MagnaTagATune.TOP_50).hasSize(50).doesNotHaveDuplicates();
    assertThat(MagnaTagATune.TOP_50.subList(0, 3)).containsExactly("guitar", "classical", "slow");
  }

  @Test
  void readsThePons2017SplitWithPathsFromTheIndex() throws IOException {
    Fixtures.magnatagatuneSplits(dir);

    Catalog catalog = MagnaTagATune.open(dir, CatalogOptions.defaults());

    assertThat(catalog.format()).isEqualTo("magnatagatune");
    assertThat(catalog.tracks()).extracting(Track::id).containsExactly("2", "6", "10", "14", "32", "35");
    assertThat(catalog.countsPerSplit()).containsEntry(Split.TRAIN, 3).containsEntry(Split.VALID, 1)
        .containsEntry(Split.TEST, 2);
    Track clip = catalog.track("10").orElseThrow();
    assertThat(clip.tags().tags()).containsExactlyInAnyOrder("guitar", "rock", "loud", "male vocal");
    assertThat(clip.audio()).isEqualTo(dir.resolve(Fixtures.mttPath(10)));
    assertThat(catalog.vocabulary().tags()).isEqualTo(MagnaTagATune.TOP_50);
  }

  @Test
  void theSplitVectorsDecodeInTopFiftyOrder() throws IOException {
    Fixtures.magnatagatuneSplits(dir);
    Catalog catalog = MagnaTagATune.open(dir, CatalogOptions.defaults());

    float[] vector = catalog.multiHot(catalog.track("2").orElseThrow());

    Set<String> on = new HashSet<>();
    for (int i = 0; i < vector.length; i++) {
      if (vector[i] == 1f) {
        on.add(MagnaTagATune.TOP_50.get(i));
      }
    }
    assertThat(on).containsExactlyInAnyOrder("classical", "strings", "violin", "opera");
    assertThat(vector[1]).isEqualTo(1f); // "classical" is the second tag of the standard list
  }

  @Test
  void aClipWithNoTopFiftyTagIsKept() throws IOException {
    Fixtures.magnatagatuneSplits(dir);

    Catalog catalog = MagnaTagATune.open(dir, CatalogOptions.defaults());

    assertThat(catalog.track("35").orElseThrow().tags().isEmpty()).isTrue();
  }

  @Test
  void pathsComeFromAnnotationsFinalWhenThereIsNoIndex() throws IOException {
    Fixtures.magnatagatuneSplits(dir);
    Fixtures.magnatagatuneAnnotations(dir);
    Files.delete(dir.resolve("index_mtt.tsv"));
    Path audio = dir.resolve("mp3");

    Catalog catalog = MagnaTagATune.open(dir, CatalogOptions.defaults().withAudioRoot(audio));

    assertThat(catalog.track("32").orElseThrow().audio()).isEqualTo(audio.resolve(Fixtures.mttPath(32)));
    assertThat(catalog.size()).isEqualTo(6);
  }

  @Test
  void splitVectorsAreCheckedAgainstAnnotationsFinal() throws IOException {
    Fixtures.magnatagatuneSplits(dir);
    Fixtures.magnatagatuneAnnotations(dir, 1000);

    Catalog catalog = MagnaTagATune.open(dir, CatalogOptions.defaults());

    // Tags outside the top 50 ("singer" on clip 6) stay out of the catalog.
    assertThat(catalog.track("6").orElseThrow().tags().tags()).containsExactlyInAnyOrder("classical", "strings", "man");
    // Clip 1000 is annotated but in no split (like the clips Pons et al. left out): not a track.
    assertThat(catalog.track("1000")).isEmpty();
  }

  @Test
  void aVectorThatDisagreesWithAnnotationsFinalIsRejected() throws IOException {
    Fixtures.magnatagatuneSplits(dir);
    Fixtures.magnatagatuneAnnotations(dir);
    Path val = dir.resolve("val_gt_mtt.tsv");
    Files.writeString(val, Fixtures.groundTruthLine(14, Set.of("techno", "beats")) + "\n");

    assertThatThrownBy(() -> MagnaTagATune.open(dir, CatalogOptions.defaults()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(val + " line 1")
        .hasMessageContaining("clip 14")
        .hasMessageContaining("annotations_final.csv line 5");
  }

  @Test
  void aVectorOfWrongLengthNamesFileAndLine() throws IOException {
    Fixtures.magnatagatuneSplits(dir);
    Path train = dir.resolve("train_gt_mtt.tsv");
    String line = Fixtures.groundTruthLine(2, Set.of("classical"));
    Files.writeString(train, Fixtures.groundTruthLine(6, Set.of()) + "\n" + line.replace("[0.0, ", "[") + "\n");

    assertThatThrownBy(() -> MagnaTagATune.open(dir, CatalogOptions.defaults()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(train + " line 2")
        .hasMessageContaining("49 values");
  }

  @Test
  void aValueOtherThanZeroOrOneIsRejected() throws IOException {
    Fixtures.magnatagatuneSplits(dir);
    Path test = dir.resolve("test_gt_mtt.tsv");
    Files.writeString(test, Fixtures.groundTruthLine(32, Set.of()).replaceFirst("0\\.0", "2.0") + "\n");

    assertThatThrownBy(() -> MagnaTagATune.open(dir, CatalogOptions.defaults()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(test + " line 1")
        .hasMessageContaining("neither 0 nor 1");
  }

  @Test
  void aLineWithoutAListIsRejected() throws IOException {
    Fixtures.magnatagatuneSplits(dir);
    Path test = dir.resolve("test_gt_mtt.tsv");
    Files.writeString(test, "32\tf/x.mp3\n");

    assertThatThrownBy(() -> MagnaTagATune.open(dir, CatalogOptions.defaults()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(test + " line 1")
        .hasMessageContaining("not a [..] list");
  }

  @Test
  void aClipInTwoSplitsIsRejected() throws IOException {
    Fixtures.magnatagatuneSplits(dir);
    Path test = dir.resolve("test_gt_mtt.tsv");
    Files.writeString(test, Fixtures.groundTruthLine(35, Set.of()) + "\n" + Fixtures.groundTruthLine(2, Set.of()) + "\n");

    assertThatThrownBy(() -> MagnaTagATune.open(dir, CatalogOptions.defaults()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(test + " line 2: duplicate clip id 2")
        .hasMessageContaining("train_gt_mtt.tsv line 1");
  }

  @Test
  void aClipWithoutPathIsRejected() throws IOException {
    Fixtures.magnatagatuneSplits(dir);
    Path index = dir.resolve("index_mtt.tsv");
    Files.writeString(index, "2\t" + Fixtures.mttPath(2) + "\n");

    assertThatThrownBy(() -> MagnaTagATune.open(dir, CatalogOptions.defaults()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("train_gt_mtt.tsv line 2")
        .hasMessageContaining("clip 6 has no audio path in " + index);
  }

  @Test
  void aMalformedIndexLineNamesFileAndLine() throws IOException {
    Fixtures.magnatagatuneSplits(dir);
    Path index = dir.resolve("index_mtt.tsv");
    Files.writeString(index, "2\t" + Fixtures.mttPath(2) + "\nsix\tf/six.mp3\n");

    assertThatThrownBy(() -> MagnaTagATune.open(dir, CatalogOptions.defaults()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(index + " line 2")
        .hasMessageContaining("'six'");
  }

  @Test
  void aMalformedAnnotationRowNamesFileAndLine() throws IOException {
    Fixtures.magnatagatuneSplits(dir);
    Fixtures.magnatagatuneAnnotations(dir);
    Path annotations = dir.resolve("annotations_final.csv");
    String text = Files.readString(annotations);
    Files.writeString(annotations, text + "\"99\"\t\"1\"\n");

    assertThatThrownBy(() -> MagnaTagATune.open(dir, CatalogOptions.defaults()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(annotations + " line 8")
        .hasMessageContaining("columns");
  }

  @Test
  void withNeitherIndexNorAnnotationsTheErrorSaysWhatIsMissing() throws IOException {
    Fixtures.magnatagatuneSplits(dir);
    Files.delete(dir.resolve("index_mtt.tsv"));

    assertThatThrownBy(() -> MagnaTagATune.open(dir, CatalogOptions.defaults()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("index_mtt.tsv")
        .hasMessageContaining("annotations_final.csv");
  }

  @Test
  void mostFrequentTagsRanksColumnsByCountThenColumnOrder() throws IOException {
    Fixtures.magnatagatuneSplits(dir);
    Fixtures.magnatagatuneAnnotations(dir, 1000, 1001, 1002);

    // "singer": clips 6, 1000, 1001, 1002 = 4; "classical": 2, 6, 32 = 3; "strings": 2, 6 = 2;
    // then the tags counted once, in column order: "guitar" is the first of them.
    assertThat(MagnaTagATune.mostFrequentTags(dir.resolve("annotations_final.csv"), 4))
        .containsExactly("singer", "classical", "strings", "guitar");
  }

  @Test
  void findsClmrsMagnatagatuneSubFolderAndTakesAudioFromThere() throws IOException {
    Path folder = dir.resolve("magnatagatune");
    Fixtures.magnatagatuneSplits(folder);

    Catalog catalog = Catalogs.open(dir);

    assertThat(catalog.format()).isEqualTo("magnatagatune");
    assertThat(catalog.track("2").orElseThrow().audio()).isEqualTo(folder.resolve(Fixtures.mttPath(2)));
  }

  @Test
  void outputLabelsFileGivesTheVocabulary() throws IOException {
    Fixtures.magnatagatuneSplits(dir);
    Fixtures.magnatagatuneAnnotations(dir);
    String list = String.join(", ", MagnaTagATune.TOP_50.stream().map(t -> "'" + t + "'").toList());
    Files.writeString(dir.resolve("output_labels_mtt.txt"), "# Output labels\nMTT_LABELS = [" + list + "]\n");

    Catalog catalog = MagnaTagATune.open(dir, CatalogOptions.defaults());

    assertThat(catalog.vocabulary().tags()).isEqualTo(MagnaTagATune.TOP_50);
  }

  @Test
  void anOutputLabelsFileInAnotherOrderIsCaughtByAnnotationsFinal() throws IOException {
    Fixtures.magnatagatuneSplits(dir);
    Fixtures.magnatagatuneAnnotations(dir);
    List<String> reversed = new ArrayList<>(MagnaTagATune.TOP_50);
    Collections.reverse(reversed);
    String list = String.join(", ", reversed.stream().map(t -> "'" + t + "'").toList());
    Files.writeString(dir.resolve("output_labels_mtt.txt"), "MTT_LABELS = [" + list + "]\n");

    assertThatThrownBy(() -> MagnaTagATune.open(dir, CatalogOptions.defaults()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("train_gt_mtt.tsv line 1")
        .hasMessageContaining("tag order");
  }

  @Test
  void aMalformedOutputLabelsFileIsNamed() throws IOException {
    Fixtures.magnatagatuneSplits(dir);
    Path labels = dir.resolve("output_labels_mtt.txt");
    Files.writeString(labels, "guitar classical slow\n");

    assertThatThrownBy(() -> MagnaTagATune.open(dir, CatalogOptions.defaults()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(labels.toString());
  }
}
