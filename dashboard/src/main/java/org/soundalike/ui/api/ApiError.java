package org.soundalike.ui.api;

import org.soundalike.search.SearchUnavailableException;
import org.soundalike.search.UnknownTrackException;
import org.soundalike.ui.service.UploadRejectedException;

/**
 * A request the API answers with an error: its HTTP status, a short machine-readable {@code error}
 * and a {@code detail} for the person, and how many seconds to wait before retrying (503 busy).
 */
final class ApiError extends RuntimeException {

  final int status;
  final String error;
  final int retryAfterSeconds;

  ApiError(int status, String error, String detail) {
    this(status, error, detail, 0);
  }

  ApiError(int status, String error, String detail, int retryAfterSeconds) {
    super(detail);
    this.status = status;
    this.error = error;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static ApiError badParameter(String detail) {
    return new ApiError(400, "bad_parameter", detail);
  }

  /** The status a failure of the search layer maps to; anything unforeseen is a 500 with no trace. */
  static ApiError of(Throwable failure) {
    if (failure instanceof ApiError e) {
      return e;
    }
    if (failure instanceof UnknownTrackException e) {
      return new ApiError(404, "unknown_track", e.getMessage());
    }
    if (failure instanceof SearchUnavailableException e) {
      return new ApiError(503, "elasticsearch_unavailable", e.getMessage(), 10);
    }
    if (failure instanceof org.soundalike.search.SearchException e) {
      return new ApiError(502, "elasticsearch_error", e.getMessage());
    }
    if (failure instanceof UploadRejectedException e) {
      return switch (e.reason()) {
        case NOT_AUDIO -> new ApiError(415, "not_audio", e.getMessage());
        case TOO_LARGE -> new ApiError(413, "too_large", e.getMessage());
        case UNDECODABLE -> new ApiError(422, "undecodable", e.getMessage());
        case TOO_SHORT -> new ApiError(422, "too_short", e.getMessage());
        case BUSY -> new ApiError(503, "busy", e.getMessage(), 5);
      };
    }
    if (failure instanceof IllegalArgumentException e) {
      return badParameter(e.getMessage());
    }
    return new ApiError(500, "internal_error", "the server failed to answer this request; its log says why");
  }
}
