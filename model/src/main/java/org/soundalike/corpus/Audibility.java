package org.soundalike.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.soundalike.audio.AudioSpec;

/**
 * Whether each tagged part is heard: every part of a track is rendered alone and compared, in
 * every excerpt-long window (hop half an excerpt), with the whole mix. A part is audible in a
 * window when its power is at least 1 % of the mix's (-20 dB), the criterion of the renderer's
 * tests. Only parts whose tag is in the corpus's vocabulary are reported (v2 does not tag the bass
 * or the drums).
 */
public final class Audibility {

  /** -20 dB: 1 % of the mix's power. */
  public static final double THRESHOLD_DB = -20;

  /** Windows checked and passed, and the quietest window, for one tag over the tracks checked. */
  public record TagAudibility(String tag, int tracks, int windows, int audibleWindows, double quietestDb) {

    public double audibleShare() {
      return windows == 0 ? Double.NaN : audibleWindows / (double) windows;
    }
  }

  private final GervillRenderer renderer;

  public Audibility(GervillRenderer renderer) {
    this.renderer = renderer;
  }

  /** Per vocabulary tag with a part, in vocabulary order; {@code seconds} of each track are rendered. */
  public List<TagAudibility> check(List<CorpusTrack> tracks, double seconds, List<String> vocabulary) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, Double> quietest = new LinkedHashMap<>();
    Set<String> tagged = Set.copyOf(vocabulary);
    int window = AudioSpec.EXCERPT_SAMPLES;
    for (CorpusTrack track : tracks) {
      Score score = Arranger.arrange(track.piece(), seconds);
      float[] mix = renderer.render(score);
      for (String tag : score.partTags()) {
        if (!tagged.contains(tag)) {
          continue;
        }
        float[] alone = renderer.render(score.only(tag));
        int[] c = counts.computeIfAbsent(tag, t -> new int[3]);
        c[0]++;
        for (int start = 0; start + window <= mix.length; start += window / 2) {
          double db = 10 * Math.log10(power(alone, start, window) / power(mix, start, window));
          c[1]++;
          if (db >= THRESHOLD_DB) {
            c[2]++;
          }
          quietest.merge(tag, db, Math::min);
        }
      }
    }
    List<TagAudibility> result = new ArrayList<>();
    for (String tag : vocabulary) {
      int[] c = counts.get(tag);
      if (c != null) {
        result.add(new TagAudibility(tag, c[0], c[1], c[2], quietest.get(tag)));
      }
    }
    return result;
  }

  private static double power(float[] x, int from, int length) {
    double sum = 0;
    for (int i = from; i < from + length; i++) {
      sum += x[i] * (double) x[i];
    }
    return sum / length + 1e-30;
  }
}
