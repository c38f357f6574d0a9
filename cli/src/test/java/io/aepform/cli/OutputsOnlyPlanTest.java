package io.aepform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 (4): --detailed-exitcode counts output changes, even when no object changes. */
class OutputsOnlyPlanTest {
  @TempDir Path dir;

  @Test
  void aNewOutputIsAChangeForDetailedExitcode() throws Exception {
    Files.writeString(
        dir.resolve("main.yaml"),
        "kind: variable\nname: region\ndefault: eu-west-1\n---\n"
            + "kind: output\nname: region\nvalue: ${var.region}\n");
    CliRun plan =
        CliRun.run("plan", "--dir", dir.toString(), "--refresh=false", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.err()).isEqualTo(2);
    assertThat(plan.out())
        .isEqualTo(
            "\nChanges to Outputs:\n  + region = \"eu-west-1\"\n\n"
                + "No object in AEP would change: outputs are computed from the manifests and the"
                + " ids state holds,\nso there is nothing to apply.\n");
  }
}
