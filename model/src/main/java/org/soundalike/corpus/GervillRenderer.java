package org.soundalike.corpus;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import org.soundalike.audio.AudioSpec;

/**
 * Renders a {@link Score} to mono float PCM at {@link AudioSpec#SAMPLE_RATE} with the JDK's MIDI
 * synthesizer (Gervill), offline: {@code AudioSynthesizer.openStream} pulls audio from the
 * synthesizer as fast as it can compute it, no sound card involved. Each call uses a fresh
 * synthesizer, so a render depends on its score and the bank only (not on what was rendered
 * before, nor on the thread).
 */
public final class GervillRenderer {

  /** A float stream: no clipping inside the synthesizer; the writer normalises the peak. */
  private static final AudioFormat FORMAT =
      new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, AudioSpec.SAMPLE_RATE, 32, 1, 4, AudioSpec.SAMPLE_RATE, false);

  /**
   * Automatic gain control off: it would turn a part down when others join, and a part rendered
   * alone must sound as it does in the mix. Polyphony raised so sustained chords never steal voices.
   */
  private static final Map<String, Object> SYNTH_SETTINGS =
      Map.of("load default soundbank", false, "auto gain control", false, "max polyphony", 128);

  private final InstrumentBank bank;

  public GervillRenderer(InstrumentBank bank) {
    this.bank = bank;
  }

  /** {@code score.seconds()} of audio, in [-1, 1] as long as the parts are not too loud together. */
  public float[] render(Score score) {
    int frames = (int) Math.round(score.seconds() * AudioSpec.SAMPLE_RATE);
    Synthesizer synthesizer;
    try {
      synthesizer = MidiSystem.getSynthesizer();
    } catch (MidiUnavailableException e) {
      throw new CorpusException("the JDK's MIDI synthesizer is unavailable: " + e.getMessage(), e);
    }
    try (AudioInputStream stream = openStream(synthesizer)) {
      loadInstruments(synthesizer, score);
      Receiver receiver = synthesizer.getReceiver();
      for (TimedMessage event : events(score)) {
        receiver.send(event.message(), event.micros());
      }
      return read(stream, frames, score);
    } catch (MidiUnavailableException | IOException e) {
      throw new CorpusException(score.piece().name() + ": rendering failed: " + e.getMessage(), e);
    } finally {
      synthesizer.close();
    }
  }

  /** Calls {@code com.sun.media.sound.AudioSynthesizer.openStream}, not exported by java.desktop. */
  private static AudioInputStream openStream(Synthesizer synthesizer) {
    try {
      Class<?> audioSynthesizer = Class.forName("com.sun.media.sound.AudioSynthesizer");
      if (!audioSynthesizer.isInstance(synthesizer)) {
        throw new CorpusException("the JDK's MIDI synthesizer " + synthesizer.getClass().getName()
            + " cannot render offline (it is not Gervill's AudioSynthesizer)");
      }
      Method openStream = audioSynthesizer.getMethod("openStream", AudioFormat.class, Map.class);
      return (AudioInputStream) openStream.invoke(synthesizer, FORMAT, SYNTH_SETTINGS);
    } catch (InvocationTargetException e) {
      throw new CorpusException("Gervill cannot open an offline stream: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new CorpusException("cannot reach Gervill's offline renderer; run the JVM with"
          + " --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED (" + e + ")", e);
    }
  }

  private void loadInstruments(Synthesizer synthesizer, Score score) {
    for (Part part : score.parts()) {
      javax.sound.midi.Instrument instrument = bank.instrument(part.program(), part.isDrums());
      if (!synthesizer.loadInstrument(instrument)) {
        throw new CorpusException(score.piece().name() + ": Gervill refused " + instrument + " of soundbank '"
            + bank.name() + "'");
      }
    }
  }

  private record TimedMessage(long micros, int order, MidiMessage message) {}

  /**
   * All messages, sorted. Gervill keys queued messages by timestamp and moves a clash one
   * microsecond later, so the sending order decides the order of simultaneous events: setup
   * first, then note-offs before note-ons (a repeated key is released before it is struck again).
   */
  static List<TimedMessage> events(Score score) {
    List<TimedMessage> events = new ArrayList<>();
    try {
      for (Part part : score.parts()) {
        int ch = part.channel();
        if (!part.isDrums()) {
          events.add(new TimedMessage(0, 0, new ShortMessage(ShortMessage.PROGRAM_CHANGE, ch, part.program(), 0)));
        }
        events.add(new TimedMessage(0, 0, new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 7, part.volume())));
        events.add(new TimedMessage(0, 0, new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 91, part.reverb())));
        for (Note note : part.notes()) {
          events.add(new TimedMessage(note.onMicros(), 2,
              new ShortMessage(ShortMessage.NOTE_ON, ch, note.key(), note.velocity())));
          events.add(new TimedMessage(note.offMicros(), 1, new ShortMessage(ShortMessage.NOTE_OFF, ch, note.key(), 0)));
        }
      }
    } catch (InvalidMidiDataException e) {
      throw new CorpusException(score.piece().name() + ": invalid MIDI event: " + e.getMessage(), e);
    }
    events.sort(Comparator.comparingLong(TimedMessage::micros).thenComparingInt(TimedMessage::order));
    return events;
  }

  private static float[] read(AudioInputStream stream, int frames, Score score) throws IOException {
    byte[] bytes = new byte[frames * 4];
    int filled = 0;
    while (filled < bytes.length) {
      int n = stream.read(bytes, filled, bytes.length - filled);
      if (n < 0) {
        throw new CorpusException(score.piece().name() + ": the synthesizer stream ended after "
            + filled / 4 + " of " + frames + " frames");
      }
      filled += n;
    }
    float[] samples = new float[frames];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(samples);
    return samples;
  }
}
