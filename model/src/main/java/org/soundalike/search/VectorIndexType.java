package org.soundalike.search;

/** How Elasticsearch stores and searches the embedding field (its {@code index_options.type}). */
public enum VectorIndexType {
  /** HNSW over float32 vectors: exact scores, 4 bytes per dimension. */
  HNSW("hnsw"),
  /** HNSW over int8-quantised vectors (8.19's default at 512 dims); needs rescoring for recall. */
  INT8_HNSW("int8_hnsw"),
  /** HNSW over 1-bit "better binary quantisation" vectors; rescored with the float vectors. */
  BBQ_HNSW("bbq_hnsw");

  private final String esName;

  VectorIndexType(String esName) {
    this.esName = esName;
  }

  public String esName() {
    return esName;
  }

  public boolean quantized() {
    return this != HNSW;
  }

  public static VectorIndexType fromEsName(String name) {
    for (VectorIndexType t : values()) {
      if (t.esName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown index_options type '" + name + "' (known: hnsw, int8_hnsw, bbq_hnsw)");
  }
}
