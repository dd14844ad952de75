package org.soundalike.net;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * SameDiff 1.0.0-M2.1 prints one "Added differentiated op ..." line per op to System.out while it
 * builds a backward graph, which would corrupt the JSON that commands print. Graph building runs
 * under this guard. It swaps the global stream, so graphs must not be built while another thread
 * prints to System.out.
 */
final class QuietStdout {

  private QuietStdout() {}

  static synchronized <T> T during(Supplier<T> work) {
    PrintStream original = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    try {
      return work.get();
    } finally {
      System.setOut(original);
    }
  }
}
