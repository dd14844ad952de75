package org.soundalike.augment;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step the chain applied to an excerpt, with the parameters it drew (provenance and
 * debugging: a view can be reproduced and explained from its list of applied steps).
 *
 * @param parameters drawn values by name, in the order the step reports them
 */
public record AppliedAugmentation(AugmentationStep step, Map<String, Double> parameters) implements Serializable {

  public AppliedAugmentation {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  public double parameter(String name) {
    Double value = parameters.get(name);
    if (value == null) {
      throw new AugmentationException(step + " has no parameter '" + name + "' (it has " + parameters.keySet() + ")");
    }
    return value;
  }
}
