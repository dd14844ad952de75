package org.soundalike.net.dnnl;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.audio.AudioSpec;
import org.soundalike.net.EmbeddingGraph;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.progress.ProcessUsage;

/**
 * Inference throughput of the whole encoder: {@link DnnlInferenceEncoder} (chained oneDNN) vs
 * the product's {@link EmbeddingGraph} (SameDiff), same weights, same batches. Reports excerpts
 * per wall second and per CPU second (the machine is shared).
 */
public final class InferenceBenchmark {

  private InferenceBenchmark() {}

  public static Map<String, Object> run(SampleCnnConfig config, int batch, int warmup, int repeats) {
    NetworkParameters parameters = NetworkParameters.initialize(config, DataType.FLOAT, 1);
    Nd4j.getRandom().setSeed(1);
    INDArray audio = Nd4j.rand(DataType.FLOAT, batch, AudioSpec.EXCERPT_SAMPLES).subi(0.5);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("config", config.name());
    out.put("batch", batch);
    out.put("repeats", repeats);
    out.put("loadAverageBefore", BlockBenchmark.loadAverage());
    try (DnnlContext context = new DnnlContext();
        DnnlInferenceEncoder encoder = new DnnlInferenceEncoder(context, parameters, batch)) {
      out.put("dnnl", time(encoder::encode, audio, warmup, repeats));
    }
    EmbeddingGraph graph = EmbeddingGraph.build(parameters);
    out.put("samediff", time(graph::encode, audio, warmup, repeats));
    out.put("loadAverageAfter", BlockBenchmark.loadAverage());
    out.put("peakResidentGiB", BlockBenchmark.round(ProcessUsage.peakResidentGiB()));
    return out;
  }

  private static Map<String, Object> time(Function<INDArray, INDArray> encode, INDArray audio, int warmup, int repeats) {
    for (int i = 0; i < warmup; i++) {
      encode.apply(audio);
    }
    long start = System.nanoTime();
    long cpuStart = cpuNanos();
    for (int i = 0; i < repeats; i++) {
      encode.apply(audio);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = (cpuNanos() - cpuStart) / 1e9;
    long excerpts = audio.size(0) * (long) repeats;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("wallSecondsPerBatch", BlockBenchmark.round(wall / repeats));
    result.put("cpuSecondsPerBatch", BlockBenchmark.round(cpu / repeats));
    result.put("excerptsPerSecond", BlockBenchmark.round(excerpts / wall));
    result.put("excerptsPerCpuSecond", BlockBenchmark.round(excerpts / cpu));
    return result;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
