package org.soundalike.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioDecoderTest {

  private static final int SOURCE_RATE = 44_100;
  private static final int OUT_RATE = AudioSpec.SAMPLE_RATE;

  private static final Map<String, String> CODEC_BY_EXTENSION =
      Map.of("wav", "pcm_s16le", "flac", "flac", "mp3", "mp3", "ogg", "vorbis", "m4a", "aac", "opus", "opus");

  private final AudioDecoder decoder = new AudioDecoder();

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"wav", "flac", "mp3", "ogg", "m4a", "opus"})
  void decodesEachFormatToMonoAt22050KeepingLengthLevelAndPitch(String extension) {
    float[] source = Signals.toneWithNoise(440, 0.4, 0.02, SOURCE_RATE, 4 * SOURCE_RATE, 7);
    Path file = dir.resolve("tone." + extension);
    AudioWriter.write(file, SOURCE_RATE, source);

    DecodedAudio audio = decoder.decode(file);

    float[] out = audio.samples();
    // Lossy codecs may keep up to one frame of encoder padding (AAC: 1,024 source samples).
    assertThat(out.length).isCloseTo(4 * OUT_RATE, within(1024));
    assertThat(audio.seconds()).isCloseTo(4.0, within(0.05));
    int quarter = out.length / 4;
    assertThat(Signals.decibels(Signals.rms(out, quarter, 3 * quarter) / Signals.rms(source)))
        .as("level change in dB")
        .isCloseTo(0.0, within(0.5));
    Spectrum spectrum = new Spectrum(out, quarter, 16_384, OUT_RATE);
    assertThat(spectrum.frequency(spectrum.peakBin())).isCloseTo(440.0, within(2.0));

    AudioFacts facts = audio.facts();
    assertThat(facts.file()).isEqualTo(file);
    assertThat(facts.codec()).isEqualTo(CODEC_BY_EXTENSION.get(extension));
    assertThat(facts.originalSampleRate()).isEqualTo(extension.equals("opus") ? 48_000 : SOURCE_RATE);
    assertThat(facts.samples()).isEqualTo(out.length);
    assertThat(facts.silent()).isFalse();
  }

  @Test
  void reportsTheSourceChannelsAndRate() {
    Path file = dir.resolve("stereo.flac");
    AudioWriter.write(file, 48_000, Signals.sine(300, 0.3, 48_000, 48_000), Signals.sine(500, 0.3, 48_000, 48_000));

    AudioFacts facts = decoder.decode(file).facts();

    assertThat(facts.channels()).isEqualTo(2);
    assertThat(facts.originalSampleRate()).isEqualTo(48_000);
    assertThat(facts.container()).isEqualTo("flac");
    assertThat(facts.samples()).isEqualTo(OUT_RATE);
  }

  @Test
  void downmixAveragesTheChannelsSoLoudStereoStaysWithinFullScale() {
    float[] loud = Signals.sine(220, 0.95, SOURCE_RATE, 2 * SOURCE_RATE);
    Path file = dir.resolve("loud.wav");
    AudioWriter.write(file, SOURCE_RATE, loud, loud.clone());

    float[] out = decoder.decode(file).samples();

    // FFmpeg's default stereo downmix, (L + R) * 0.707, would peak at 1.34 here.
    assertThat(Signals.peak(out)).isLessThanOrEqualTo(1.0).isCloseTo(0.95, within(0.01));
  }

  @Test
  void peaksBetweenSamplesOfAFullScaleMasterAreClippedToFullScale() {
    float[] square = new float[2 * SOURCE_RATE];
    for (int i = 0; i < square.length; i++) {
      square[i] = (i / 50) % 2 == 0 ? 1f : -1f;
    }
    Path file = dir.resolve("square.wav");
    AudioWriter.write(file, SOURCE_RATE, square);

    float[] out = decoder.decode(file).samples();

    // Band-limiting a full-scale square overshoots by about 9 % (Gibbs) before the clip.
    assertThat(Signals.peak(out)).isEqualTo(1.0);
  }

  @Test
  void oppositeChannelsCancelToSilenceWhichIsFlaggedNotRefused() {
    float[] left = Signals.sine(220, 0.5, SOURCE_RATE, 3 * SOURCE_RATE);
    float[] right = new float[left.length];
    for (int i = 0; i < left.length; i++) {
      right[i] = -left[i];
    }
    Path file = dir.resolve("cancel.wav");
    AudioWriter.write(file, SOURCE_RATE, left, right);

    DecodedAudio audio = decoder.decode(file);

    assertThat(audio.silent()).isTrue();
    assertThat(audio.seconds()).isCloseTo(3.0, within(0.01));
  }

  @Test
  void silenceIsValidAudioButFlagged() {
    Path file = dir.resolve("silence.flac");
    AudioWriter.write(file, SOURCE_RATE, new float[5 * SOURCE_RATE]);

    DecodedAudio audio = decoder.decode(file);

    assertThat(audio.samples()).hasSize(5 * OUT_RATE);
    assertThat(audio.silent()).isTrue();
    assertThat(audio.facts().peak()).isZero();
  }

  @Test
  void aQuietTrackIsNotSilent() {
    Path file = dir.resolve("quiet.flac");
    AudioWriter.write(file, SOURCE_RATE, Signals.sine(440, 0.01, SOURCE_RATE, SOURCE_RATE));

    assertThat(decoder.decode(file).silent()).isFalse();
  }

  @Test
  void aOneKilohertzSineComesOutAtOneKilohertzWithEverythingElse60DbDown() {
    Path file = dir.resolve("1k.wav");
    AudioWriter.write(file, SOURCE_RATE, Signals.sine(1000, 0.5, SOURCE_RATE, 3 * SOURCE_RATE));

    float[] out = decoder.decode(file).samples();

    Spectrum spectrum = new Spectrum(out, 8192, 32_768, OUT_RATE);
    assertThat(spectrum.frequency(spectrum.peakBin())).isCloseTo(1000.0, within(1.0));
    double tone = spectrum.powerAround(1000, 6);
    double rest = spectrum.totalPower() - tone;
    assertThat(10 * Math.log10(tone / rest)).as("tone to everything else, dB").isGreaterThan(60);
    assertThat(10 * Math.log10(tone / spectrum.strongestOutside(1000, 6)))
        .as("tone to the strongest spur (alias or harmonic), dB")
        .isGreaterThan(60);
  }

  @Test
  void aFifteenKilohertzToneIsRemovedNotFoldedTo7050Hz() {
    float amplitude = 0.5f;
    Path file = dir.resolve("15k.wav");
    AudioWriter.write(file, SOURCE_RATE, Signals.sine(15_000, amplitude, SOURCE_RATE, 3 * SOURCE_RATE));

    float[] out = decoder.decode(file).samples();

    assertThat(Signals.decibels(Signals.rms(out, 8192, out.length - 8192) / (amplitude / Math.sqrt(2))))
        .as("what is left of the tone, dB")
        .isLessThan(-60);
    Spectrum folded = new Spectrum(out, 8192, 32_768, OUT_RATE);
    Spectrum reference = new Spectrum(Signals.sine(7050, amplitude, OUT_RATE, 40_000), 0, 32_768, OUT_RATE);
    assertThat(10 * Math.log10(reference.powerAround(7050, 6) / folded.powerAround(7050, 6)))
        .as("attenuation at the alias frequency, dB")
        .isGreaterThan(60);
  }

  @Test
  void streamingDeliversTheSameSamplesAsWholeTrackDecodingInBoundedChunks() {
    Path file = dir.resolve("stream.mp3");
    AudioWriter.write(file, SOURCE_RATE, Signals.toneWithNoise(330, 0.3, 0.05, SOURCE_RATE, 10 * SOURCE_RATE, 3));
    float[] whole = decoder.decode(file).samples();
    float[] streamed = new float[whole.length];
    int[] position = {0};
    int[] largestChunk = {0};
    int[] chunks = {0};

    AudioFacts facts =
        decoder.stream(
            file,
            (samples, count) -> {
              System.arraycopy(samples, 0, streamed, position[0], count);
              position[0] += count;
              largestChunk[0] = Math.max(largestChunk[0], count);
              chunks[0]++;
            });

    assertThat(position[0]).isEqualTo(whole.length);
    assertThat(facts.samples()).isEqualTo(whole.length);
    assertThat(streamed).isEqualTo(whole);
    assertThat(chunks[0]).isGreaterThan(10);
    assertThat(largestChunk[0]).isLessThanOrEqualTo(65_536);
  }

  @Test
  void decodesSeveralFilesAtOnceFromOneDecoder() throws Exception {
    List<Path> files = new ArrayList<>();
    for (String extension : List.of("mp3", "ogg", "flac", "m4a")) {
      Path file = dir.resolve("parallel." + extension);
      AudioWriter.write(file, SOURCE_RATE, Signals.toneWithNoise(500, 0.3, 0.05, SOURCE_RATE, 5 * SOURCE_RATE, 11));
      files.add(file);
    }
    List<float[]> sequential = new ArrayList<>();
    for (Path file : files) {
      sequential.add(decoder.decode(file).samples());
    }

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> futures = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (Path file : files) {
          futures.add(pool.submit(() -> decoder.decode(file).samples()));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % files.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
