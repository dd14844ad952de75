package org.soundalike.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.soundalike.audio.UnsupportedAudioException.Reason;

/** Every kind of unusable input ends in a typed exception naming the file, never a crash or a hang. */
class BadAudioTest {

  private static final int RATE = 44_100;

  private final AudioDecoder decoder = new AudioDecoder();

  @TempDir Path dir;

  @Test
  void aZeroLengthFileIsRefused() throws IOException {
    Path file = Files.createFile(dir.resolve("empty.mp3"));

    assertRefused(file, Reason.EMPTY_FILE, "empty");
  }

  @Test
  void aMissingFileOrADirectoryIsRefused() throws IOException {
    assertRefused(dir.resolve("missing.flac"), Reason.NOT_A_FILE, "no such file");
    assertRefused(Files.createDirectory(dir.resolve("folder.wav")), Reason.NOT_A_FILE, "not a regular file");
  }

  @Test
  void aNamedPipeIsRefusedInsteadOfBlockingTheReader() throws Exception {
    Path pipe = dir.resolve("pipe.wav");
    Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();

    assertRefused(pipe, Reason.NOT_A_FILE, "not a regular file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "flac", "mp3", "ogg", "m4a", "opus"})
  void aTruncatedFileIsRefusedNotReturnedAsPartialAudio(String extension) throws IOException {
    Path whole = dir.resolve("whole." + extension);
    AudioWriter.write(whole, RATE, Signals.toneWithNoise(440, 0.3, 0.05, RATE, 6 * RATE, 5));
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut." + extension), Arrays.copyOf(bytes, bytes.length / 2));

    assertRefused(cut, Reason.TRUNCATED, "truncated");
    assertThatThrownBy(() -> decoder.stream(cut, (samples, count) -> {}))
        .isInstanceOf(UnsupportedAudioException.class)
        .hasMessageContaining("truncated");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ogg", "opus", "mp3", "flac", "m4a"})
  void garbageInTheMiddleOfACompressedFileIsRefusedNotReturnedAsTheAudioBeforeIt(String extension)
      throws IOException {
    Path whole = dir.resolve("whole." + extension);
    AudioWriter.write(whole, RATE, Signals.toneWithNoise(440, 0.3, 0.05, RATE, 10 * RATE, 5));
    byte[] bytes = Files.readAllBytes(whole);
    Random random = new Random(3);
    for (int i = bytes.length / 3; i < bytes.length / 3 + bytes.length / 5; i++) {
      bytes[i] = (byte) random.nextInt();
    }
    Path damaged = Files.write(dir.resolve("damaged." + extension), bytes);

    assertThatThrownBy(() -> decoder.decode(damaged))
        .isInstanceOf(UnsupportedAudioException.class)
        .hasMessageStartingWith(damaged.toString())
        .satisfies(e -> assertThat(((UnsupportedAudioException) e).reason()).isIn(Reason.TRUNCATED, Reason.CORRUPT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "flac", "mp3", "ogg", "m4a", "opus"})
  void randomBytesWithAnAudioExtensionAreRefused(String extension) throws IOException {
    for (int seed = 0; seed < 3; seed++) {
      byte[] noise = new byte[50_000 + 7_919 * seed];
      new Random(seed).nextBytes(noise);
      Path file = Files.write(dir.resolve("random" + seed + "." + extension), noise);

      assertThatThrownBy(() -> decoder.decode(file))
          .isInstanceOf(UnsupportedAudioException.class)
          .hasMessageStartingWith(file.toString());
    }
  }

  @Test
  void aTextFileIsRefusedWhateverItsName() throws IOException {
    String text = "Track list\n1. Overture\n2. Finale\n".repeat(100);
    for (String name : new String[] {"notes.txt", "notes.mp3", "notes.ogg"}) {
      Path file = Files.writeString(dir.resolve(name), text);

      assertThatThrownBy(() -> decoder.decode(file))
          .isInstanceOf(UnsupportedAudioException.class)
          .hasMessageStartingWith(file.toString())
          .satisfies(e -> assertThat(((UnsupportedAudioException) e).reason())
              .isIn(Reason.NOT_AUDIO, Reason.NO_AUDIO_STREAM));
    }
  }

  @Test
  void aContainerWithNoSamplesIsRefused() {
    Path file = dir.resolve("header-only.wav");
    AudioWriter.write(file, RATE, new float[0]);

    assertRefused(file, Reason.NO_SAMPLES, "no audio decoded");
  }

  @Test
  void aVideoWithoutSoundIsRefusedForItsMissingAudioStream() throws Exception {
    Path file = dir.resolve("silent-film.mp4");
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 64, 48, 0)) {
      recorder.setFormat("mp4");
      recorder.setVideoCodecName("mpeg4");
      recorder.setFrameRate(25);
      recorder.start();
      for (int i = 0; i < 25; i++) {
        Frame frame = new Frame(64, 48, Frame.DEPTH_UBYTE, 3);
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        for (int p = 0; p < pixels.capacity(); p++) {
          pixels.put(p, (byte) (p * 7 + i));
        }
        recorder.record(frame);
      }
      recorder.stop();
    }

    assertRefused(file, Reason.NO_AUDIO_STREAM, "video");
  }

  @Test
  void aThreeHourFileIsRefusedForWholeTrackDecodingButStreamsInBoundedChunks() throws IOException {
    int seconds = 3 * 3600;
    Path file = dir.resolve("three-hours.wav");
    writeSparseWav(file, AudioSpec.SAMPLE_RATE, (long) seconds * AudioSpec.SAMPLE_RATE, true);

    assertRefused(file, Reason.TOO_LONG, "10800 s long, over the 1800 s limit");

    int[] largestChunk = {0};
    EvaluationWindows windows = EvaluationWindows.counting();
    AudioFacts facts =
        decoder.stream(
            file,
            (samples, count) -> {
              largestChunk[0] = Math.max(largestChunk[0], count);
              windows.accept(samples, count);
            });

    assertThat(facts.seconds()).isCloseTo(seconds, within(0.001));
    assertThat(windows.count()).isEqualTo((int) ((long) seconds * AudioSpec.SAMPLE_RATE / AudioSpec.EXCERPT_SAMPLES));
    assertThat(largestChunk[0]).isLessThanOrEqualTo(65_536);
  }

  @Test
  void aTrackWithoutAStatedLengthIsStoppedOnceDecodingPassesTheLimit() throws IOException {
    Path file = dir.resolve("unknown-length.wav");
    writeSparseWav(file, AudioSpec.SAMPLE_RATE, 20L * AudioSpec.SAMPLE_RATE, false);

    assertThatThrownBy(() -> new AudioDecoder(10).decode(file))
        .isInstanceOf(UnsupportedAudioException.class)
        .hasMessageContaining("more than 10 s long, over the 10 s limit")
        .satisfies(e -> assertThat(((UnsupportedAudioException) e).reason()).isEqualTo(Reason.TOO_LONG));
    assertThat(new AudioDecoder(30).decode(file).seconds()).isCloseTo(20.0, within(0.001));
  }

  private void assertRefused(Path file, Reason reason, String detail) {
    assertThatThrownBy(() -> decoder.decode(file))
        .isInstanceOf(UnsupportedAudioException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining(detail)
        .satisfies(e -> assertThat(((UnsupportedAudioException) e).reason()).isEqualTo(reason));
  }

  /**
   * A 16-bit mono WAV of {@code samples} samples: a short tone, then zeros left as a hole in a
   * sparse file, so hours of audio cost no disk and little time. Without {@code statedLength}
   * the data chunk says "unknown size", as streamed WAV files do.
   */
  private static void writeSparseWav(Path file, int rate, long samples, boolean statedLength) throws IOException {
    long dataBytes = samples * 2;
    ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes()).putInt((int) (statedLength ? 36 + dataBytes : 0xFFFFFFFFL));
    header.put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16);
    header.putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2);
    header.putShort((short) 2).putShort((short) 16);
    header.put("data".getBytes()).putInt((int) (statedLength ? dataBytes : 0xFFFFFFFFL));
    ByteBuffer tone = ByteBuffer.allocate(2 * rate).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < rate; i++) {
      tone.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
    }
    try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
      out.write(header.array());
      out.write(tone.array());
      out.setLength(44 + dataBytes);
    }
  }
}
