package io.aepform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aepform.engine.graph.GraphException;
import io.aepform.engine.manifest.ManifestException;
import io.aepform.engine.provider.http.PlatformException;
import io.aepform.error.CancelledException;
import io.aepform.error.InternalException;
import io.aepform.error.SafetyException;
import io.aepform.error.UsageException;
import io.aepform.state.StateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Failures of commands run with {@code --format json}: a diagnostics document on stdout (golden
 * files under golden/errors), the same one {@code Error:} line on stderr as without it, exit 1.
 */
class ErrorJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path BAD = Path.of("src/test/resources/bad");

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"malformed-yaml", "unknown-top-level-key", "cycle"})
  void aBadConfigurationIsOneDiagnosticPerProblemWithItsPlace(String name) throws IOException {
    Path dir = copyBad(name);
    CliRun run = CliRun.run(args("plan", dir, "--format", "json"));
    assertThat(run.exitCode()).isEqualTo(1);
    Golden.check("errors/" + name + ".json", run.out().replace(dir.toString(), "{dir}"));
  }

  static Stream<String> badCases() throws IOException {
    return BadInputTest.cases();
  }

  /** Every bad input of CONTRACT 7: JSON on stdout saying what the Error line says. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("badCases")
  void theDocumentSaysWhatTheErrorLineSays(String name) throws IOException {
    Path dir = copyBad(name);
    CliRun text = CliRun.run(args("plan", dir));
    CliRun json = CliRun.run(args("plan", dir, "--format", "json"));
    assertThat(json.exitCode()).isEqualTo(1);
    assertThat(json.err()).isEqualTo(text.err());
    JsonNode first = null;
    for (JsonNode d : JSON.readTree(json.out()).path("diagnostics")) {
      if (first == null && d.path("severity").asText().equals("error")) {
        first = d;
      }
    }
    assertThat(first).as("an error diagnostic").isNotNull();
    assertThat(first.path("domain").asText()).isIn("manifest", "graph");
    assertThat(first.path("code").asText()).isIn("manifest.invalid", "graph.cycle");
    String place =
        first.path("line").asInt() > 0
            ? first.path("file").asText()
                + ":"
                + first.path("line").asInt()
                + ":"
                + first.path("column").asInt()
                + ": "
            : first.path("file").asText().isEmpty() ? "" : first.path("file").asText() + ": ";
    assertThat(text.err()).startsWith("Error: " + place + first.path("message").asText());
  }

  @Test
  void aCorruptStateIsStateCorrupt() throws IOException {
    Path dir = configuration();
    Files.writeString(dir.resolve(".aepform/default.state.json"), "{\"version\": 1, \"serial\": ");
    CliRun run = CliRun.run(args("show", dir, "--format", "json"));
    assertThat(run.exitCode()).isEqualTo(1);
    String out = run.out().replace(dir.toString(), "{dir}");
    Golden.check("errors/corrupt-state.json", out);
    JsonNode diagnostic = JSON.readTree(run.out()).path("diagnostics").path(0);
    assertThat(run.err()).isEqualTo("Error: " + diagnostic.path("message").asText() + "\n");
  }

  @Test
  void anUnparsableCommandLineIsAUsageDiagnosticWhenJsonIsAsked() throws IOException {
    Path dir = configuration();
    CliRun json = CliRun.run(args("plan", dir, "--format=json", "--bogus"));
    CliRun text = CliRun.run(args("plan", dir, "--bogus"));
    assertThat(json.exitCode()).isEqualTo(1);
    assertThat(json.err()).isEqualTo(text.err());
    assertThat(text.out()).isEmpty();
    Golden.check("errors/unknown-option.json", json.out());
  }

  @Test
  void withoutJsonAFailurePrintsNothingOnStdout() throws IOException {
    Path dir = configuration();
    Files.writeString(dir.resolve(".aepform/default.state.json"), "not json");
    CliRun run = CliRun.run(args("show", dir));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("Error: ");
  }

  @Test
  void aUsageErrorOfTheEngineIsUsageInvalidArguments() throws IOException {
    Path dir = configuration();
    CliRun run = CliRun.run(args("status", dir, "--format", "json", "--runs", "0"));
    assertThat(run.exitCode()).isEqualTo(1);
    Golden.check("errors/usage.json", run.out());
  }

  /** docs/plan-json.md lists every code a diagnostic can carry, and no other. */
  @Test
  void everyCodeIsDocumented() throws IOException {
    String doc = Files.readString(Path.of("../docs/plan-json.md"));
    String section = doc.substring(doc.indexOf("## Errors in JSON"));
    section = section.substring(0, section.indexOf("\n## "));
    List<String> documented = new ArrayList<>();
    for (String line : section.lines().toList()) {
      if (line.matches("\\| `[a-z_]+\\.[a-z_]+` \\|.*")) {
        documented.add(line.substring(3, line.indexOf('`', 3)));
      }
    }
    assertThat(documented).containsExactlyInAnyOrderElementsOf(allCodes());
  }

  private static List<String> allCodes() {
    List<String> codes = new ArrayList<>();
    codes.addAll(codes("usage", UsageException.Code.values()));
    codes.addAll(codes("manifest", ManifestException.Code.values()));
    codes.addAll(codes("graph", GraphException.Code.values()));
    codes.addAll(codes("state", StateException.Code.values()));
    codes.addAll(codes("platform", PlatformException.Code.values()));
    codes.addAll(codes("safety", SafetyException.Code.values()));
    codes.addAll(codes("cancelled", CancelledException.Code.values()));
    codes.addAll(codes("internal", InternalException.Code.values()));
    return codes;
  }

  private static List<String> codes(String domain, Enum<?>[] values) {
    return Arrays.stream(values)
        .map(v -> domain + "." + v.name().toLowerCase(Locale.ROOT))
        .toList();
  }

  private Path configuration() throws IOException {
    Path dir = tmp.resolve("config");
    Files.createDirectories(dir.resolve("environments"));
    Files.createDirectories(dir.resolve(".aepform"));
    Files.writeString(dir.resolve("environments/default.yaml"), "sandbox: dev\nplatform: local\n");
    return dir;
  }

  private Path copyBad(String name) throws IOException {
    Path dir = tmp.resolve(name);
    TestConfigurations.copy(BAD.resolve(name), dir);
    Files.deleteIfExists(dir.resolve("expected.txt"));
    return dir;
  }

  private static String[] args(String command, Path dir, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of(command, "--dir", dir.toString()));
    Path extra = dir.resolve("args.txt");
    if (Files.exists(extra)) {
      args.addAll(Arrays.asList(Files.readString(extra).trim().split(" ")));
    }
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}
