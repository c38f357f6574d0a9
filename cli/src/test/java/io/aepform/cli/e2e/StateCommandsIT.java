package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.ResourceKind;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 (6, 7): the state commands through the CLI on the local backend: {@code mv} after a
 * rename in the manifests, {@code rm} then {@code import}, {@code history} from the state file and
 * its backup, and {@code show --format json}.
 */
class StateCommandsIT {
  private static final Pattern HISTORY_LINE =
      Pattern.compile("^(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+([0-9a-f-]{36})(  \\(current\\))?$");

  @TempDir Path tmp;

  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  LifecycleSteps steps;

  @BeforeEach
  void start() throws Exception {
    steps = new LifecycleSteps(platform);
    steps.apply();
  }

  private CliRun ok(String... command) {
    CliRun run = steps.cli(command);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return run;
  }

  @Test
  void mvFollowsARenameAndRmThenImportAdoptsAgain() throws Exception {
    steps.edit("flow.yaml", "name: ingest", "name: leads_ingest");
    steps.edit("outputs.yaml", "${flow.ingest.id}", "${flow.leads_ingest.id}");
    String id = steps.flowId();

    CliRun mv = ok("state", "mv", "flow.ingest", "flow.leads_ingest");
    assertThat(mv.out()).isEqualTo("Moved flow.ingest to flow.leads_ingest.\n");
    assertThat(mv.err()).isEmpty();
    assertThat(ok("state", "list").out())
        .contains("flow.leads_ingest\n")
        .doesNotContain("flow.ingest\n");
    steps.plansNoChanges();

    CliRun taken = steps.cli("state", "mv", "dataset.leads", "dataset.leads");
    assertThat(taken.exitCode()).isEqualTo(1);
    assertThat(taken.err())
        .isEqualTo(
            "Error: dataset.leads is already in state: remove it first with aepform state rm"
                + " dataset.leads\n");

    CliRun rm = ok("state", "rm", "flow.leads_ingest");
    assertThat(rm.out())
        .isEqualTo("Removed flow.leads_ingest from state; the remote object was not changed.\n");
    assertThat(ok("state", "list").out()).doesNotContain("flow.");
    assertThat(platform.count(ResourceKind.FLOW)).as("the flow stays in AEP").isOne();
    CliRun again = steps.cli("state", "rm", "flow.leads_ingest");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err())
        .isEqualTo("Error: flow.leads_ingest is not in state: see aepform state list\n");

    ok("import", "flow.leads_ingest", id);
    steps.plansNoChanges();
    assertThat(platform.count(ResourceKind.FLOW)).isOne();
  }

  @Test
  void historyOnTheLocalBackendIsTheStateAndItsBackup() throws Exception {
    // a second run that changes state keeps the first one's state as the backup
    steps.edit("flow.yaml", "name: " + LifecycleSteps.FLOW_NAME, "name: Leads Ingestion");
    steps.apply();
    CliRun history = ok("state", "history");
    String[] lines = history.out().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("SERIAL  WRITTEN").contains(" BY ").contains(" LINEAGE");
    Matcher current = HISTORY_LINE.matcher(lines[1]);
    Matcher backup = HISTORY_LINE.matcher(lines[2]);
    assertThat(current.matches()).as(lines[1]).isTrue();
    assertThat(backup.matches()).as(lines[2]).isTrue();
    assertThat(current.group(3)).isEqualTo("it.state.json");
    assertThat(current.group(5)).isNotNull();
    assertThat(backup.group(3)).isEqualTo("it.state.json.backup");
    assertThat(backup.group(5)).isNull();
    assertThat(Long.parseLong(backup.group(1))).isLessThan(Long.parseLong(current.group(1)));

    CliRun older = ok("state", "show", "schema.demo_profile", "--serial", backup.group(1));
    assertThat(older.out()).startsWith("# schema.demo_profile:\n");
    CliRun none = steps.cli("state", "show", "schema.demo_profile", "--serial", "999");
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.err())
        .isEqualTo("Error: no state with serial 999: see aepform state history\n");
  }

  @Test
  void showAsJsonPrintsTheStateWithSecretsHidden() throws Exception {
    CliRun show = ok("show", "--format", "json");
    assertThat(show.out()).doesNotContain(LocalPlatformExtension.SECRET).doesNotContain("pbkdf2");
    JsonNode state = new ObjectMapper().readTree(show.out());
    assertThat(state.path("format_version").asText()).isEqualTo("1.0");
    assertThat(state.path("environment").asText()).isEqualTo("it");
    List<String> addresses = state.path("resources").findValuesAsText("address");
    assertThat(addresses).hasSize(7).contains("flow.ingest", "schema.demo_profile");
    JsonNode s3 = state.path("resources").get(addresses.indexOf("connection.s3"));
    assertThat(s3.path("id").asText()).isNotEmpty();
    assertThat(s3.at("/spec/auth/params/s3SecretKey").isNull()).isTrue();
    assertThat(s3.at("/spec_sensitive/auth/params/s3SecretKey").asBoolean()).isTrue();
    assertThat(s3.at("/spec/auth/params/s3AccessKey").asText()).isEqualTo("AKIAITEXAMPLE");

    CliRun markdown = steps.cli("show", "--format", "markdown");
    assertThat(markdown.exitCode()).isEqualTo(1);
    assertThat(markdown.err())
        .isEqualTo(
            "Error: --format markdown renders a saved plan: pass PLANFILE, or use text or json for"
                + " the state\n");
  }
}
