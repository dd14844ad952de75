package org.soundalike.onnx;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.audio.AudioDecoder;
import org.soundalike.audio.AudioWriter;
import org.soundalike.audio.Excerpts;
import org.soundalike.audio.MusicLikeSignal;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.SampleCnnConfig;

/** Networks with non-trivial batch norm and real decoded excerpts, for the export tests. */
public final class ExportFixtures {

  private ExportFixtures() {}

  /**
   * Fresh weights whose batch-norm γ, β and running averages are random (not the identity that
   * initialisation gives), so that folding them into the convolutions is really exercised.
   */
  public static NetworkParameters networkWithBatchNormStatistics(SampleCnnConfig config, long seed) {
    NetworkParameters parameters = NetworkParameters.initialize(config, DataType.FLOAT, seed);
    Nd4j.getRandom().setSeed(seed);
    for (NetworkParameters.ConvLayer layer : NetworkParameters.ConvLayer.of(config)) {
      String name = layer.name();
      parameters.get(name + ".gamma").assign(Nd4j.rand(DataType.FLOAT, layer.out()).muli(1.5).addi(0.5));
      parameters.get(name + ".beta").assign(Nd4j.rand(DataType.FLOAT, layer.out()).subi(0.5).muli(0.2));
      parameters.get(name + ".mean").assign(Nd4j.rand(DataType.FLOAT, layer.out()).subi(0.5).muli(0.1));
      parameters.get(name + ".var").assign(Nd4j.rand(DataType.FLOAT, layer.out()).muli(2).addi(0.05));
    }
    return parameters;
  }

  /** T placeholder tag names (an untrained network has no dataset). */
  public static List<String> tagNames(int count) {
    return UntrainedExport.placeholderTags(count);
  }

  /** {@code count} evaluation excerpts of a generated music-like FLAC file, decoded by FFmpeg. */
  public static List<float[]> decodedExcerpts(Path directory, int count) {
    int samples = count * org.soundalike.audio.AudioSpec.EXCERPT_SAMPLES + 1000;
    float[][] stereo = new MusicLikeSignal(44100, 7).next(2 * samples);
    Path file = directory.resolve("fixture.flac");
    AudioWriter.write(file, 44100, stereo);
    Excerpts excerpts = Excerpts.of("fixture", new AudioDecoder().decode(file));
    return excerpts.windows().subList(0, count);
  }

  public static Map<String, String> provenance(SampleCnnConfig config, long seed) {
    return Map.of("soundalike.source", "untrained", "soundalike.seed", Long.toString(seed),
        "soundalike.config_name", config.name());
  }

  public static INDArray matrix(List<float[]> rows) {
    return Nd4j.create(rows.toArray(new float[0][]));
  }
}
