package org.soundalike.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AugmentationChainTest {

  private static final List<AugmentationStep> SEVEN =
      List.of(
          AugmentationStep.POLARITY_INVERSION,
          AugmentationStep.NOISE,
          AugmentationStep.GAIN,
          AugmentationStep.FILTER,
          AugmentationStep.DELAY,
          AugmentationStep.PITCH_SHIFT,
          AugmentationStep.REVERB);

  @Test
  void appliesEachStepAtItsProbabilityInChainOrder() {
    AugmentationChain chain = AugmentationChain.paper();
    float[] excerpt = Signals.musicLike(1, 2048);
    int draws = 3000;
    Map<AugmentationStep, Integer> counts = new EnumMap<>(AugmentationStep.class);

    for (long seed = 0; seed < draws; seed++) {
      List<AppliedAugmentation> applied = chain.augment(excerpt, seed).applied();
      for (int i = 1; i < applied.size(); i++) {
        assertThat(applied.get(i).step().ordinal()).isGreaterThan(applied.get(i - 1).step().ordinal());
      }
      applied.forEach(a -> counts.merge(a.step(), 1, Integer::sum));
    }

    for (AugmentationStep step : SEVEN) {
      double p = AugmentationPreset.PAPER.probability(step);
      double mean = draws * p;
      double tolerance = 4.5 * Math.sqrt(draws * p * (1 - p)) + 1;
      assertThat((double) counts.getOrDefault(step, 0)).as(step.name()).isBetween(mean - tolerance, mean + tolerance);
    }
  }

  @Test
  void isDeterministicPerSeedAndVariesAcrossSeeds() {
    AugmentationChain chain = new AugmentationChain(AugmentationPreset.REFERENCE);
    float[] excerpt = Signals.musicLike(2, Signals.N);

    AugmentedExcerpt first = chain.augment(excerpt, 42);
    AugmentedExcerpt again = chain.augment(excerpt, 42);
    AugmentedExcerpt other = chain.augment(excerpt, 43);

    assertThat(again.audio()).containsExactly(first.audio());
    assertThat(again.applied()).isEqualTo(first.applied());
    assertThat(other.audio()).isNotEqualTo(first.audio());
    assertThat(first.preset()).isEqualTo("reference");
    assertThat(first.seed()).isEqualTo(42);
  }

  @Test
  void leavesTheInputUntouchedAndKeepsItsLength() {
    float[] excerpt = Signals.musicLike(3, Signals.N);
    float[] copy = excerpt.clone();

    AugmentedExcerpt view = AugmentationChain.paper().augment(excerpt, 7);

    assertThat(excerpt).containsExactly(copy);
    assertThat(view.audio()).hasSize(excerpt.length);
  }

  @Test
  void outputIsFiniteAndWithinUnitRangeWithTheNormalisingGainRecorded() {
    AugmentationChain chain = AugmentationChain.paper();
    float[] loud = Signals.whiteNoise(4, 8192, 0.6);
    for (int i = 0; i < loud.length; i++) {
      loud[i] = Math.max(-1f, Math.min(1f, loud[i]));
    }
    int normalised = 0;
    for (long seed = 0; seed < 150; seed++) {
      AugmentedExcerpt view = chain.augment(loud, seed);

      assertThat(Signals.allFinite(view.audio())).isTrue();
      assertThat(Signals.peak(view.audio())).isLessThanOrEqualTo(1.0);
      if (view.wasApplied(AugmentationStep.PEAK_NORMALISATION)) {
        normalised++;
        AppliedAugmentation last = view.applied().get(view.applied().size() - 1);
        assertThat(last.step()).isEqualTo(AugmentationStep.PEAK_NORMALISATION);
        assertThat(last.parameter("gainDb")).isNegative();
        assertThat(last.parameter("gainDb")).isCloseTo(-20 * Math.log10(last.parameter("inputPeak")), within(1e-9));
        assertThat(Signals.peak(view.audio())).isGreaterThan(0.999);
      }
    }
    assertThat(normalised).as("full-scale noise with echo or reverb must need normalising sometimes").isPositive();
  }

  @Test
  void survivesJavaSerialisationAsABeamDoFnFieldWouldAndGivesTheSameViews() throws Exception {
    AugmentationChain chain = new AugmentationChain(AugmentationPreset.REFERENCE);
    float[] excerpt = Signals.musicLike(5, 8192);

    AugmentationChain copy = roundTrip(chain);
    AugmentedExcerpt view = roundTrip(chain.augment(excerpt, 99));

    assertThat(copy.preset()).isEqualTo(chain.preset());
    assertThat(copy.steps()).hasSize(7);
    assertThat(copy.augment(excerpt, 99).audio()).containsExactly(view.audio());
    assertThat(copy.augment(excerpt, 99).applied()).isEqualTo(view.applied());
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void rejectsAnExcerptWithNaN() {
    float[] excerpt = new float[100];
    excerpt[17] = Float.NaN;

    assertThatThrownBy(() -> AugmentationChain.paper().augment(excerpt, 1))
        .isInstanceOf(AugmentationException.class)
        .hasMessageContaining("sample 17");
  }
}
