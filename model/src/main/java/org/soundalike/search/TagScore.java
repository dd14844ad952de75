package org.soundalike.search;

/** A predicted tag and its probability. */
public record TagScore(String tag, double score) {}
