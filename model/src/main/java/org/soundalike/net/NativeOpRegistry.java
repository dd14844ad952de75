package org.soundalike.net;

import java.lang.reflect.Field;
import java.util.Map;
import org.nd4j.imports.converters.DifferentialFunctionClassHolder;
import org.nd4j.linalg.api.ops.CustomOpDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SameDiff 1.0.0-M2.1 builds the backward graph from serialised copies of the forward ops, and
 * re-creates each copy from the class registered for its native op name, so a subclass with a
 * better gradient is silently replaced by ND4J's own class. This points the native name at our
 * class instead. It touches a private map of ND4J, checked at start-up: if ND4J's layout changes,
 * this fails loudly rather than training with the broken gradient.
 */
final class NativeOpRegistry {

  private NativeOpRegistry() {}

  @SuppressWarnings("unchecked")
  static synchronized void replace(String nativeName, Class<?> opClass) {
    CustomOpDescriptor descriptor = Nd4j.getExecutioner().getCustomOperations().get(nativeName);
    if (descriptor == null) {
      throw new IllegalStateException("ND4J's natives have no op named " + nativeName);
    }
    try {
      Field field = DifferentialFunctionClassHolder.class.getDeclaredField("customOpHashToClass");
      field.setAccessible(true);
      Map<Long, Class<?>> byHash = (Map<Long, Class<?>>) field.get(DifferentialFunctionClassHolder.getInstance());
      byHash.put(descriptor.getHash(), opClass);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot register " + opClass.getSimpleName() + " for native op " + nativeName
              + " (ND4J's op registry changed?)", e);
    }
  }
}
