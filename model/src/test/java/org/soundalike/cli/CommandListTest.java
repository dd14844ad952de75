package org.soundalike.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `soundalike` and `soundalike help`: one list of every command, grouped by what a person wants to do. */
class CommandListTest {

  /** The commands the launcher runs itself; every other single-word entry must be a Java command. */
  private static final Set<String> LAUNCHER_COMMANDS = Set.of("demo", "dashboard", "test", "es", "help");

  private static final Pattern ENTRY = Pattern.compile("^  (\\S+(?: \\S+)?)\\s{2,}\\S.*$", Pattern.MULTILINE);

  /** The command names the list shows, such as {@code train} or {@code pipeline watch}. */
  static Set<String> listedCommands(String list) {
    Set<String> names = new TreeSet<>();
    Matcher entry = ENTRY.matcher(list);
    while (entry.find()) {
      names.add(entry.group(1));
    }
    return names;
  }

  @Test
  void theListNamesEveryJavaCommandAndTheLaunchersOwnAndNothingElse() throws Exception {
    Set<String> listed = listedCommands(LauncherScript.soundalike("help").out());
    Set<String> javaCommands = new CommandLine(new SoundAlike()).getSubcommands().keySet();

    assertThat(listed).containsAll(javaCommands).containsAll(LAUNCHER_COMMANDS);
    Set<String> singleWords = new TreeSet<>(listed);
    singleWords.removeIf(name -> name.startsWith("pipeline "));
    assertThat(singleWords).allMatch(name -> javaCommands.contains(name) || LAUNCHER_COMMANDS.contains(name),
        "a Java command or one of the launcher's");
  }

  @Test
  void commandsAreGroupedByWhatAPersonWantsToDoStartingWithTryingIt() throws Exception {
    String list = LauncherScript.soundalike("help").out();

    List<String> groups = List.of("Try it", "Train", "Evaluate", "Search", "Run pipelines", "Benchmark");
    int previous = -1;
    for (String group : groups) {
      int at = list.indexOf("\n" + group);
      assertThat(at).as(group).isGreaterThan(previous);
      previous = at;
    }
    assertThat(list.indexOf("  demo ")).isLessThan(list.indexOf("\nTrain"));
    assertThat(list.indexOf("  train ")).isBetween(list.indexOf("\nTrain"), list.indexOf("\nEvaluate"));
    assertThat(list.indexOf("  search ")).isBetween(list.indexOf("\nSearch"), list.indexOf("\nRun pipelines"));
  }

  @Test
  void noArgumentsAndHelpPrintTheSameListOnStdout() throws Exception {
    LauncherScript.Output bare = LauncherScript.soundalike();
    LauncherScript.Output help = LauncherScript.soundalike("help");

    assertThat(bare.exitCode()).isZero();
    assertThat(bare.out()).isEqualTo(help.out()).contains("Usage: soundalike");
    assertThat(bare.err()).isEmpty();
  }

  @Test
  void helpWithALauncherCommandShowsThatCommandsOwnOptionsFirst() throws Exception {
    LauncherScript.Output es = LauncherScript.soundalike("help", "es");

    assertThat(es.exitCode()).isZero();
    assertThat(es.out()).startsWith("Usage: soundalike es start|stop|status").contains("--home DIR");
  }

  @Test
  void anUnknownLogLevelIsRefusedWithTheAcceptedOnes() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(LauncherScript.find("soundalike").toString(), "help");
    builder.environment().put("SOUNDALIKE_LOG", "loud");
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());

    assertThat(process.waitFor()).isEqualTo(2);
    assertThat(output).contains("SOUNDALIKE_LOG must be error, warn, info, debug or trace, got 'loud'");
  }
}
