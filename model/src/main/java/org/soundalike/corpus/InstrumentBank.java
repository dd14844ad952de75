package org.soundalike.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.sound.midi.Instrument;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Patch;
import javax.sound.midi.Soundbank;

/**
 * The soundfont the corpus is rendered with, and which file it came from. Renders are
 * bit-identical only for the same bank file, so its path and SHA-256 go into the corpus manifest.
 *
 * Thread-safe: the soundbank is only read once loaded, and each render loads its instruments
 * into its own synthesizer.
 */
public final class InstrumentBank {

  /** Debian's {@code fluid-soundfont-gm} (MIT), installed by {@code infra/bin/install-system-deps}. */
  public static final Path FLUID_R3 = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");

  /** Where Gervill caches the bank it generates when it finds no soundfont. */
  private static final Path GERVILL_EMERGENCY_CACHE =
      Path.of(System.getProperty("user.home"), ".gervill", "soundbank-emg.sf2");

  private final String name;
  private final Optional<Path> path;
  private final Optional<String> sha256;
  private final boolean fallback;
  private final Map<Integer, Instrument> byProgram;

  private InstrumentBank(Soundbank soundbank, Optional<Path> path, Optional<String> sha256, boolean fallback) {
    this.name = soundbank.getName();
    this.path = path;
    this.sha256 = sha256;
    this.fallback = fallback;
    this.byProgram = index(soundbank);
  }

  /**
   * Loads {@code requested}, or else {@link #FLUID_R3}, or else falls back to the JDK's default
   * bank, warning on {@code warnings} that renders then differ between machines.
   */
  public static InstrumentBank locate(Optional<Path> requested, PrintStream warnings) {
    if (requested.isPresent()) {
      if (!Files.isRegularFile(requested.get())) {
        throw new CorpusException("soundfont " + requested.get() + " does not exist");
      }
      return load(requested.get());
    }
    if (Files.isRegularFile(FLUID_R3)) {
      return load(FLUID_R3);
    }
    warnings.println("WARNING: " + FLUID_R3 + " is missing (run infra/bin/install-system-deps to install"
        + " Debian's fluid-soundfont-gm). Falling back to the JDK's built-in 'Emergency' soundbank:"
        + " it sounds poorer, and it is generated on each machine, so renders differ between machines.");
    return builtIn();
  }

  public static InstrumentBank load(Path file) {
    try {
      Soundbank soundbank = MidiSystem.getSoundbank(file.toFile());
      return new InstrumentBank(soundbank, Optional.of(file.toAbsolutePath()),
          Optional.of(sha256(file)), false);
    } catch (InvalidMidiDataException | IOException e) {
      throw new CorpusException("cannot load soundfont " + file + ": " + e.getMessage(), e);
    } catch (OutOfMemoryError e) {
      throw new CorpusException("soundfont " + file + " does not fit in the heap (FluidR3 needs more than"
          + " 128 MB; raise -Xmx)", e);
    }
  }

  /** The bank Gervill uses without a soundfont; its file is known only when Gervill cached it. */
  public static InstrumentBank builtIn() {
    try {
      Soundbank soundbank = MidiSystem.getSynthesizer().getDefaultSoundbank();
      if (soundbank == null) {
        throw new CorpusException("the JDK's MIDI synthesizer has no default soundbank and no soundfont was found");
      }
      boolean cached = soundbank.getName().startsWith("Emergency") && Files.isRegularFile(GERVILL_EMERGENCY_CACHE);
      return new InstrumentBank(soundbank,
          cached ? Optional.of(GERVILL_EMERGENCY_CACHE) : Optional.empty(),
          cached ? Optional.of(sha256(GERVILL_EMERGENCY_CACHE)) : Optional.empty(), true);
    } catch (MidiUnavailableException | IOException e) {
      throw new CorpusException("the JDK's MIDI synthesizer is unavailable: " + e.getMessage(), e);
    }
  }

  /** The instrument for a General MIDI program, or the drum kit with that number. */
  public Instrument instrument(int program, boolean percussion) {
    Instrument found = byProgram.get(program + (percussion ? 128 : 0));
    if (found == null) {
      throw new CorpusException("soundbank '" + name + "' has no " + (percussion ? "drum kit " : "program ")
          + program);
    }
    return found;
  }

  public String name() {
    return name;
  }

  /** The soundfont file, or empty when the JDK generated the bank and no copy of it is known. */
  public Optional<Path> path() {
    return path;
  }

  /** Hex SHA-256 of {@link #path()}, empty with it. */
  public Optional<String> sha256() {
    return sha256;
  }

  /** True for Gervill's built-in "Emergency" bank (or whatever the JDK found by itself). */
  public boolean fallback() {
    return fallback;
  }

  /** What the manifest records: the name, and the file with its digest when known. */
  public String description() {
    return "'" + name + "'" + path.map(p -> " from " + p).orElse(" (generated by the JDK, no file)")
        + (fallback ? " [fallback]" : "");
  }

  private static Map<Integer, Instrument> index(Soundbank soundbank) {
    Map<Integer, Instrument> byProgram = new HashMap<>();
    for (Instrument instrument : soundbank.getInstruments()) {
      Patch patch = instrument.getPatch();
      if (patch.getBank() == 0) {
        byProgram.putIfAbsent(patch.getProgram() + (isPercussion(patch) ? 128 : 0), instrument);
      }
    }
    return Map.copyOf(byProgram);
  }

  /**
   * Gervill marks drum kits with its own Patch subclass ({@code ModelPatch.isPercussion()}), in a
   * package that is not exported, so the flag is read reflectively.
   */
  private static boolean isPercussion(Patch patch) {
    try {
      Method method = patch.getClass().getMethod("isPercussion");
      return (Boolean) method.invoke(patch);
    } catch (NoSuchMethodException e) {
      return false;
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new CorpusException("cannot tell drum kits from instruments in the soundbank (run with"
          + " --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED): " + e, e);
    }
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
