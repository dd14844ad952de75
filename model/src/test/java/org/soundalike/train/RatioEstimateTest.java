package org.soundalike.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.net.LossValues;

class RatioEstimateTest {

  private static EpochRecord epoch(int n, double ml, double ssl) {
    LossValues losses = new LossValues(ml + ssl, ml, ssl);
    return new EpochRecord(n, losses, losses, 1e-3, 1, 1);
  }

  @Test
  void convergedIsTheMeanValidationLossOfTheLastEpochs() {
    List<EpochRecord> history = List.of(epoch(1, 0.9, 5), epoch(2, 0.7, 4), epoch(3, 0.5, 3), epoch(4, 0.3, 2));

    assertThat(RatioEstimate.converged(history, 2, false)).isCloseTo(0.4, within(1e-12));
    assertThat(RatioEstimate.converged(history, 3, true)).isCloseTo(3.0, within(1e-12));
    assertThat(RatioEstimate.converged(history, 10, true)).isCloseTo(3.5, within(1e-12));
    assertThatThrownBy(() -> RatioEstimate.converged(List.of(), 2, true)).hasMessageContaining("no finished epoch");
  }

  @Test
  void theRecordedRatioReadsBackAndThePaperValuesAreKnownByFormat(@TempDir Path dir) {
    RatioEstimate estimate = new RatioEstimate(22.0, 4.4, 0.2, 5, "abc", "ssl", "ml");
    estimate.write(dir.resolve(RatioEstimate.FILE));

    assertThat(RatioEstimate.read(dir.resolve(RatioEstimate.FILE))).isEqualTo(estimate);
    assertThat(RatioEstimate.paperValue("magnatagatune")).isEqualTo(22.00);
    assertThat(RatioEstimate.paperValue("mtg-jamendo")).isEqualTo(18.95);
    assertThat(RatioEstimate.paperValue("generic")).isNull();
  }
}
