package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.Emulator;
import io.aepform.emulator.ResourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CSV-to-profile example applies on the local platform, then plans no changes. */
class CsvToProfileExampleIT {
  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("csv-to-profile");

  @Test
  void appliesThenPlansNoChanges() {
    LifecycleSteps steps = new LifecycleSteps(platform);
    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out())
        .contains("Apply complete! Resources: 10 added, 0 changed, 0 destroyed.")
        .contains("mapping_version = 0");
    String tenant = Emulator.tenantOf(platform.client.orgId());
    assertThat(steps.only(ResourceKind.MAPPING_SET).at("/mappings/0/destination").asText())
        .isEqualTo("_" + tenant + ".crmId");
    steps.plansNoChanges();
  }
}
