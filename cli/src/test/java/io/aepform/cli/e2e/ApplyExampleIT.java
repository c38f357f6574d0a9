package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.cli.SandboxObjects;
import io.aepform.emulator.ResourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The example applied through the CLI against the emulator: seven creates, then nothing. */
class ApplyExampleIT {
  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  private CliRun cli(String... command) {
    return CliRun.run(platform.env(), platform.args(command));
  }

  @Test
  void appliesTheSevenCreatesThenPlansNoChanges() throws Exception {
    CliRun apply = cli("apply", "--auto-approve");
    assertThat(apply.err()).isEmpty();
    assertThat(apply.exitCode()).isZero();
    assertThat(apply.out()).contains("Apply complete! Resources: 7 added, 0 changed, 0 destroyed.");
    assertThat(platform.writes())
        .hasSize(7)
        .allMatch(w -> w.startsWith("POST "))
        .allMatch(w -> w.endsWith("-> 201"));
    SandboxObjects.EXAMPLE
        .keySet()
        .forEach(k -> assertThat(platform.count(k)).as(k.name()).isGreaterThan(0));
    assertThat(platform.count(ResourceKind.CONNECTION)).isEqualTo(2);
    assertThat(platform.total()).isEqualTo(7);

    byte[] state = Files.readAllBytes(platform.stateFile());
    platform.emulator.clearRequestLog();
    CliRun plan = cli("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).isZero();
    assertThat(plan.out()).contains("No changes.");
    assertThat(Files.readAllBytes(platform.stateFile())).isEqualTo(state);
    assertThat(platform.writes()).isEmpty();

    CliRun again = cli("apply", "--auto-approve");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("No changes.");
    assertThat(platform.writes()).isEmpty();
    assertThat(Files.readAllBytes(platform.stateFile())).isEqualTo(state);
  }

  @Test
  void createsHappenAfterWhatTheyReference() {
    assertThat(cli("apply", "--auto-approve").exitCode()).isZero();
    var posts =
        platform.writes().stream().map(w -> w.split(" ")[1].replaceAll("\\?.*", "")).toList();
    assertThat(posts.indexOf("/data/foundation/schemaregistry/tenant/schemas"))
        .isLessThan(posts.indexOf("/data/foundation/catalog/dataSets"));
    assertThat(posts.indexOf("/data/foundation/catalog/dataSets"))
        .isLessThan(posts.indexOf("/data/foundation/flowservice/targetConnections"));
    assertThat(posts.indexOf("/data/foundation/flowservice/sourceConnections"))
        .isLessThan(posts.indexOf("/data/foundation/flowservice/flows"));
    assertThat(posts.indexOf("/data/foundation/flowservice/targetConnections"))
        .isLessThan(posts.indexOf("/data/foundation/flowservice/flows"));
  }

  @Test
  void theSecretIsNeitherPrintedNorStored() throws Exception {
    CliRun apply = cli("apply", "--auto-approve", "-v");
    assertThat(apply.exitCode()).isZero();
    assertThat(apply.out() + apply.err()).doesNotContain(LocalPlatformExtension.SECRET);
    try (Stream<Path> files = Files.walk(platform.dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f))
            .as(f.toString())
            .doesNotContain(LocalPlatformExtension.SECRET);
      }
    }
  }

  @Test
  void applyWithoutTerminalOrAutoApproveRefusesAndChangesNothing() {
    CliRun apply = cli("apply");
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.err()).contains("--auto-approve");
    assertThat(platform.writes()).isEmpty();
    assertThat(platform.stateFile()).doesNotExist();
  }
}
