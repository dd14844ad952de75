package org.soundalike.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.soundalike.audio.AudioSpec;
import org.soundalike.audio.AudioWriter;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Catalogs;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.dataset.Track;
import org.soundalike.encode.TrackEmbedding;
import org.soundalike.encode.TrackEncoder;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.search.EsConnection;
import org.soundalike.search.ExportReport;
import org.soundalike.search.ExportRequest;
import org.soundalike.search.Provenance;
import org.soundalike.search.TrackExporter;
import org.soundalike.search.TrackIndexSchema;
import org.soundalike.search.TrackJsonlSource;
import org.soundalike.train.TrainingRun;
import org.soundalike.train.TrainingSettings;
import org.soundalike.train.Variant;

/**
 * A run that really serves search: a generic catalog of twelve generated WAVs (3.2 s, tones at
 * distinct pitches, some noisy; 6 train, 2 valid, 4 test), one epoch of the supervised variant A
 * on the compact network (the tiny one's 4-dimensional embeddings put every track at cosine
 * 0.999 of every other, too close to rank; compact's 128 spread them), and the whole catalog embedded by that run's {@link TrackEncoder} and
 * indexed into the alias {@code tracks} by the search module's exporter, as {@code soundalike
 * embed} and {@code soundalike index} would.
 */
public final class ServingRunFixture {

  public static final String RUN_ID = "A-compact";
  private static final String[] SPLITS =
      {"train", "train", "train", "train", "train", "train", "valid", "valid", "test", "test", "test", "test"};

  public final Catalog catalog;
  public final Path run;
  /** The run's own embedding of every catalog track, by id. */
  public final Map<String, EmbeddedTrack> embedded;

  private ServingRunFixture(Catalog catalog, Path run, Map<String, EmbeddedTrack> embedded) {
    this.catalog = catalog;
    this.run = run;
    this.embedded = embedded;
  }

  public static ServingRunFixture create(Path dir) throws IOException {
    Catalog catalog = Catalogs.open(writeCatalog(dir.resolve("catalog")));
    Path run = dir.resolve(RUN_ID);
    TrainingSettings settings = TrainingSettings.defaults(SampleCnnConfig.COMPACT, Variant.SUPERVISED_ONLY, null, 1.0, 7, null)
        .withEpochs(1).withBatch(3, 0);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    new TrainingRun(catalog, run, settings, "dashboard-test", new PrintStream(log, true, StandardCharsets.UTF_8)).run();
    Map<String, EmbeddedTrack> embedded = new LinkedHashMap<>();
    try (TrackEncoder encoder = TrackEncoder.load(run, 1)) {
      for (Track track : catalog.tracks()) {
        TrackEmbedding encoded = encoder.encode(track.id(), track.audio());
        // The track's length goes into the index, as the export pipeline stores it: the page
        // draws the matching stretch on a timeline of that length.
        embedded.put(track.id(), encoder.toEmbeddedTrack(track.id(), List.copyOf(track.tags().tags()), encoded)
            .withAudio(null, null, secondsOf(track.audio())));
      }
    }
    return new ServingRunFixture(catalog, run, embedded);
  }

  private static double secondsOf(Path wav) throws IOException {
    try {
      javax.sound.sampled.AudioFileFormat format = javax.sound.sampled.AudioSystem.getAudioFileFormat(wav.toFile());
      return format.getFrameLength() / (double) format.getFormat().getFrameRate();
    } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
      throw new IOException(wav + ": not a WAV file the fixture wrote", e);
    }
  }

  public static String id(int i) {
    return String.format("s%02d", i);
  }

  public Path audio(String id) {
    return catalog.track(id).orElseThrow().audio();
  }

  public int embeddingSize() {
    return embedded.values().iterator().next().embedding().length;
  }

  /** Exports every embedded track into the alias {@code tracks}, index {@code tracks-a-compact (names are lower case)}. */
  public ExportReport index(URI esUrl) {
    List<TrackJsonlSource.Line> lines = new ArrayList<>();
    for (EmbeddedTrack track : embedded.values()) {
      lines.add(new TrackJsonlSource.Line(lines.size() + 1, track, null));
    }
    Iterator<TrackJsonlSource.Line> source = lines.iterator();
    try (EsConnection connection = EsConnection.open(esUrl)) {
      return new TrackExporter(connection).export(source,
          ExportRequest.of("tracks", RUN_ID, new Provenance(RUN_ID, "compact", "dashboard-test", Instant.now()))
              .withSchema(TrackIndexSchema.DEFAULT.withDimensions(embeddingSize())),
          done -> { });
    }
  }

  /** The run's embedding of any audio file, computed outside the dashboard. */
  public float[] embeddingOf(Path file) {
    try (TrackEncoder encoder = TrackEncoder.load(run, 1)) {
      return encoder.encode(file.getFileName().toString(), file).embedding();
    }
  }

  /** The catalog track nearest to this embedding by inner product (brute force), and its score. */
  public Map.Entry<String, Double> nearest(float[] embedding) {
    Map.Entry<String, Double> best = null;
    for (EmbeddedTrack track : embedded.values()) {
      double dot = 0;
      for (int d = 0; d < embedding.length; d++) {
        dot += embedding[d] * track.embedding()[d];
      }
      if (best == null || dot > best.getValue()) {
        best = Map.entry(track.id(), dot);
      }
    }
    return best;
  }

  /** A 3.2 s track unlike any in the catalog (another pitch, a tremolo). */
  public static void writeStranger(Path file, double hertz) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    int samples = (int) (3.2 * AudioSpec.SAMPLE_RATE);
    float[] audio = new float[samples];
    for (int n = 0; n < samples; n++) {
      double t = n / (double) AudioSpec.SAMPLE_RATE;
      audio[n] = (float) (0.4 * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * t)) * Math.sin(2 * Math.PI * hertz * t));
    }
    AudioWriter.write(file, AudioSpec.SAMPLE_RATE, audio);
  }

  private static Path writeCatalog(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<String> rows = new ArrayList<>(List.of("path,split,tags"));
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < SPLITS.length; i++) {
      boolean high = i % 2 == 0;
      boolean noisy = i % 3 == 0;
      double hertz = (high ? 1200 : 150) * (1 + 0.15 * i);
      float[] audio = new float[(int) (3.2 * AudioSpec.SAMPLE_RATE)];
      for (int n = 0; n < audio.length; n++) {
        double tone = 0.4 * Math.sin(2 * Math.PI * hertz * n / AudioSpec.SAMPLE_RATE);
        audio[n] = (float) (tone + (noisy ? 0.3 * (random.nextDouble() - 0.5) : 0));
      }
      String file = id(i) + ".wav";
      AudioWriter.write(dir.resolve(file), AudioSpec.SAMPLE_RATE, audio);
      rows.add(file + "," + SPLITS[i] + "," + (high ? "high" : "low") + (noisy ? ";noisy" : ""));
    }
    Files.write(dir.resolve("tracks.csv"), rows);
    return dir;
  }
}
