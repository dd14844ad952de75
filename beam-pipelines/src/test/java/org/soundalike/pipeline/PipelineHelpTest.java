package org.soundalike.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.soundalike.cli.LauncherScript;

/** `soundalike pipeline NAME --help`: the pipeline's own options first, the runner's behind a pointer. */
class PipelineHelpTest {

  private static String help(String pipeline) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Pipelines.Entry entry = Pipelines.PIPELINES.get(pipeline);
    PipelineHelp.print(pipeline, entry.summary(), entry.options(), new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void watchShowsItsOwnOptionsWithDescriptionsAndDefaultsRequiredOnesFirst() {
    String help = help("watch");

    assertThat(help).startsWith("Usage: soundalike pipeline watch --input=… --run=… [--option=value …]");
    assertThat(help).contains("--input=<String>  (required)\n      The folder watched")
        .contains("--pollSeconds=<int>  (default: 2)\n      Seconds between two listings of the folder")
        .contains("--esUrl=<String>  (default: http://127.0.0.1:9200)")
        .contains("--out=<String>  (optional)");
    assertThat(help.indexOf("--run=<")).isLessThan(help.indexOf("--batchSize=<"));
  }

  @Test
  void theRunnersOptionsAreOnlyAPointerAfterThePipelinesOwn() {
    String help = help("watch");

    assertThat(help).doesNotContain("--flinkMaster=<").doesNotContain("--parallelism=<").doesNotContain("--runner=<");
    assertThat(help.indexOf("Runner options")).isGreaterThan(help.lastIndexOf("  --"));
    assertThat(help).endsWith("soundalike pipeline watch --help=FlinkPipelineOptions" + System.lineSeparator());
  }

  @Test
  void everyPipelineHasAHelpListingOnlyOptionsItsOwnInterfacesDeclare() {
    for (Map.Entry<String, Pipelines.Entry> pipeline : Pipelines.PIPELINES.entrySet()) {
      List<PipelineHelp.Option> own = PipelineHelp.ownOptions(pipeline.getValue().options());

      assertThat(own).as(pipeline.getKey()).isNotEmpty()
          .allMatch(o -> !o.description().isBlank(), "has a description")
          .noneMatch(o -> List.of("runner", "parallelism", "flinkMaster", "jobName").contains(o.name()));
    }
  }

  @Test
  void theLaunchersCommandListNamesEveryPipeline() throws Exception {
    String list = LauncherScript.soundalike("help").out();

    for (String pipeline : Pipelines.PIPELINES.keySet()) {
      assertThat(list).contains("  pipeline " + pipeline + " ");
    }
    assertThat(list.lines().filter(l -> l.startsWith("  pipeline ")).count()).isEqualTo(Pipelines.PIPELINES.size());
  }
}
