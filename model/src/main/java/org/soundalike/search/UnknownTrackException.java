package org.soundalike.search;

/** A query names a track id that the index does not hold. */
public final class UnknownTrackException extends SearchException {

  private final String trackId;

  public UnknownTrackException(String trackId, String index) {
    super("track '" + trackId + "' is not in index '" + index + "' (was it exported? list the index with"
        + " 'soundalike indices')");
    this.trackId = trackId;
  }

  public String trackId() {
    return trackId;
  }
}
