package org.soundalike.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;

/** Readable text for Elasticsearch's error causes (type, reason and the innermost cause). */
final class EsErrors {

  private EsErrors() {}

  static String describe(ElasticsearchException e) {
    return "HTTP " + e.status() + " " + describe(e.error());
  }

  static String describe(ErrorCause cause) {
    if (cause == null) {
      return "unknown error";
    }
    StringBuilder s = new StringBuilder(cause.type()).append(": ").append(cause.reason());
    ErrorCause inner = cause.causedBy();
    while (inner != null) {
      if (inner.reason() != null && !inner.reason().equals(cause.reason())) {
        s.append(" (caused by ").append(inner.type()).append(": ").append(inner.reason()).append(')');
      }
      inner = inner.causedBy();
    }
    return s.toString();
  }
}
