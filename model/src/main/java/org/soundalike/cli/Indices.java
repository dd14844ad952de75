package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.soundalike.search.EsConnection;
import org.soundalike.search.SearchException;
import org.soundalike.search.TrackIndices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code soundalike indices}: the versioned track indices behind an alias; {@code --prune} removes the unused ones. */
@Command(
    name = "indices",
    mixinStandardHelpOptions = true,
    description = "List the versioned indices <index>-<run> (one JSON line each: name, documents, aliased, provenance);"
        + " --prune deletes those the alias does not point to.")
public final class Indices implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--index", defaultValue = "tracks", paramLabel = "NAME", description = "The alias (default: ${DEFAULT-VALUE}).")
  String alias;

  @Option(names = "--prune", description = "Delete the versioned indices the alias does not point to.")
  boolean prune;

  @Mixin EsOptions es;

  @Override
  public Integer call() throws IOException {
    try (EsConnection connection = es.open()) {
      TrackIndices indices = new TrackIndices(connection);
      if (prune) {
        List<String> removed = indices.prune(alias);
        System.out.println(JSON.writeValueAsString(JSON.createObjectNode().set("removed", JSON.valueToTree(removed))));
        return 0;
      }
      for (TrackIndices.IndexInfo info : indices.list(alias)) {
        ObjectNode line = JSON.createObjectNode().put("name", info.name()).put("documents", info.documents()).put("aliased", info.aliased());
        line.set("meta", JSON.valueToTree(info.meta()));
        System.out.println(JSON.writeValueAsString(line));
      }
      return 0;
    } catch (SearchException e) {
      System.err.println("soundalike indices: " + e.getMessage());
      return 2;
    }
  }
}
