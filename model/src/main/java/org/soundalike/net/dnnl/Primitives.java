package org.soundalike.net.dnnl;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.javacpp.Pointer;

/**
 * The oneDNN objects of one block or encoder, created once and released together: memory
 * descriptors, buffers, primitives and their argument maps, and the ordered steps that run them.
 */
final class Primitives implements AutoCloseable {

  /** One primitive with its arguments, bound once. */
  record Step(primitive primitive, IntMemoryMap arguments) {}

  private final DnnlContext context;
  private final List<Pointer> owned = new ArrayList<>();

  Primitives(DnnlContext context) {
    this.context = context;
  }

  DnnlContext context() {
    return context;
  }

  /** A float memory descriptor with the given format ({@code any} lets the primitive choose). */
  memory.desc desc(memory.format_tag tag, long... dims) {
    return desc(memory.data_type.f32, tag, dims);
  }

  /** A memory descriptor of the given element type and format. */
  memory.desc desc(memory.data_type type, memory.format_tag tag, long... dims) {
    return own(new memory.desc(dims, type, tag));
  }

  /** A buffer allocated by oneDNN. */
  memory memory(memory.desc desc) {
    return own(new memory(desc, context.engine()));
  }

  /** {@code arguments}: alternating DNNL_ARG_* codes and memories. */
  Step step(primitive primitive, Object... arguments) {
    IntMemoryMap map = own(new IntMemoryMap());
    for (int i = 0; i < arguments.length; i += 2) {
      map.put((Integer) arguments[i], (memory) arguments[i + 1]);
    }
    return new Step(own(primitive), map);
  }

  Step reorder(memory from, memory to) {
    return step(new reorder(from, to), DNNL_ARG_SRC, from, DNNL_ARG_DST, to);
  }

  /** {@code from} in the layout a primitive wants: itself if it already is, else a buffer filled by a reorder step. */
  memory inLayout(memory from, memory.desc wanted, List<Step> steps) {
    if (from.get_desc().equals(wanted)) {
      return from;
    }
    memory to = memory(wanted);
    steps.add(reorder(from, to));
    return to;
  }

  void run(List<Step> steps) {
    for (Step step : steps) {
      step.primitive().execute(context.stream(), step.arguments());
    }
    context.await();
  }

  <P extends Pointer> P own(P pointer) {
    owned.add(pointer);
    return pointer;
  }

  @Override
  public void close() {
    for (int i = owned.size() - 1; i >= 0; i--) {
      owned.get(i).close();
    }
    owned.clear();
  }
}
