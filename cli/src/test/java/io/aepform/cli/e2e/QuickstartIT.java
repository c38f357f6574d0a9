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
