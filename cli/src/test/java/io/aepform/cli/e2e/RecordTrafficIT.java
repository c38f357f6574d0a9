package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 12: {@code --record-traffic DIR} on the command line, against the local platform
 * only: one fixture per exchange, the S3 secret and the credentials nowhere in them, a second
 * command continuing the numbering, and commands that call nothing recording nothing.
 */
class RecordTrafficIT {
  @TempDir Path tmp;

  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  private CliRun cli(String... command) {
    return CliRun.run(platform.env(), platform.args(command));
  }

  @Test
  void applyThenPlanRecordOneRedactedFixturePerCall() throws IOException {
    Path fixtures = tmp.resolve("fixtures");

    CliRun apply = cli("apply", "--auto-approve", "--record-traffic", fixtures.toString());
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    // four name lookups (kinds found by name and a related id are not looked up before their
    // first create) and seven creates
    assertThat(files(fixtures)).hasSize(11);
    CliRun plan = cli("plan", "--record-traffic", fixtures.toString());
    assertThat(plan.out()).contains("No changes.");

    List<String> names = files(fixtures);
    assertThat(names).hasSize(18);
    assertThat(names.get(0)).matches("0001-GET-flowservice-[a-zA-Z]+\\.json");
    assertThat(names.get(17)).startsWith("0018-GET-");
    String all = String.join("\n", contents(fixtures));
    assertThat(all)
        .contains(
            "\"aepformFixture\" : 1", "\"x-request-id\"", "\"authorization\" : \"(sensitive)\"")
        .doesNotContain(LocalPlatformExtension.SECRET)
        .doesNotContain(platform.env().get("AEP_CLIENT_SECRET"));
  }

  @Test
  void everyCommandTakesTheOptionAndOfflineOnesRecordNothing() throws IOException {
    Path fixtures = tmp.resolve("offline");

    assertThat(cli("validate", "--record-traffic", fixtures.toString()).exitCode()).isZero();
    assertThat(cli("graph", "--record-traffic", fixtures.toString()).exitCode()).isZero();
    assertThat(cli("plan", "--refresh=false", "--record-traffic", fixtures.toString()).exitCode())
        .isZero();

    assertThat(Files.exists(fixtures)).isFalse();
  }

  @Test
  void aDirectoryThatCannotHoldFixturesIsAnError() throws IOException {
    Path file = Files.writeString(tmp.resolve("taken"), "a file");

    CliRun plan = cli("plan", "--record-traffic", file.resolve("sub").toString());

    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err())
        .startsWith("Error: --record-traffic " + file.resolve("sub") + ": cannot write fixtures");
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> contents(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        out.add(Files.readString(p));
      }
    }
    return out;
  }
}
