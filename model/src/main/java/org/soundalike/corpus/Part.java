package org.soundalike.corpus;

import java.util.List;

/**
 * What one tagged instrument (or the drum kit, on MIDI channel 10) plays in a piece.
 *
 * @param tag the vocabulary tag this part makes true
 * @param channel MIDI channel, 0-based (9 is percussion)
 * @param program General MIDI program, 0-based (for the drums: the kit)
 * @param volume MIDI channel volume (controller 7)
 * @param reverb MIDI reverb send (controller 91)
 */
public record Part(String tag, int channel, int program, int volume, int reverb, List<Note> notes) {

  public static final int DRUM_CHANNEL = 9;

  public Part {
    notes = List.copyOf(notes);
  }

  public boolean isDrums() {
    return channel == DRUM_CHANNEL;
  }
}
