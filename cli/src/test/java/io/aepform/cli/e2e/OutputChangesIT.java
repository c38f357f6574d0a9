package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 (4): plans say which outputs they create or change, in text and JSON, and count them for
 * --detailed-exitcode; after destroy, {@code output} finds no outputs, as Terraform's does.
 */
class OutputChangesIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  @BeforeEach
  void start() throws Exception {
    Files.writeString(
        platform.dir.resolve("outputs.yaml"),
        "---\nkind: output\nname: access_key\nvalue: ${var.s3_access_key}\n",
        StandardOpenOption.APPEND);
  }

  private CliRun cli(String... command) {
    return CliRun.run(platform.env(), platform.args(command));
  }

  private JsonNode outputChanges(String... extra) throws Exception {
    String[] command = new String[extra.length + 3];
    command[0] = "plan";
    command[1] = "--format";
    command[2] = "json";
    System.arraycopy(extra, 0, command, 3, extra.length);
    return JSON.readTree(cli(command).out()).path("output_changes");
  }

  @Test
  void outputsAreCreatedThenUnchangedThenUpdatedByAReplace() throws Exception {
    CliRun first = cli("plan");
    assertThat(first.out())
        .contains(
            "\nChanges to Outputs:\n"
                + "  + flow_id    = (known after apply)\n"
                + "  + dataset_id = (known after apply)\n"
                + "  + access_key = \"AKIAITEXAMPLE\"\n");
    assertThat(outputChanges().path("access_key").path("actions").toString())
        .isEqualTo("[\"create\"]");

    assertThat(cli("apply", "--auto-approve").exitCode()).isZero();
    CliRun settled = cli("plan", "--detailed-exitcode");
    assertThat(settled.exitCode()).isZero();
    assertThat(settled.out()).doesNotContain("Changes to Outputs");
    JsonNode none = outputChanges();
    for (String name : new String[] {"flow_id", "dataset_id", "access_key"}) {
      assertThat(none.path(name).path("actions").toString()).as(name).isEqualTo("[\"no-op\"]");
      assertThat(none.path(name).path("before")).isEqualTo(none.path(name).path("after"));
    }

    String flowId = cli("output", "flow_id").out().strip();
    CliRun replace = cli("plan", "--replace", "flow.ingest");
    assertThat(replace.out())
        .contains(
            "\nChanges to Outputs:\n  ~ flow_id = \"" + flowId + "\" -> (known after apply)\n");
    JsonNode replaced = outputChanges("--replace", "flow.ingest");
    assertThat(replaced.path("flow_id").path("actions").toString()).isEqualTo("[\"update\"]");
    assertThat(replaced.path("flow_id").path("before").asText()).isEqualTo(flowId);
    assertThat(replaced.path("dataset_id").path("actions").toString()).isEqualTo("[\"no-op\"]");
  }

  @Test
  void afterDestroyOutputFindsNoOutputs() throws Exception {
    assertThat(cli("apply", "--auto-approve").exitCode()).isZero();
    assertThat(cli("output").out()).contains("flow_id = \"");
    assertThat(cli("destroy", "--auto-approve").exitCode()).isZero();

    String warning =
        "Warning: No outputs found\n\n"
            + "The state of environment \"it\" holds none of the objects the outputs read: nothing"
            + " was applied yet,\n"
            + "or it was destroyed. Run aepform apply for outputs to have values.\n";
    for (String[] command :
        new String[][] {{"output"}, {"output", "flow_id"}, {"output", "--json"}}) {
      CliRun output = cli(command);
      assertThat(output.exitCode()).isZero();
      assertThat(output.err()).isEqualTo(warning);
      assertThat(output.out())
          .isEqualTo(command.length == 2 && command[1].equals("--json") ? "{}\n" : "");
    }
  }
}
