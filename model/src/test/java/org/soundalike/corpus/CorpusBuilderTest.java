package org.soundalike.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.audio.AudioSpec;
import org.soundalike.dataset.GenericCatalog;
import org.soundalike.dataset.Split;
import org.soundalike.dataset.Track;

class CorpusBuilderTest {

  private static final CorpusParameters SMALL = new CorpusParameters(5, 3, 7, 0);

  private static InstrumentBank bank;

  @TempDir Path tmp;

  @BeforeAll
  static void bank() {
    bank = TestBank.get();
  }

  private static CorpusSummary build(Path dir, CorpusParameters parameters, int threads) {
    return new CorpusBuilder(bank, threads, "test", new PrintStream(new ByteArrayOutputStream())).build(dir, parameters);
  }

  @Test
  void sameSeedGivesByteIdenticalFilesWhateverTheThreadCount() throws IOException {
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    build(one, SMALL, 1);
    build(two, SMALL, 2);
    List<Path> files = listFiles(one);
    assertThat(files).hasSize(SMALL.tracks() + 2).contains(Path.of("tracks.csv"), Path.of("corpus.json"));
    assertThat(listFiles(two)).isEqualTo(files);
    for (Path file : files) {
      assertThat(Files.readAllBytes(two.resolve(file))).as(file.toString()).isEqualTo(Files.readAllBytes(one.resolve(file)));
    }
  }

  @Test
  void anotherSeedGivesAnotherCorpus() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    build(a, SMALL, 2);
    build(b, new CorpusParameters(SMALL.tracks(), SMALL.seconds(), SMALL.seed() + 1, 0), 2);
    assertThat(Files.readString(b.resolve("tracks.csv"))).isNotEqualTo(Files.readString(a.resolve("tracks.csv")));
    Path wav = Path.of("audio", "track-00000.wav");
    assertThat(Files.readAllBytes(b.resolve(wav))).isNotEqualTo(Files.readAllBytes(a.resolve(wav)));
  }

  @Test
  void writesAGenericCatalogOfMono16BitAudioWithTheTrueTags() throws Exception {
    Path dir = tmp.resolve("c");
    CorpusSummary summary = build(dir, SMALL, 2);
    List<Track> tracks = GenericCatalog.read(dir);
    List<CorpusTrack> plan = CorpusBuilder.plan(SMALL);
    assertThat(tracks).hasSize(SMALL.tracks());
    assertThat(tracks).extracting(Track::split).contains(Split.TRAIN, Split.VALID, Split.TEST);
    for (int i = 0; i < tracks.size(); i++) {
      Track track = tracks.get(i);
      assertThat(track.id()).isEqualTo(plan.get(i).id());
      assertThat(track.tags()).isEqualTo(plan.get(i).truth());
      assertThat(Vocabulary.tags()).containsAll(track.tags().tags());
      AudioFormat format = AudioSystem.getAudioFileFormat(track.audio().toFile()).getFormat();
      assertThat(format.getChannels()).isEqualTo(1);
      assertThat(format.getSampleRate()).isEqualTo((float) AudioSpec.SAMPLE_RATE);
      assertThat(format.getSampleSizeInBits()).isEqualTo(16);
      float[] samples = PcmWav.read(track.audio());
      assertThat(samples).hasSize((int) (SMALL.seconds() * AudioSpec.SAMPLE_RATE));
      float peak = 0;
      for (float s : samples) {
        peak = Math.max(peak, Math.abs(s));
      }
      assertThat((double) peak).isCloseTo(PcmWav.TARGET_PEAK, within(1e-3));
    }
    assertThat(summary.reused()).isFalse();
    assertThat(summary.audioSeconds()).isEqualTo(15.0);
    String manifest = Files.readString(dir.resolve("corpus.json"));
    assertThat(manifest).contains("\"sha256\"", "\"generatorVersion\"", "\"codeVersion\" : \"test\"", "\"labelCounts\"");
    bank.sha256().ifPresent(sha -> assertThat(manifest).contains(sha));
  }

  @Test
  void buildingTheSameCorpusAgainReusesItAnIncompleteOneIsRenderedAgainAndADifferentOneReplacesIt() throws IOException {
    Path dir = tmp.resolve("d");
    build(dir, SMALL, 2);
    Path wav = dir.resolve("audio/track-00000.wav");
    FileTime old = FileTime.fromMillis(1_000_000);
    Files.setLastModifiedTime(wav, old);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    CorpusSummary again =
        new CorpusBuilder(bank, 2, "other code", new PrintStream(log, true, StandardCharsets.UTF_8)).build(dir, SMALL);
    assertThat(again.reused()).isTrue();
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("reusing");
    assertThat(Files.getLastModifiedTime(wav)).isEqualTo(old);

    byte[] before = Files.readAllBytes(wav);
    Files.delete(wav);
    assertThat(build(dir, SMALL, 2).reused()).isFalse();
    assertThat(Files.readAllBytes(wav)).isEqualTo(before);

    CorpusSummary smaller = build(dir, new CorpusParameters(3, 3, 7, 0), 2);
    assertThat(smaller.reused()).isFalse();
    assertThat(listFiles(dir.resolve("audio"))).hasSize(3);
    assertThat(GenericCatalog.read(dir)).hasSize(3);
  }

  @Test
  void labelNoiseIsOffByDefaultAndReplacesTheStatedFractionOfTrainingTags() {
    assertThat(CorpusParameters.defaults().labelNoise()).isZero();
    assertThat(CorpusBuilder.plan(new CorpusParameters(500, 20, 3, 0)))
        .allMatch(t -> t.labels().equals(t.truth()));

    List<CorpusTrack> noisy = CorpusBuilder.plan(new CorpusParameters(2000, 20, 3, 0.2));
    long trueTags = 0;
    long kept = 0;
    for (CorpusTrack track : noisy) {
      if (track.split() != Split.TRAIN) {
        assertThat(track.labels()).isEqualTo(track.truth());
        continue;
      }
      assertThat(track.labels().tags()).hasSameSizeAs(track.truth().tags());
      assertThat(Vocabulary.tags()).containsAll(track.labels().tags());
      trueTags += track.truth().tags().size();
      kept += track.truth().tags().stream().filter(track.labels()::contains).count();
    }
    assertThat(1 - kept / (double) trueTags).isCloseTo(0.2, within(0.01));
  }

  private static List<Path> listFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }
}
