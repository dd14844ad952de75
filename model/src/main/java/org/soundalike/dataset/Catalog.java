package org.soundalike.dataset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dataset as training and evaluation see it: its tracks (id, audio, split, tags) in the order of
 * the metadata, its ordered tag vocabulary, and a fingerprint of that metadata for provenance.
 * Immutable. Built by the format readers; {@link Catalogs#open} recognises the format of a folder.
 */
public final class Catalog {

  private final String format;
  private final Path source;
  private final Path audioRoot;
  private final TagVocabulary vocabulary;
  private final List<Track> tracks;
  private final Map<String, Track> byId;
  private final String fingerprint;

  private Catalog(String format, Path source, Path audioRoot, TagVocabulary vocabulary, List<Track> tracks) {
    this.format = format;
    this.source = source;
    this.audioRoot = audioRoot;
    this.vocabulary = vocabulary;
    this.tracks = List.copyOf(tracks);
    Map<String, Track> index = new HashMap<>();
    for (Track track : this.tracks) {
      if (index.put(track.id(), track) != null) {
        throw new CatalogException(format + " catalog " + source + ": duplicate track id " + track.id());
      }
      for (String tag : track.tags().tags()) {
        if (!vocabulary.contains(tag)) {
          throw new CatalogException(format + " catalog " + source + ": track " + track.id()
              + " has tag '" + tag + "', which is not in the vocabulary");
        }
      }
    }
    this.byId = Collections.unmodifiableMap(index);
    this.fingerprint = computeFingerprint();
  }

  /**
   * @param format a short name of the metadata format ({@code generic}, {@code mtg-jamendo},
   *     {@code magnatagatune})
   * @param source the folder the metadata was read from
   * @param audioRoot the folder the tracks' audio paths are recorded relative to in the fingerprint
   * @throws CatalogException on a duplicate id or a track tag outside the vocabulary
   */
  public static Catalog of(
      String format, Path source, Path audioRoot, TagVocabulary vocabulary, List<Track> tracks) {
    return new Catalog(format, source.toAbsolutePath().normalize(), audioRoot.toAbsolutePath().normalize(),
        vocabulary, tracks);
  }

  public String format() {
    return format;
  }

  public Path source() {
    return source;
  }

  public Path audioRoot() {
    return audioRoot;
  }

  public TagVocabulary vocabulary() {
    return vocabulary;
  }

  /** All tracks, in the order of the metadata files. */
  public List<Track> tracks() {
    return tracks;
  }

  public List<Track> tracks(Split split) {
    return tracks.stream().filter(t -> t.split() == split).toList();
  }

  public Optional<Track> track(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public int size() {
    return tracks.size();
  }

  /** The number of tracks in each split; every split is present, possibly with 0. */
  public Map<Split, Integer> countsPerSplit() {
    Map<Split, Integer> counts = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      counts.put(split, 0);
    }
    tracks.forEach(t -> counts.merge(t.split(), 1, Integer::sum));
    return Collections.unmodifiableMap(counts);
  }

  /** The track's tags as a multi-hot vector in vocabulary order. */
  public float[] multiHot(Track track) {
    return vocabulary.multiHot(track.tags());
  }

  /**
   * SHA-256 (hex) of the metadata: the vocabulary in order, then every track sorted by id with its
   * split, its audio path relative to the audio root and its tags. The file order, the format's
   * name and where the copy lives do not change it; any change of id, split, path, tag or
   * vocabulary does. A checkpoint records it to say which catalog it was trained on.
   */
  public String fingerprint() {
    return fingerprint;
  }

  private String computeFingerprint() {
    MessageDigest digest = sha256();
    update(digest, "soundalike-catalog-fingerprint-v1");
    update(digest, Integer.toString(vocabulary.size()));
    vocabulary.tags().forEach(tag -> update(digest, tag));
    List<Track> sorted = new ArrayList<>(tracks);
    sorted.sort(Comparator.comparing(Track::id));
    for (Track track : sorted) {
      update(digest, track.id());
      update(digest, track.split().label());
      update(digest, relativeAudioPath(track));
      update(digest, Integer.toString(track.tags().tags().size()));
      track.tags().tags().forEach(tag -> update(digest, tag));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The track's audio path relative to the audio root, with '/' separators when it lies under it. */
  public String relativeAudioPath(Track track) {
    Path audio = track.audio().toAbsolutePath().normalize();
    if (!audio.startsWith(audioRoot)) {
      return audio.toString();
    }
    List<String> parts = new ArrayList<>();
    audioRoot.relativize(audio).forEach(p -> parts.add(p.toString()));
    return String.join("/", parts);
  }

  // Length-prefixed, so that no choice of separator inside an id or tag can make two catalogs collide.
  private static void update(MessageDigest digest, String field) {
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    digest.update(bytes);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime must provide SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return format + " catalog " + source + " (" + tracks.size() + " tracks, " + vocabulary.size()
        + " tags, fingerprint " + fingerprint.substring(0, 12) + ")";
  }
}
