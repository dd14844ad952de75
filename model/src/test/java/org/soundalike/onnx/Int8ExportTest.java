package org.soundalike.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.encode.ExcerptEmbeddings;
import org.soundalike.encode.OrtExcerptEncoder;
import org.soundalike.net.SampleCnnConfig;

/** The int8 (QDQ) copy of an export runs on ONNX Runtime and stays close to fp32. */
class Int8ExportTest {

  @TempDir Path directory;

  @Test
  void quantisedModelKeepsTheEmbeddingsCloseToFp32() throws Exception {
    SampleCnnConfig config = SampleCnnConfig.COMPACT;
    Path fp32 = OnnxExport.write(ExportFixtures.networkWithBatchNormStatistics(config, 21),
        ExportFixtures.tagNames(config.tags()), ExportFixtures.provenance(config, 21), directory.resolve("fp32.onnx"));
    List<float[]> excerpts = ExportFixtures.decodedExcerpts(directory, 3);
    Path int8 = Int8Export.write(fp32, excerpts.subList(0, 2), directory.resolve("int8.onnx"));

    ModelProto model;
    try (InputStream in = Files.newInputStream(int8)) {
      model = ModelProto.parseFrom(in);
    }
    List<String> ops = model.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
    assertThat(ops).doesNotContain("Relu").contains("QuantizeLinear", "DequantizeLinear");
    assertThat(model.getGraph().getInitializerList()).anyMatch(t -> t.getName().equals("block1.w.q"))
        .noneMatch(t -> t.getName().equals("block1.w"));

    ExcerptEmbeddings reference;
    ExcerptEmbeddings quantised;
    try (OrtExcerptEncoder encoder = OrtExcerptEncoder.open(fp32, 1, 8)) {
      reference = encoder.encode(excerpts);
    }
    try (OrtExcerptEncoder encoder = OrtExcerptEncoder.open(int8, 1, 8)) {
      quantised = encoder.encode(excerpts);
      assertThat(encoder.tags()).isEqualTo(ExportFixtures.tagNames(config.tags()));
    }
    for (int i = 0; i < excerpts.size(); i++) {
      double cosine = 0;
      for (int d = 0; d < reference.embeddings()[i].length; d++) {
        cosine += reference.embeddings()[i][d] * quantised.embeddings()[i][d];
      }
      // Close, yet not identical: the int8 kernels really ran.
      assertThat(cosine).isGreaterThan(0.995).isLessThan(0.9999999);
    }
  }
}
