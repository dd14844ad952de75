package org.soundalike.search;

/** A track that was not indexed: its input line (0 when it came from an API call), id and why. */
public record Reject(long line, String trackId, String reason) {}
