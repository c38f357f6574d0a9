package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.JarLauncher;
import io.aepform.cli.JarLauncher.Launched;
import io.aepform.cli.TestConfigurations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, black-box: the built jar as a separate process applies the example on
 * the embedded local platform, then plans no changes; the platform's data survives between the two
 * runs under .aepform/local-platform.
 */
class QuickstartIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  @TempDir Path tmp;
  JarLauncher jar;

  @BeforeEach
  void start() {
    jar = new JarLauncher(tmp.resolve("logs"));
  }

  @AfterEach
  void stop() throws InterruptedException {
    jar.killAll();
  }

  record Run(int exit, String out, String err) {}

  /** {@code aepform args... --dir DIR --env local}, without any AEP_ variable. */
  private Run aepform(Path dir, String... args) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of(args));
    line.addAll(List.of("--dir", dir.toString(), "--env", "local"));
    Launched run = jar.launch(Map.of(), line.toArray(String[]::new));
    int exit = run.await(TIMEOUT);
    return new Run(exit, run.stdout(), run.stderr());
  }

  @Test
  void theExampleAppliesOnTheLocalPlatformThenPlansNoChanges() throws Exception {
    Path dir = tmp.resolve("parquet-ingestion");
    TestConfigurations.copy(Path.of("../examples/parquet-ingestion"), dir);

    Run apply = aepform(dir, "apply", "--auto-approve");
    assertThat(apply.err()).isEmpty();
    assertThat(apply.exit()).isZero();
    assertThat(apply.out()).contains("Apply complete! Resources: 7 added, 0 changed, 0 destroyed.");
    assertThat(dir.resolve(".aepform/local.state.json")).exists();
    assertThat(dir.resolve(".aepform/local-platform")).isDirectory();

    Run plan = aepform(dir, "plan", "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("No changes.");
  }

  /**
   * After the quickstart, the README's next section as a user runs it, command by command: the
   * first run is waited for and reported, and status shows it, as the README's sample shows.
   */
  @Test
  void theReadmesRunsSectionAfterTheQuickstartShowsTheFirstRun() throws Exception {
    Path dir = tmp.resolve("parquet-ingestion");
    TestConfigurations.copy(Path.of("../examples/parquet-ingestion"), dir);
    assertThat(aepform(dir, "apply", "--auto-approve").exit()).isZero();

    String readme = Files.readString(Path.of("../README.md"));
    String section = readme.substring(readme.indexOf("Watch its runs"));
    String block = section.substring(section.indexOf("```sh\n") + 6, section.indexOf("```\n", 6));
    StringBuilder out = new StringBuilder();
    for (String command : block.lines().toList()) {
      List<String> args =
          new ArrayList<>(List.of(command.replaceAll("#.*", "").strip().split(" +")));
      assertThat(args.remove(0)).isEqualTo("./aepform");
      args.replaceAll(a -> a.equals("examples/parquet-ingestion") ? dir.toString() : a);
      Launched run = jar.launch(Map.of(), args.toArray(String[]::new));
      assertThat(run.await(TIMEOUT)).as(command + "\n" + run.stderr()).isZero();
      out.append(run.stdout());
    }
    assertThat(out.toString())
        .contains("flow.ingest: Waiting for its first run...\n")
        .containsPattern("flow.ingest: Run succeeded after \\d+s \\[run=")
        .contains("Runs: 1 succeeded, 0 partly failed, 0 failed, 0 timed out; 0 not waited for.")
        .contains(
            "Status: 1 flow, 1 enabled. Latest runs: 1 succeeded, 0 partly failed, 0 failed, 0 in"
                + " progress, 0 not run yet.");
  }

  @Test
  void versionAndBadFlagsAsAUserSeesThem() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    Run bad = aepform(dir, "plan", "--frobnicate");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err())
        .startsWith("Error: Unknown option: '--frobnicate'")
        .doesNotContain("\tat ");
    assertThat(bad.out()).isEmpty();
  }
}
