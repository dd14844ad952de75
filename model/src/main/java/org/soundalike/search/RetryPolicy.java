package org.soundalike.search;

import java.time.Duration;

/**
 * Exponential back-off for bulk requests that Elasticsearch asks to slow down (HTTP 429, its
 * write queue is full), that time out, or that fail because the node is restarting. The default
 * waits 0.5, 1, 2, … up to 30 s between attempts: about two minutes in all before giving up.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

  public static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(30));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
    }
  }

  /** The wait before attempt {@code attempt + 1} (attempts count from 1). */
  Duration delayAfter(int attempt) {
    long millis = initialDelay.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
  }
}
