package org.soundalike.net;

import java.util.List;
import java.util.Locale;
import org.soundalike.audio.AudioSpec;

/**
 * One network configuration, as data: the SampleCNN channel widths and the head sizes. The
 * {@link #PAPER} config is METHOD.md's network exactly; {@link #COMPACT} is the same code with
 * narrower channels, a documented deviation for CPU work (chosen by measurement, see
 * docs/benchmarks/net.md).
 *
 * @param name the config's name on the command line and in checkpoints
 * @param stemChannels output channels of the first (stride-3) convolution
 * @param blockChannels output channels of the nine conv+pool blocks, in order
 * @param embeddingChannels output channels of the last convolution: the size of h and z
 * @param projectorHidden hidden width of the projector g
 * @param projectionSize output width of the projector g
 * @param tags number of tags T of the tag head
 */
public record SampleCnnConfig(
    String name,
    int stemChannels,
    List<Integer> blockChannels,
    int embeddingChannels,
    int projectorHidden,
    int projectionSize,
    int tags) {

  /** The kernel size of every convolution and the pooling size: SampleCNN works in powers of 3. */
  public static final int KERNEL = 3;

  /** Nine blocks of max-pool 3 after the stride-3 stem reduce 3^10 samples to one frame. */
  public static final int BLOCKS = 9;

  public static final SampleCnnConfig PAPER =
      new SampleCnnConfig(
          "paper", 128, List.of(128, 128, 256, 256, 256, 256, 256, 256, 512), 512, 512, 64, 50);

  /** All widths ÷4 (projector kept at 64 outputs): about 1/16 of the paper's FLOPs. */
  public static final SampleCnnConfig COMPACT =
      new SampleCnnConfig(
          "compact", 32, List.of(32, 32, 64, 64, 64, 64, 64, 64, 128), 128, 128, 64, 50);

  /**
   * All widths ÷8 (projector kept at 64 outputs, like {@link #COMPACT}): about 1/64 of the paper's
   * FLOPs. A documented deviation for the demo-scale experiment grid (docs/results.md), where the
   * compact network cannot run 27 trainings in the time a shared 2-core machine has.
   */
  public static final SampleCnnConfig SMALL =
      new SampleCnnConfig(
          "small", 16, List.of(16, 16, 32, 32, 32, 32, 32, 32, 64), 64, 64, 64, 50);

  /**
   * 2–4 channels at the real depth and input length: for tests of the training and encoding code
   * (seconds per epoch), never for results.
   */
  public static final SampleCnnConfig TINY =
      new SampleCnnConfig("tiny", 2, List.of(2, 2, 3, 3, 3, 3, 3, 3, 4), 4, 5, 3, 50);

  public SampleCnnConfig {
    blockChannels = List.copyOf(blockChannels);
    if (blockChannels.size() != BLOCKS) {
      throw new IllegalArgumentException(
          "config " + name + ": SampleCNN has " + BLOCKS + " blocks, got " + blockChannels.size());
    }
    if (AudioSpec.EXCERPT_SAMPLES != pow3(BLOCKS + 1)) {
      throw new IllegalStateException("excerpt length is not 3^" + (BLOCKS + 1));
    }
  }

  /** The named config ({@code paper}, {@code compact}, {@code small} or {@code tiny}). */
  public static SampleCnnConfig named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "paper" -> PAPER;
      case "compact" -> COMPACT;
      case "small" -> SMALL;
      case "tiny" -> TINY;
      default -> throw new IllegalArgumentException(
          "unknown network config '" + name + "' (known: paper, compact, small, tiny)");
    };
  }

  /** The same config with another tag count (the dataset's vocabulary decides T). */
  public SampleCnnConfig withTags(int tagCount) {
    return new SampleCnnConfig(
        name, stemChannels, blockChannels, embeddingChannels, projectorHidden, projectionSize,
        tagCount);
  }

  /**
   * Multiply-adds of the encoder's convolutions for one excerpt, from the layer shapes (batch
   * norm, ReLU and pooling are not counted; they are memory-bound, not arithmetic).
   */
  public long encoderMultiplyAdds() {
    long length = AudioSpec.EXCERPT_SAMPLES / KERNEL;
    long total = length * KERNEL * stemChannels;
    int in = stemChannels;
    for (int out : blockChannels) {
      total += length * KERNEL * in * out;
      length /= KERNEL;
      in = out;
    }
    return total + length * KERNEL * in * embeddingChannels;
  }

  /** Forward FLOPs (2 per multiply-add) of the encoder for one excerpt. */
  public double encoderForwardFlops() {
    return 2.0 * encoderMultiplyAdds();
  }

  private static int pow3(int exponent) {
    int value = 1;
    for (int i = 0; i < exponent; i++) {
      value *= 3;
    }
    return value;
  }
}
