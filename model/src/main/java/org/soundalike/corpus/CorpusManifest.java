package org.soundalike.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soundalike.audio.AudioSpec;
import org.soundalike.dataset.Split;

/**
 * {@code corpus.json}: how the corpus was made (parameters, seed, soundbank file and digest,
 * generator and code versions), tag counts, and every track's truth (style, tempo, key,
 * instruments). No timestamps, so the same corpus gives the same bytes. Written last: a folder
 * with a manifest holds a complete corpus.
 */
public final class CorpusManifest {

  public static final String FILE_NAME = "corpus.json";

  /**
   * Bumped whenever the music generator, the arrangement or the rendering changes what is heard:
   * a corpus made by another generator version is rendered again instead of reused.
   */
  public static final int GENERATOR_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root;

  private CorpusManifest(ObjectNode root) {
    this.root = root;
  }

  public static CorpusManifest of(CorpusParameters parameters, InstrumentBank bank, List<CorpusTrack> tracks,
      String codeVersion) {
    ObjectNode root = JSON.createObjectNode();
    root.put("generator", "soundalike corpus");
    root.put("generatorVersion", GENERATOR_VERSION);
    root.set("parameters", parametersNode(parameters));
    root.set("soundbank", bankNode(bank));
    root.put("codeVersion", codeVersion);
    ObjectNode audio = root.putObject("audio");
    audio.put("format", "wav");
    audio.put("sampleRate", AudioSpec.SAMPLE_RATE);
    audio.put("channels", 1);
    audio.put("bitsPerSample", 16);
    audio.put("normalisedPeakDbfs", -1.0);
    ArrayNode vocabulary = root.putArray("vocabulary");
    parameters.design().vocabulary().forEach(vocabulary::add);
    ObjectNode splits = root.putObject("splits");
    for (Split split : Split.values()) {
      splits.put(split.label(), tracks.stream().filter(t -> t.split() == split).count());
    }
    ObjectNode labelCounts = root.putObject("labelCounts");
    labelCounts(parameters.design(), tracks, true).forEach(labelCounts::put);
    ObjectNode truthCounts = root.putObject("truthCounts");
    labelCounts(parameters.design(), tracks, false).forEach(truthCounts::put);
    ArrayNode list = root.putArray("tracks");
    for (CorpusTrack track : tracks) {
      PieceSpec piece = track.piece();
      ObjectNode node = list.addObject();
      node.put("id", track.id());
      node.put("path", track.audioPath());
      node.put("split", track.split().label());
      node.put("style", piece.style().tag());
      node.put("bpm", piece.bpm());
      node.put("key", piece.key());
      node.put("drums", piece.drums());
      ArrayNode instruments = node.putArray("instruments");
      piece.instruments().forEach(i -> instruments.add(i.tag()));
      if (piece.variety() != Variety.NONE) {
        ObjectNode programs = node.putObject("programs");
        piece.variety().programs().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> programs.put(e.getKey().tag(), e.getValue()));
        node.put("reverb", piece.variety().reverb());
        node.put("sectionBars", piece.variety().sectionBars());
      }
      ArrayNode truth = node.putArray("truth");
      track.truth().tags().forEach(truth::add);
      ArrayNode labels = node.putArray("labels");
      track.labels().tags().forEach(labels::add);
    }
    return new CorpusManifest(root);
  }

  /** Tracks carrying each vocabulary tag, in vocabulary order (labels, or else the truth). */
  public static Map<String, Integer> labelCounts(CorpusDesign design, List<CorpusTrack> tracks, boolean labels) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String tag : design.vocabulary()) {
      counts.put(tag, (int) tracks.stream().filter(t -> (labels ? t.labels() : t.truth()).contains(tag)).count());
    }
    return counts;
  }

  /** The manifest in {@code dir}, or null when there is none. */
  public static CorpusManifest readIfPresent(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(file.toFile());
      if (!(node instanceof ObjectNode object)) {
        throw new CorpusException(file + ": not a JSON object");
      }
      return new CorpusManifest(object);
    } catch (IOException e) {
      throw new CorpusException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Same generator version, parameters and soundbank (name and file digest): the same audio and
   * tracks.csv. The code version is provenance only; it changes with every commit.
   */
  public boolean describesSameCorpusAs(CorpusManifest other) {
    return same(other, "generatorVersion") && same(other, "parameters") && same(other, "soundbank", "name")
        && same(other, "soundbank", "sha256");
  }

  /**
   * Compared as JSON text: a parsed manifest holds small numbers as ints where a built one holds
   * longs, and Jackson's nodes of different number types are never equal.
   */
  private boolean same(CorpusManifest other, String... path) {
    JsonNode mine = root;
    JsonNode theirs = other.root;
    for (String field : path) {
      mine = mine.path(field);
      theirs = theirs.path(field);
    }
    return mine.toString().equals(theirs.toString());
  }

  /** The audio files the manifest lists, relative to the corpus folder. */
  public List<String> audioPaths() {
    return root.path("tracks").findValuesAsText("path");
  }

  public String summary() {
    return "generator " + root.path("generatorVersion") + ", parameters " + root.path("parameters")
        + ", soundbank " + root.path("soundbank").path("name") + " " + root.path("soundbank").path("sha256");
  }

  static void delete(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new CorpusException("cannot delete " + file + ": " + e.getMessage(), e);
    }
  }

  public void write(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    Path tmp = dir.resolve(FILE_NAME + ".tmp");
    try {
      Files.createDirectories(dir);
      Files.write(tmp, (JSON.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CorpusException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode parametersNode(CorpusParameters parameters) {
    ObjectNode node = JSON.createObjectNode();
    node.put("tracks", parameters.tracks());
    node.put("seconds", parameters.seconds());
    node.put("seed", parameters.seed());
    node.put("labelNoise", parameters.labelNoise());
    // Only v2 names its design, so that a v1 corpus rendered before designs existed is still reused.
    if (parameters.design() != CorpusDesign.V1) {
      node.put("design", parameters.design().number());
    }
    return node;
  }

  private static ObjectNode bankNode(InstrumentBank bank) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", bank.name());
    node.put("path", bank.path().map(Path::toString).orElse(null));
    node.put("sha256", bank.sha256().orElse(null));
    node.put("fallback", bank.fallback());
    return node;
  }
}
