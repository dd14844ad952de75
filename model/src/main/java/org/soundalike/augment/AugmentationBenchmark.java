package org.soundalike.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.soundalike.audio.AudioSpec;

/**
 * Throughput of each augmentation and of the whole chain on one thread, on excerpts of
 * {@link AudioSpec#EXCERPT_SAMPLES} samples (for {@code soundalike bench augment}). Training
 * needs two augmented views per track per epoch, so the chain's speed bounds how fast views
 * can be made.
 */
public final class AugmentationBenchmark {

  /** One measured operation: how many excerpts it processed in how long. */
  public record Throughput(String name, int excerpts, double seconds, double excerptsPerSecond, double timesRealTime) {

    static Throughput of(String name, int excerpts, long nanos) {
      double seconds = nanos / 1e9;
      double perSecond = excerpts / seconds;
      return new Throughput(name, excerpts, seconds, perSecond, perSecond * AudioSpec.excerptSeconds());
    }
  }

  /**
   * @param steps each step applied to every excerpt (probability ignored)
   * @param chain the chain as used in training, each step at its probability
   * @param allSteps all seven steps applied to every excerpt: the slowest view the chain can make
   */
  public record Result(
      String preset,
      int excerptSamples,
      int sampleRate,
      int warmupExcerpts,
      List<Throughput> steps,
      Throughput chain,
      Throughput allSteps) {}

  /** Synthetic excerpts to augment, so the benchmark needs no data set. */
  private static final int DISTINCT_EXCERPTS = 16;

  private final AugmentationChain chain;
  private final List<float[]> excerpts;

  public AugmentationBenchmark(AugmentationPreset preset, long seed) {
    this.chain = new AugmentationChain(preset);
    this.excerpts = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < DISTINCT_EXCERPTS; i++) {
      excerpts.add(musicLike(random));
    }
  }

  /** Warms each measurement up with {@code warmup} excerpts, then times {@code count}. */
  public Result run(int warmup, int count) {
    List<Throughput> steps = new ArrayList<>();
    for (Augmentation step : chain.steps()) {
      String name = step.step().name().toLowerCase(Locale.ROOT);
      steps.add(time(name, warmup, count, (x, i) -> step.apply(x, new SplittableRandom(i))));
    }
    Throughput whole = time("chain", warmup, count, (x, i) -> chain.augment(x, i));
    Throughput all =
        time(
            "all_seven_steps",
            warmup,
            count,
            (x, i) -> {
              SplittableRandom random = new SplittableRandom(i);
              for (Augmentation step : chain.steps()) {
                step.apply(x, random);
              }
              AugmentationChain.normalisePeak(x);
            });
    return new Result(
        chain.preset().name(), AudioSpec.EXCERPT_SAMPLES, AudioSpec.SAMPLE_RATE, warmup, steps, whole, all);
  }

  private interface Operation {
    void run(float[] excerpt, long index);
  }

  private Throughput time(String name, int warmup, int count, Operation operation) {
    for (int i = 0; i < warmup; i++) {
      operation.run(excerpts.get(i % DISTINCT_EXCERPTS).clone(), i);
    }
    long nanos = 0;
    for (int i = 0; i < count; i++) {
      float[] excerpt = excerpts.get(i % DISTINCT_EXCERPTS).clone();
      long start = System.nanoTime();
      operation.run(excerpt, warmup + i);
      nanos += System.nanoTime() - start;
    }
    return Throughput.of(name, count, nanos);
  }

  /** A few harmonic notes with an amplitude envelope and a little noise, peak about 0.5. */
  private static float[] musicLike(SplittableRandom random) {
    int n = AudioSpec.EXCERPT_SAMPLES;
    double rate = AudioSpec.SAMPLE_RATE;
    float[] x = new float[n];
    int noteLength = (int) (rate * (0.2 + 0.4 * random.nextDouble()));
    double f0 = 0;
    for (int i = 0; i < n; i++) {
      if (i % noteLength == 0) {
        f0 = 110 * Math.pow(2, random.nextInt(36) / 12.0);
      }
      double t = i / rate;
      double envelope = Math.exp(-3.0 * (i % noteLength) / rate);
      double v = 0;
      for (int h = 1; h <= 6; h++) {
        v += 0.15 / h * Math.sin(2 * Math.PI * f0 * h * t);
      }
      x[i] = (float) (envelope * v + 0.01 * random.nextGaussian());
    }
    return x;
  }
}
