package org.soundalike.ui.audio;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.soundalike.dataset.AudioRoot;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Track;

/**
 * Streams a catalog track's audio at {@code /audio/<track id>}, with HTTP range requests so that
 * players can seek. Only files of catalog tracks are served: the path names a track id, which is
 * looked up in the catalog, never a file path; and the file is checked against the catalog's
 * audio root when it is served (links followed), so a track file swapped for a link after the
 * catalog was read cannot reach another file either.
 */
public final class CatalogAudioServlet extends HttpServlet {

  public static final String PATH = "/audio";

  private static final Map<String, String> CONTENT_TYPES = Map.of(
      "mp3", "audio/mpeg", "ogg", "audio/ogg", "oga", "audio/ogg", "opus", "audio/ogg",
      "flac", "audio/flac", "wav", "audio/wav", "m4a", "audio/mp4");

  private final transient Optional<Catalog> catalog;

  public CatalogAudioServlet(Optional<Catalog> catalog) {
    this.catalog = catalog;
  }

  /** The URL path (below the context root) that plays a track. */
  public static String url(String trackId) {
    return PATH + "/" + URLEncoder.encode(trackId, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String id = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    Optional<Track> track = catalog.flatMap(c -> c.track(id));
    if (track.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "no catalog track '" + id + "'");
      return;
    }
    Path file = track.get().audio();
    if (!new AudioRoot(catalog.get().audioRoot()).contains(file)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "the audio of track '" + id + "' lies outside the catalog's audio root");
      return;
    }
    if (!Files.isRegularFile(file)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "the audio of track '" + id + "' is missing");
      return;
    }
    long length = Files.size(file);
    response.setHeader("Accept-Ranges", "bytes");
    response.setContentType(contentType(file));
    Optional<ByteRange> range;
    try {
      range = ByteRange.parse(request.getHeader("Range"), length);
    } catch (ByteRange.UnsatisfiableRangeException e) {
      response.setHeader("Content-Range", "bytes */" + length);
      response.sendError(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE, e.getMessage());
      return;
    }
    ByteRange served = range.orElse(new ByteRange(0, length - 1));
    if (range.isPresent()) {
      response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
      response.setHeader("Content-Range", "bytes " + served.first() + "-" + served.last() + "/" + length);
    }
    response.setContentLengthLong(Math.max(0, served.length()));
    try (InputStream in = Files.newInputStream(file); OutputStream out = response.getOutputStream()) {
      in.skipNBytes(served.first());
      byte[] buffer = new byte[64 * 1024];
      long remaining = served.length();
      while (remaining > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (read < 0) {
          break;
        }
        out.write(buffer, 0, read);
        remaining -= read;
      }
    }
  }

  private static String contentType(Path file) {
    String name = file.getFileName().toString();
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
  }
}
