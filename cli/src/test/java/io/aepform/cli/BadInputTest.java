package io.aepform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input of CONTRACT 7, one directory each under src/test/resources/bad: exit 1,
 * one {@code Error:} line (golden {@code expected.txt}) with file:line:col where there is one, no
 * stack trace, and nothing written.
 */
class BadInputTest {
  private static final Path CASES = Path.of("src/test/resources/bad");
  private static final Set<String> WITHOUT_LINE =
      Set.of("empty-dir", "missing-environment", "var-for-undeclared");
  private static final Pattern POSITION = Pattern.compile("^Error: [^:]+\\.yaml:\\d+:\\d+: ");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsWithOneClearLineAndWritesNothing(String name, @TempDir Path tmp) throws IOException {
    Path dir = copy(CASES.resolve(name), tmp.resolve(name));
    Map<String, String> before = TestConfigurations.snapshot(tmp);
    String planError = "";
    for (String command : List.of("plan", "validate")) {
      CliRun run = CliRun.run(args(command, dir));
      assertThat(run.exitCode()).as(command + " exit code").isEqualTo(1);
      assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
      assertThat(TestConfigurations.snapshot(tmp)).as("files after " + command).isEqualTo(before);
      if (command.equals("plan")) {
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        String line = run.err().replace(dir.toString(), "{dir}");
        if (!WITHOUT_LINE.contains(name)) {
          assertThat(line).containsPattern("\\{dir}/[^:]+\\.yaml:\\d+:\\d+: ");
        }
        Golden.check("../bad/" + name + "/expected.txt", line);
        planError = run.err();
      } else {
        // validate, offline, refuses at the same file:line:col as plan
        Matcher at = POSITION.matcher(planError);
        if (at.find()) {
          assertThat(run.err()).as("validate").startsWith(at.group());
        }
      }
    }
  }

  private static String[] args(String command, Path dir) throws IOException {
    List<String> args = new ArrayList<>(List.of(command, "--dir", dir.toString()));
    Path extra = dir.resolve("args.txt");
    if (Files.exists(extra)) {
      args.addAll(Arrays.asList(Files.readString(extra).trim().split(" ")));
    }
    return args.toArray(String[]::new);
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().equals("expected.txt")) {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }
}
