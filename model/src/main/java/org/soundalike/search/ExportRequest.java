package org.soundalike.search;

/**
 * What to export and how: the alias ({@code tracks}), the run that names the versioned index
 * ({@code tracks-<run>}), the schema, the provenance, the bulk batch size, how many rejected
 * tracks still let the alias move (0: any reject keeps the previous index live) and the retry
 * policy.
 */
public record ExportRequest(String alias, String run, TrackIndexSchema schema, Provenance provenance,
    int batchSize, int maxRejects, RetryPolicy retry) {

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

  public static ExportRequest of(String alias, String run, Provenance provenance) {
    return new ExportRequest(alias, run, TrackIndexSchema.DEFAULT, provenance, DEFAULT_BATCH_SIZE, 0, RetryPolicy.DEFAULT);
  }

  public ExportRequest withSchema(TrackIndexSchema s) {
    return new ExportRequest(alias, run, s, provenance, batchSize, maxRejects, retry);
  }

  public ExportRequest withBatchSize(int n) {
    return new ExportRequest(alias, run, schema, provenance, n, maxRejects, retry);
  }

  public ExportRequest withMaxRejects(int n) {
    return new ExportRequest(alias, run, schema, provenance, batchSize, n, retry);
  }

  public ExportRequest withRetry(RetryPolicy r) {
    return new ExportRequest(alias, run, schema, provenance, batchSize, maxRejects, r);
  }

  public String index() {
    return TrackIndices.versionedIndex(alias, run);
  }
}
