package org.soundalike.search;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What to export and how: the alias ({@code tracks}), the run that names the versioned index
 * ({@code tracks-<run>}), the build stamp that tells a re-export of a run from the index it
 * replaces ({@code tracks-<run>-<stamp>}; a watch's own index is {@code tracks-<run>-watch}), the schema, the provenance, the bulk batch size, how many rejected
 * tracks still let the alias move (0: any reject keeps the previous index live) and the retry
 * policy.
 */
public record ExportRequest(String alias, String run, String build, TrackIndexSchema schema, Provenance provenance,
    int batchSize, int maxRejects, RetryPolicy retry) {

  /** The build of the index a {@code pipeline watch} keeps growing (never marked complete, so never pruned). */
  public static final String WATCH = "watch";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmssSSS").withZone(ZoneOffset.UTC);

  /** 500 documents × 512 floats ≈ 3 MB of JSON per request: well inside the 100 MB limit and big enough to amortise a round trip. */
  public static final int DEFAULT_BATCH_SIZE = 500;
  /**
   * A bulk request is also sent once it holds this much JSON. Tracks with segments (one per
   * 5.4 s, so ~40 for a 4-minute track) would otherwise make a 500-track request exceed
   * Elasticsearch's 100 MB request limit.
   */
  public static final long MAX_BATCH_JSON_BYTES = 30_000_000;
  /** {@link #MAX_BATCH_JSON_BYTES} in vectors (track and segment vectors), at ≈ 6 KB of JSON per 512-float vector. */
  public static final int MAX_VECTORS_PER_BATCH = (int) (MAX_BATCH_JSON_BYTES / 6_000);

  public ExportRequest {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    if (maxRejects < 0) {
      throw new IllegalArgumentException("max rejects must be >= 0, got " + maxRejects);
    }
  }

  /** An export stamped with the current time, so that its index is new unless a build of the run was interrupted. */
  public static ExportRequest of(String alias, String run, Provenance provenance) {
    return new ExportRequest(alias, run, STAMP.format(Instant.now()), TrackIndexSchema.DEFAULT, provenance,
        DEFAULT_BATCH_SIZE, 0, RetryPolicy.DEFAULT);
  }

  /** The same request writing the run's watch index. */
  public ExportRequest forWatch() {
    return new ExportRequest(alias, run, WATCH, schema, provenance, batchSize, maxRejects, retry);
  }

  public boolean watch() {
    return WATCH.equals(build);
  }

  public ExportRequest withSchema(TrackIndexSchema s) {
    return new ExportRequest(alias, run, build, s, provenance, batchSize, maxRejects, retry);
  }

  public ExportRequest withBatchSize(int n) {
    return new ExportRequest(alias, run, build, schema, provenance, n, maxRejects, retry);
  }

  public ExportRequest withMaxRejects(int n) {
    return new ExportRequest(alias, run, build, schema, provenance, batchSize, n, retry);
  }

  public ExportRequest withRetry(RetryPolicy r) {
    return new ExportRequest(alias, run, build, schema, provenance, batchSize, maxRejects, r);
  }

  /** The run's first index, {@code <alias>-<run>}: the name an export takes when the run has no index yet. */
  public String runIndex() {
    return TrackIndices.versionedIndex(alias, run);
  }

  /** The index of this build when the run's first index is taken: {@code <alias>-<run>-<build>}. */
  public String buildIndex() {
    return runIndex() + "-" + build;
  }
}
