package org.soundalike.pipeline.ingest;

import java.io.Serializable;

/**
 * A file that decoded cleanly and holds at least one excerpt.
 *
 * @param source where it came from
 * @param hash SHA-256 (hex) of the decoded mono PCM (see {@link PcmFingerprint})
 * @param samples decoded mono samples at 22,050 Hz
 * @param excerpts evaluation windows (non-overlapping excerpts) it holds
 */
public record InspectedTrack(SourceFile source, String hash, long samples, int excerpts) implements Serializable {}
