package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.TestConfigurations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, black-box: the built jar as a separate process applies the example on
 * the embedded local platform, then plans no changes; the platform's data survives between the two
 * runs under .aepform/local-platform.
 */
class QuickstartIT {
  private static final Path JAR = Path.of("target/aepform.jar");

  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  private Run aepform(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--dir", dir.toString(), "--env", "local"));
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("AEP_"));
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theExampleAppliesOnTheLocalPlatformThenPlansNoChanges() throws Exception {
    assertThat(JAR).as("the shaded jar is built in package, before integration tests").exists();
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
