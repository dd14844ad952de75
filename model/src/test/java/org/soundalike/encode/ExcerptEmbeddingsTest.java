package org.soundalike.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.soundalike.dataset.TrackSegment;

/** Track-level outputs (METHOD.md): mean of z then L2, and the mean of the tag probabilities. */
class ExcerptEmbeddingsTest {

  @Test
  void trackEmbeddingIsTheNormalisedMeanOfTheExcerptEmbeddings() {
    ExcerptEmbeddings excerpts = new ExcerptEmbeddings(
        new float[][] {{1, 0}, {0, 1}, {0.6f, 0.8f}},
        new float[][] {{0.2f, 0.9f}, {0.4f, 0.3f}, {0.9f, 0.0f}});

    // mean = (1.6, 1.8) / 3, length-normalised: (1.6, 1.8) / √(1.6² + 1.8²)
    double norm = Math.sqrt(1.6 * 1.6 + 1.8 * 1.8);
    assertThat((double) excerpts.trackEmbedding()[0]).isCloseTo(1.6 / norm, within(1e-6));
    assertThat((double) excerpts.trackEmbedding()[1]).isCloseTo(1.8 / norm, within(1e-6));
    assertThat((double) excerpts.trackTagProbabilities()[0]).isCloseTo(0.5, within(1e-6));
    assertThat((double) excerpts.trackTagProbabilities()[1]).isCloseTo(0.4, within(1e-6));
  }

  @Test
  void aTrackWithoutExcerptsHasNoEmbedding() {
    ExcerptEmbeddings none = new ExcerptEmbeddings(new float[0][], new float[0][]);
    assertThatThrownBy(none::trackEmbedding).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void segmentsAreTheNormalisedMeansOfTheirWindowsWithTheirStarts() {
    ExcerptEmbeddings excerpts = new ExcerptEmbeddings(
        new float[][] {{1, 0}, {0, 1}, {0, 1}},
        new float[][] {{0}, {0}, {0}});

    List<TrackSegment> segments = excerpts.segments(new SegmentWindows(2, 1));

    assertThat(segments).hasSize(2);
    assertThat(segments.get(0).at()).isZero();
    assertThat((double) segments.get(0).embedding()[0]).isCloseTo(Math.sqrt(0.5), within(1e-6));
    assertThat((double) segments.get(0).embedding()[1]).isCloseTo(Math.sqrt(0.5), within(1e-6));
    assertThat(segments.get(1).at()).isCloseTo(59049 / 22050.0, within(1e-9));
    assertThat(segments.get(1).embedding()).containsExactly(0f, 1f);
  }
}
