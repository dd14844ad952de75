package org.soundalike.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.SampleCnnConfig;

/** What an export file contains: the interface, the layout of the weights and the metadata. */
class OnnxExportTest {

  private static final SampleCnnConfig CONFIG = SampleCnnConfig.COMPACT;

  @TempDir Path directory;

  @Test
  void writesAFileWithTheDocumentedInputsOutputsAndMetadata() throws IOException {
    NetworkParameters parameters = ExportFixtures.networkWithBatchNormStatistics(CONFIG, 3);
    Path file = OnnxExport.write(parameters, ExportFixtures.tagNames(CONFIG.tags()),
        Map.of("soundalike.run", "runs/demo-A"), directory.resolve("sub/model.onnx"));

    ModelProto model;
    try (InputStream in = Files.newInputStream(file)) {
      model = ModelProto.parseFrom(in);
    }
    assertThat(model.getOpsetImport(0).getVersion()).isEqualTo(OnnxExport.OPSET);
    assertThat(dims(model.getGraph().getInput(0).getType().getTensorType().getShape()))
        .containsExactly("batch", "1", "59049");
    assertThat(model.getGraph().getOutputList()).extracting(o -> o.getName())
        .containsExactly(OnnxExport.EMBEDDING, OnnxExport.TAG_PROBABILITIES);
    assertThat(dims(model.getGraph().getOutput(1).getType().getTensorType().getShape()))
        .containsExactly("batch", "50");

    Map<String, String> metadata = model.getMetadataPropsList().stream()
        .collect(Collectors.toMap(StringStringEntryProto::getKey, StringStringEntryProto::getValue));
    assertThat(metadata).containsEntry("soundalike.run", "runs/demo-A")
        .containsEntry(OnnxExport.META_CONFIG, "compact")
        .containsEntry(OnnxExport.META_EMBEDDING_SIZE, "128");
    assertThat(metadata.get(OnnxExport.META_TAGS)).startsWith("[\"tag0\",\"tag1\",").endsWith("\"tag49\"]");
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  @Test
  void foldsBatchNormIntoElevenConvolutionsWithOutInHeightKernelWeights() {
    ModelProto model = OnnxExport.model(ExportFixtures.networkWithBatchNormStatistics(CONFIG, 3),
        ExportFixtures.tagNames(CONFIG.tags()), Map.of());

    List<String> ops = model.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
    assertThat(ops).doesNotContain("BatchNormalization");
    assertThat(ops.stream().filter("Conv"::equals).count()).isEqualTo(11);
    assertThat(ops.stream().filter("MaxPool"::equals).count()).isEqualTo(9);
    // No projector: the export serves retrieval and tagging only.
    assertThat(model.getGraph().getInitializerList()).extracting(TensorProto::getName)
        .noneMatch(name -> name.startsWith("projector"));
    assertThat(initializer(model, "stem.w").getDimsList()).containsExactly(32L, 1L, 1L, 3L);
    assertThat(initializer(model, "block1.w").getDimsList()).containsExactly(32L, 32L, 1L, 3L);
    assertThat(initializer(model, "block3.w").getDimsList()).containsExactly(64L, 32L, 1L, 3L);
    assertThat(initializer(model, "final.w").getDimsList()).containsExactly(128L, 128L, 1L, 3L);
    assertThat(initializer(model, "tags.w").getDimsList()).containsExactly(128L, 50L);
  }

  @Test
  void rejectsAVocabularyOfTheWrongSize() {
    NetworkParameters parameters = ExportFixtures.networkWithBatchNormStatistics(CONFIG, 3);
    assertThatThrownBy(() -> OnnxExport.model(parameters, ExportFixtures.tagNames(49), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("50 tags").hasMessageContaining("49");
  }

  private static TensorProto initializer(ModelProto model, String name) {
    return model.getGraph().getInitializerList().stream()
        .filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> dims(TensorShapeProto shape) {
    return shape.getDimList().stream()
        .map(d -> d.hasDimParam() ? d.getDimParam() : Long.toString(d.getDimValue())).toList();
  }
}
