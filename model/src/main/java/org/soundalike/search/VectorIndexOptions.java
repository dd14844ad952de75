package org.soundalike.search;

/**
 * The HNSW parameters of the embedding field. {@code m} = graph neighbours per node,
 * {@code efConstruction} = candidates kept while building the graph (Elasticsearch's defaults,
 * 16 and 100, measured in docs/benchmarks/search.md). {@code rescoreOversample} (quantised types
 * only; 0 = none) makes each query fetch k × oversample candidates by the quantised score and
 * re-rank them with the float vectors, which restores the recall quantisation loses.
 */
public record VectorIndexOptions(VectorIndexType type, int m, int efConstruction, float rescoreOversample) {

  /**
   * The production default, chosen from the benchmark (docs/benchmarks/search.md): int8 HNSW
   * rescored ×3 with the float vectors reached recall@10 0.999 at num_candidates 100 on 100k
   * tracks with ES took p99 3 ms, where float HNSW reached 0.985 and int8 without rescoring 0.91;
   * the graph is searched over 1-byte components (a quarter of float HNSW's memory traffic).
   */
  public static final VectorIndexOptions DEFAULT = new VectorIndexOptions(VectorIndexType.INT8_HNSW, 16, 100, 3f);

  public VectorIndexOptions {
    if (m < 2 || efConstruction < m) {
      throw new IllegalArgumentException("HNSW needs m >= 2 and ef_construction >= m, got m=" + m + ", ef_construction=" + efConstruction);
    }
    if (rescoreOversample != 0f && (!type.quantized() || rescoreOversample < 1f)) {
      throw new IllegalArgumentException("rescore oversample " + rescoreOversample + " needs a quantised type and a value >= 1 (got " + type.esName() + ")");
    }
  }

  public static VectorIndexOptions of(VectorIndexType type, float rescoreOversample) {
    return new VectorIndexOptions(type, DEFAULT.m(), DEFAULT.efConstruction(), rescoreOversample);
  }

  /** For reports: {@code int8_hnsw+rescore×3}. */
  public String label() {
    return type.esName() + (rescoreOversample > 0 ? "+rescore×" + trim(rescoreOversample) : "");
  }

  private static String trim(float f) {
    return f == Math.rint(f) ? Integer.toString((int) f) : Float.toString(f);
  }
}
