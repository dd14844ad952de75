package org.soundalike.pipeline.evaluate;

import java.io.Serializable;

/**
 * What became of one run in the evaluate pipeline (a line of {@code evaluate.jsonl}).
 *
 * @param status {@code evaluated}, {@code current} (its results.json is newer than its checkpoint:
 *     not evaluated again) or {@code failed}
 * @param message the failure, null otherwise
 */
public record EvaluateRunOutcome(String run, String results, String status, Double recallAt1, String message)
    implements Serializable {

  public static final String EVALUATED = "evaluated";
  public static final String CURRENT = "current";
  public static final String FAILED = "failed";
}
