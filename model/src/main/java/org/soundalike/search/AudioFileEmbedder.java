package org.soundalike.search;

import java.nio.file.Path;
import java.util.List;
import org.soundalike.audio.AudioDecoder;
import org.soundalike.audio.AudioException;
import org.soundalike.audio.DecodedAudio;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.encode.EncodingException;
import org.soundalike.encode.TrackEncoder;

/**
 * An audio file → its exchange-format record with the facts the index shows beside every hit:
 * the absolute path, a title (the file name without its extension: no tag metadata is read) and
 * the decoded duration. The file is decoded once here, so the duration costs nothing extra.
 * Safe for concurrent callers when the {@link TrackEncoder} is.
 */
public final class AudioFileEmbedder {

  private final TrackEncoder encoder;
  private final AudioDecoder decoder = new AudioDecoder();

  public AudioFileEmbedder(TrackEncoder encoder) {
    this.encoder = encoder;
  }

  /**
   * @throws EncodingException naming the file when it cannot be decoded or is shorter than one excerpt
   */
  public EmbeddedTrack embed(String id, List<String> humanTags, Path file) {
    DecodedAudio audio;
    try {
      audio = decoder.decode(file);
    } catch (AudioException e) {
      throw new EncodingException(named(file, e.getMessage()), e);
    }
    EmbeddedTrack track;
    try {
      track = encoder.toEmbeddedTrack(id, humanTags, encoder.encode(id, file, audio.samples()));
    } catch (EncodingException e) {
      throw new EncodingException(named(file, e.getMessage()), e);
    }
    return track.withAudio(file.toAbsolutePath().normalize().toString(), title(file), audio.seconds());
  }

  static String title(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String named(Path file, String message) {
    String text = message == null ? "cannot be embedded" : message;
    return text.contains(file.toString()) ? text : file + ": " + text;
  }
}
