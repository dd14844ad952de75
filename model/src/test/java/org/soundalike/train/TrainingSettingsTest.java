package org.soundalike.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.soundalike.net.SampleCnnConfig;

class TrainingSettingsTest {

  @Test
  void aRelativeAndAnAbsoluteNameOfThePretrainingRunAreTheSameSettings() {
    Path relative = Path.of("est", "ssl");
    TrainingSettings asTyped =
        TrainingSettings.defaults(SampleCnnConfig.TINY, Variant.named("G"), 3.0, 0.1, 1, Path.of("est", ".", "ssl"));
    TrainingSettings absolute =
        TrainingSettings.defaults(SampleCnnConfig.TINY, Variant.named("G"), 3.0, 0.1, 1, relative.toAbsolutePath());

    // A checkpoint's settings are compared with the rerun command's: spelling must not matter.
    assertThat(asTyped).isEqualTo(absolute);
    assertThat(asTyped.pretrainedRun().isAbsolute() && asTyped.pretrainedRun().endsWith(relative)).isTrue();
  }
}
