package org.soundalike.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.soundalike.run.RunProvenance;
import org.soundalike.dataset.MagnaTagATune;

/**
 * One row of the paper's table as a preset (METHOD.md "Training"): which of the three techniques
 * it uses and its α. The one place these facts live; the command line, the checkpoints and the
 * reports name variants by {@link #name()}.
 *
 * @param name the paper's letter (A–O), {@code CLMR} (the frozen-encoder baseline) or
 *     {@code pretrain} (L_SSL only, the source of technique p)
 * @param augment technique a: the augmentation chain on the training views
 * @param contrastive technique c: L_SSL kept during fine-tuning (λ = α / r; else λ = 0)
 * @param pretrained technique p: start from a pre-trained encoder and projector
 * @param frozenEncoder only the tag head is trained (the CLMR baseline)
 * @param selfSupervisedOnly L_SSL alone, no labels (pre-training)
 * @param alpha α of the preset; null without technique c
 */
public record Variant(
    String name,
    boolean augment,
    boolean contrastive,
    boolean pretrained,
    boolean frozenEncoder,
    boolean selfSupervisedOnly,
    Double alpha) {

  /** The CLMR baseline: pre-train, freeze the encoder, train only a tag head. */
  public static final Variant CLMR = new Variant(RunProvenance.CLMR, false, false, true, true, false, null);

  /** Pre-training: L_SSL only on augmented views (CLMR's recipe), all labels ignored. */
  public static final Variant PRETRAIN = new Variant(RunProvenance.PRETRAINING, true, true, false, false, true, null);

  private static final Map<String, Variant> PRESETS = presets();

  /** The paper's variant A: supervised only, the baseline every other row is compared with. */
  public static final Variant SUPERVISED_ONLY = named(RunProvenance.SUPERVISED_ONLY);

  public Variant {
    if (contrastive && !selfSupervisedOnly && alpha == null) {
      throw new IllegalArgumentException("variant " + name + ": technique c needs an α");
    }
  }

  private static Map<String, Variant> presets() {
    Map<String, Variant> presets = new LinkedHashMap<>();
    add(presets, new Variant(RunProvenance.SUPERVISED_ONLY, false, false, false, false, false, null));
    add(presets, new Variant("B", true, false, false, false, false, null));
    add(presets, new Variant("C", false, false, true, false, false, null));
    // D..I (MagnaTagATune) and J..O (MTG-Jamendo): for each α, a+c+p then c+p; this order is
    // the one that makes the paper's best rows G (α 1) and M (α 0.1) the c+p ones it names.
    char letter = 'D';
    for (double[] grid : new double[][] {{0.1, 1, 10}, {0.05, 0.1, 1}}) {
      for (double alpha : grid) {
        add(presets, new Variant(String.valueOf(letter++), true, true, true, false, false, alpha));
        add(presets, new Variant(String.valueOf(letter++), false, true, true, false, false, alpha));
      }
    }
    add(presets, CLMR);
    add(presets, PRETRAIN);
    return Collections.unmodifiableMap(presets);
  }

  private static void add(Map<String, Variant> presets, Variant variant) {
    presets.put(variant.name().toUpperCase(Locale.ROOT), variant);
  }

  /** The preset named {@code name} (case-insensitive). */
  public static Variant named(String name) {
    Variant variant = PRESETS.get(name.toUpperCase(Locale.ROOT));
    if (variant == null) {
      throw new IllegalArgumentException(
          "unknown variant '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    return variant;
  }

  public static List<String> names() {
    List<String> names = new ArrayList<>();
    PRESETS.values().forEach(v -> names.add(v.name()));
    return names;
  }

  /** The same techniques with another α (the {@code --alpha} override). */
  public Variant withAlpha(double newAlpha) {
    if (!contrastive || selfSupervisedOnly) {
      throw new IllegalArgumentException("variant " + name + " has no technique c: α does not apply");
    }
    return new Variant(name, augment, contrastive, pretrained, frozenEncoder, selfSupervisedOnly, newAlpha);
  }

  /**
   * λ = α / r for technique c; 1 for pre-training (the total is then L_SSL, as no example is
   * labelled); 0 otherwise.
   *
   * @param r converged L_SSL / converged L_ML; only read with technique c
   */
  public double lambda(Double r) {
    if (selfSupervisedOnly) {
      return 1;
    }
    if (!contrastive) {
      return 0;
    }
    if (r == null || !(r > 0)) {
      throw new IllegalArgumentException(
          "variant " + name + " uses L_SSL: λ = α / r needs r > 0 (give --r or run estimate-r), got " + r);
    }
    return alpha / r;
  }

  /** The techniques as the report writes them: {@code "a+c+p"}, {@code "none"}. */
  public String techniques() {
    List<String> parts = new ArrayList<>();
    if (augment) {
      parts.add("a");
    }
    if (contrastive) {
      parts.add("c");
    }
    if (pretrained) {
      parts.add("p");
    }
    if (frozenEncoder) {
      parts.add("frozen");
    }
    return parts.isEmpty() ? "none" : String.join("+", parts);
  }
}
