package org.soundalike.ui.map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.soundalike.eval.report.RunResult;
import org.soundalike.run.RunProvenance;
import org.soundalike.ui.chart.Palette;
import org.soundalike.ui.service.TagColouring;

/**
 * The Chart.js scatter of a run's t-SNE map, one dataset per colour group. Each point carries the
 * track id (for clicks) and a label with the id and tags (for the hover tooltip).
 */
public final class MapChartFactory {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OTHER_COLOUR = "#BBBBBB";

  private MapChartFactory() {}

  public static ObjectNode scatter(RunResult result, TagColouring colouring) {
    Map<String, Predicate<List<String>>> groups = groups(colouring);
    ObjectNode config = JSON.createObjectNode();
    config.put("type", "scatter");
    ArrayNode datasets = config.putObject("data").putArray("datasets");
    int index = 0;
    for (Map.Entry<String, Predicate<List<String>>> group : groups.entrySet()) {
      boolean rest = index == groups.size() - 1;
      String colour = rest ? OTHER_COLOUR : Palette.colour(index);
      index++;
      ObjectNode dataset = datasets.addObject();
      dataset.put("label", group.getKey());
      dataset.put("backgroundColor", rest ? Palette.translucent(colour, 0.5) : colour);
      dataset.put("borderColor", colour);
      dataset.put("pointRadius", rest ? 3 : 4);
      dataset.put("pointHoverRadius", 7);
      ArrayNode data = dataset.putArray("data");
      for (RunResult.TsnePoint point : result.tsne()) {
        if (group.getValue().test(point.tags())) {
          data.addObject().put("x", point.x()).put("y", point.y()).put("id", point.id())
              .put("label", point.id() + " — " + (point.tags().isEmpty() ? "no tags" : String.join(", ", point.tags())));
        }
      }
    }
    // The rest is drawn first so the coloured groups stay on top.
    ArrayNode ordered = JSON.createArrayNode();
    ordered.add(datasets.get(datasets.size() - 1));
    for (int i = 0; i < datasets.size() - 1; i++) {
      ordered.add(datasets.get(i));
    }
    ((ObjectNode) config.get("data")).set("datasets", ordered);
    ObjectNode options = config.putObject("options");
    ObjectNode scales = options.putObject("scales");
    scales.putObject("x").putObject("title").put("display", true).put("text", "t-SNE 1 (no unit)");
    scales.putObject("y").putObject("title").put("display", true).put("text", "t-SNE 2 (no unit)");
    ObjectNode plugins = options.putObject("plugins");
    RunProvenance run = result.run();
    plugins.putObject("title").put("display", true).put("text", "t-SNE of the test embeddings — "
        + run.dataset() + ", variant " + run.variant() + ", " + result.tsne().size() + " tracks");
    plugins.putObject("legend").put("position", "bottom");
    config.putObject("soundalike").put("pointLabels", true);
    return config;
  }

  /** Group name → membership test, in legend order; the last group is the rest. */
  static Map<String, Predicate<List<String>>> groups(TagColouring colouring) {
    String a = colouring.first();
    Map<String, Predicate<List<String>>> groups = new LinkedHashMap<>();
    if (colouring.second().isEmpty()) {
      groups.put(a, tags -> tags.contains(a));
      groups.put("not " + a, tags -> !tags.contains(a));
      return groups;
    }
    String b = colouring.second().get();
    groups.put(a + " (not " + b + ")", tags -> tags.contains(a) && !tags.contains(b));
    groups.put(b + " (not " + a + ")", tags -> tags.contains(b) && !tags.contains(a));
    groups.put("both", tags -> tags.contains(a) && tags.contains(b));
    groups.put("neither", tags -> !tags.contains(a) && !tags.contains(b));
    return groups;
  }
}
