package org.soundalike.corpus;

import java.util.Optional;

/** The bank the tests render with, loaded once per test JVM (FluidR3 is 148 MB). */
final class TestBank {

  private static InstrumentBank bank;

  private TestBank() {}

  static synchronized InstrumentBank get() {
    if (bank == null) {
      bank = InstrumentBank.locate(Optional.empty(), System.err);
    }
    return bank;
  }
}
