package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.soundalike.corpus.Audibility;
import org.soundalike.corpus.Audibility.TagAudibility;
import org.soundalike.corpus.CorpusBuilder;
import org.soundalike.corpus.CorpusException;
import org.soundalike.corpus.CorpusParameters;
import org.soundalike.corpus.CorpusTrack;
import org.soundalike.corpus.GervillRenderer;
import org.soundalike.corpus.InstrumentBank;
import org.soundalike.dataset.Split;

/** {@code soundalike corpus --audibility N}: the audibility of every tagged part on test tracks. */
final class CorpusAudibilityReport {

  static final String FILE_NAME = "audibility.json";

  private CorpusAudibilityReport() {}

  static void run(Path dir, CorpusParameters parameters, int count, Optional<Path> soundfont, PrintStream out) {
    List<CorpusTrack> tracks = CorpusBuilder.plan(parameters).stream()
        .filter(t -> t.split() == Split.TEST).limit(count).toList();
    GervillRenderer renderer = new GervillRenderer(InstrumentBank.locate(soundfont, System.err));
    List<TagAudibility> result = new Audibility(renderer)
        .check(tracks, parameters.seconds(), parameters.design().vocabulary());
    out.printf("  audibility (%d test tracks; a part is audible in an excerpt window at >= %.0f dB of the mix):%n",
        tracks.size(), Audibility.THRESHOLD_DB);
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("testTracks", tracks.size());
    root.put("thresholdDb", Audibility.THRESHOLD_DB);
    ArrayNode tags = root.putArray("tags");
    for (TagAudibility tag : result) {
      out.printf("    %-16s %4d tracks %5d/%5d windows audible, quietest %6.1f dB%n",
          tag.tag(), tag.tracks(), tag.audibleWindows(), tag.windows(), tag.quietestDb());
      ObjectNode node = tags.addObject();
      node.put("tag", tag.tag());
      node.put("tracks", tag.tracks());
      node.put("windows", tag.windows());
      node.put("audibleWindows", tag.audibleWindows());
      node.put("quietestDb", Math.round(tag.quietestDb() * 10) / 10.0);
    }
    Path file = dir.resolve(FILE_NAME);
    try {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new CorpusException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
