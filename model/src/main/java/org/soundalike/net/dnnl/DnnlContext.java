package org.soundalike.net.dnnl;

import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.stream;

/**
 * One oneDNN CPU engine and its in-order stream: every primitive of the encoder runs on it.
 *
 * <p>This is oneDNN 3.x from JavaCPP's preset ({@code libdnnl.so.3}), not the oneDNN 2.3 that
 * libnd4j carries inside its own natives: the two have different sonames and are loaded with
 * local symbol scope, so they coexist in one JVM (DnnlStackTest checks it).
 */
public final class DnnlContext implements AutoCloseable {

  private final engine engine;
  private final stream stream;

  public DnnlContext() {
    this.engine = new engine(org.bytedeco.dnnl.engine.kind.cpu, 0);
    this.stream = new stream(engine);
  }

  engine engine() {
    return engine;
  }

  stream stream() {
    return stream;
  }

  /** Waits for the stream (a CPU stream is synchronous; this keeps the contract explicit). */
  void await() {
    stream._wait();
  }

  @Override
  public void close() {
    stream.close();
    engine.close();
  }
}
