package org.soundalike.ui.search;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.search.EsConnection;
import org.soundalike.search.ExportReport;
import org.soundalike.search.ExportRequest;
import org.soundalike.search.Provenance;
import org.soundalike.search.TrackExporter;
import org.soundalike.search.TrackIndexSchema;
import org.soundalike.search.TrackJsonlSource;

/**
 * A small indexed corpus: 36 tracks t00..t35 in three tight clusters (track i in cluster i mod 3:
 * rock, jazz, techno), every third cluster member also tagged 'vocal', each predicting its genre
 * at 0.9. Exported into the alias {@code tracks} through the search module's own exporter.
 */
public final class SearchFixture {

  public static final int TRACKS = 36;
  static final List<String> GENRES = List.of("rock", "jazz", "techno");

  private SearchFixture() {}

  public static String id(int i) {
    return String.format("t%02d", i);
  }

  static String genre(int i) {
    return GENRES.get(i % GENRES.size());
  }

  public static List<String> tags(int i) {
    List<String> tags = new ArrayList<>(List.of(genre(i)));
    if ((i / GENRES.size()) % 3 == 0) {
      tags.add("vocal");
    }
    return tags;
  }

  static List<EmbeddedTrack> tracks() {
    int dims = TrackIndexSchema.DEFAULT_DIMENSIONS;
    Random random = new Random(7);
    List<EmbeddedTrack> tracks = new ArrayList<>();
    for (int i = 0; i < TRACKS; i++) {
      int cluster = i % GENRES.size();
      float[] v = new float[dims];
      // Cluster c lives around the unit axis c; the noise keeps neighbours distinct but in cluster.
      v[cluster] = 1f;
      for (int d = 0; d < dims; d++) {
        v[d] += (float) (random.nextGaussian() * 0.02);
      }
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      for (int d = 0; d < dims; d++) {
        v[d] /= (float) Math.sqrt(norm);
      }
      Map<String, Double> scores = new LinkedHashMap<>();
      GENRES.forEach(g -> scores.put(g, g.equals(genre(cluster)) ? 0.9 : 0.05));
      scores.put("vocal", tags(i).contains("vocal") ? 0.8 : 0.1);
      tracks.add(new EmbeddedTrack(id(i), tags(i), v, scores));
    }
    return tracks;
  }

  public static ExportReport index(URI esUrl) {
    List<TrackJsonlSource.Line> lines = new ArrayList<>();
    List<EmbeddedTrack> tracks = tracks();
    for (int i = 0; i < tracks.size(); i++) {
      lines.add(new TrackJsonlSource.Line(i + 1, tracks.get(i), null));
    }
    Iterator<TrackJsonlSource.Line> source = lines.iterator();
    try (EsConnection connection = EsConnection.open(esUrl)) {
      return new TrackExporter(connection).export(source,
          ExportRequest.of("tracks", "dashboard-test", new Provenance("dashboard-test", "test", "test", Instant.now())),
          done -> { });
    }
  }
}
