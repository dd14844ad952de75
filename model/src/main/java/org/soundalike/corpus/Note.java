package org.soundalike.corpus;

/** One MIDI note: key and velocity, sounding from {@code onMicros} until {@code offMicros}. */
public record Note(long onMicros, long offMicros, int key, int velocity) {

  public Note {
    if (offMicros <= onMicros) {
      throw new IllegalArgumentException("note " + key + " at " + onMicros + " µs ends before it starts");
    }
    if (key < 0 || key > 127 || velocity < 1 || velocity > 127) {
      throw new IllegalArgumentException("note key " + key + " velocity " + velocity + " is not MIDI");
    }
  }
}
