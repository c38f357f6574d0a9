package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.ResourceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aepform status} on the local platform after the example is applied: the flow's state,
 * schedule, next run and latest runs in text, JSON and markdown; failed and partly failed runs with
 * what to do and exit 2 under --detailed-exitcode; a disabled flow; addresses that are not flows.
 */
class StatusIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  @BeforeEach
  void start() {
    platform.emulator.setRunDuration(Duration.ofMillis(300));
  }

  private CliRun cli(String... command) {
    return CliRun.run(platform.env(), platform.args(command));
  }

  @Test
  void showsTheFlowAndItsFirstRunInTextJsonAndMarkdown() throws Exception {
    assertThat(cli("apply", "--auto-approve", "--wait-for-runs").exitCode()).isZero();

    CliRun text = cli("status", "--detailed-exitcode");
    assertThat(text.exitCode()).isZero();
    assertThat(text.err()).isEmpty();
    assertThat(text.out())
        .contains("flow.ingest (Demo Parquet Ingestion Flow, id ")
        .contains("  state:     enabled\n")
        .containsPattern("  schedule:  every 1000 minutes from \\S+Z \\(backfill\\)\n")
        .containsPattern("  next run:  \\S+Z\n")
        .containsPattern(
            "    \\S+Z  succeeded after \\d+s; records: 100 read, 100 written, 0 failed; files: 1"
                + " read, 1 written, 0 failed \\[run=[0-9a-f-]{36}\\]\n")
        .endsWith(
            "Status: 1 flow, 1 enabled. Latest runs: 1 succeeded, 0 partly failed, 0 failed, 0 in"
                + " progress, 0 not run yet.\n");

    JsonNode json = JSON.readTree(cli("status", "--format", "json").out());
    assertThat(json.path("format_version").asText()).isEqualTo("1.0");
    JsonNode flow = json.path("flows").get(0);
    assertThat(flow.path("address").asText()).isEqualTo("flow.ingest");
    assertThat(flow.path("state").asText()).isEqualTo("enabled");
    Instant start = Instant.parse(flow.path("schedule").path("start_time").asText());
    assertThat(flow.path("schedule").path("interval").asLong()).isEqualTo(1000);
    assertThat(Instant.parse(flow.path("next_run").asText()))
        .isEqualTo(start.plus(Duration.ofMinutes(1000)));
    JsonNode run = flow.path("runs").get(0);
    assertThat(run.path("status").asText()).isEqualTo("success");
    assertThat(run.path("records").path("read").asLong()).isEqualTo(100);
    assertThat(run.path("records").path("failed").asLong()).isZero();
    assertThat(run.path("files").path("read").asLong()).isEqualTo(1);
    assertThat(run.path("errors")).isEmpty();
    assertThat(json.path("summary").path("latest_success").asLong()).isEqualTo(1);

    String markdown = cli("status", "--format", "markdown").out();
    assertThat(markdown)
        .startsWith("### aepform status for `it`\n\n| flow | state | latest run |")
        .containsPattern(
            "\\| `flow.ingest` \\| enabled \\| :white_check_mark: succeeded \\| \\S+Z \\| \\d+s \\|"
                + " 100 / 100 / 0 \\| 1 \\| \\S+Z \\|\n");
  }

  @Test
  void aFailedRunIsExplainedAndExitsTwoWithDetailedExitcode() {
    platform.emulator.setRunFailureRate(1);
    CliRun apply = cli("apply", "--auto-approve", "--wait-for-runs");
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.out())
        .containsPattern("flow.ingest: Run failed after \\d+s \\[run=[0-9a-f-]{36}\\]\n")
        .endsWith(
            "\nRuns: 0 succeeded, 0 partly failed, 1 failed, 0 timed out; 0 not waited for.\n");
    assertThat(apply.err())
        .containsPattern(
            "^Error: flow.ingest: its first run failed \\[run=[0-9a-f-]{36}\\]: CONNECTOR-[12]001-500"
                + " \\((copy|promotion)Activity\\): Error in .* -> ");

    CliRun status = cli("status", "--detailed-exitcode");
    assertThat(status.exitCode()).isEqualTo(2);
    assertThat(status.out())
        .containsPattern("\\S+Z  failed after \\d+s; records: -; files: - \\[run=")
        .containsPattern("      CONNECTOR-[12]001-500 \\((copy|promotion)Activity\\): Error in ")
        .contains("        -> the ")
        .contains("Latest runs: 0 succeeded, 0 partly failed, 1 failed");
    assertThat(cli("status").exitCode()).as("without --detailed-exitcode").isZero();
  }

  @Test
  void aPartlyFailedRunCountsAsOne() throws Exception {
    platform.emulator.setRunPartialFailureRate(1);
    assertThat(cli("apply", "--auto-approve", "--wait-for-runs").exitCode()).isEqualTo(1);

    CliRun status = cli("status", "--format", "json", "--detailed-exitcode");
    assertThat(status.exitCode()).isEqualTo(2);
    JsonNode run = JSON.readTree(status.out()).path("flows").get(0).path("runs").get(0);
    assertThat(run.path("status").asText()).isEqualTo("partial_failure");
    assertThat(run.path("platform_status").asText()).isEqualTo("success");
    assertThat(run.path("records").path("read").asLong()).isEqualTo(100);
    assertThat(run.path("records").path("written").asLong()).isEqualTo(99);
    assertThat(run.path("records").path("failed").asLong()).isEqualTo(1);
    assertThat(run.path("errors").findValuesAsText("code"))
        .contains("CONNECTOR-2001-500", "INGEST-1212-400", "MAPPER-3700-400");
    assertThat(run.path("errors").get(0).path("explanation").asText()).isNotBlank();

    assertThat(cli("status", "--format", "markdown").out())
        .contains(":warning: partly failed")
        .contains("<details><summary><code>flow.ingest</code>: partly failed run <code>");
  }

  @Test
  void aDisabledFlowHasNoNextRun() throws Exception {
    edit("    backfill: true\n", "    backfill: true\n  state: disabled\n");
    // the plan says so first, in text and JSON, with the way out
    String warning =
        "flow.ingest: is declared state: disabled, but AEP creates a flow enabled (the create call"
            + " takes no state) and aepform disables it right after: with no"
            + " scheduleParams.startTime in the future, its first run may start before that and"
            + " ingest. Set scheduleParams.startTime to a future time (epoch seconds) so it does"
            + " not run before you enable it";
    assertThat(cli("plan").out()).contains("\nWarning: " + warning + "\n");
    JsonNode plan = JSON.readTree(cli("plan", "--format", "json").out());
    assertThat(plan.path("warnings").toString())
        .isEqualTo(JSON.createArrayNode().add(warning).toString());
    CliRun apply = cli("apply", "--auto-approve", "--wait-for-runs");
    assertThat(apply.exitCode()).isZero();
    // created enabled (AEP takes no state on create), its first run starts before the disable
    assertThat(apply.out())
        .containsPattern("flow.ingest: Run succeeded after \\d+s \\[run=")
        .contains(
            "flow.ingest: declared disabled, but its first run started before aepform disabled it"
                + " (AEP creates a flow enabled); it runs no more.\n")
        .endsWith("Runs: 1 succeeded, 0 partly failed, 0 failed, 0 timed out; 0 not waited for.\n");

    CliRun status = cli("status", "flow.ingest");
    assertThat(status.exitCode()).isZero();
    assertThat(status.out())
        .contains("  state:     disabled (it does not run until enabled again)\n")
        .contains("  next run:  none (disabled)\n")
        .contains("Status: 1 flow, 0 enabled.");

    long start = Instant.now().plus(Duration.ofDays(2)).getEpochSecond();
    edit("    frequency: minute\n", "    frequency: minute\n    startTime: " + start + "\n");
    CliRun later = cli("apply", "--auto-approve", "--replace", "flow.ingest", "--wait-for-runs");
    assertThat(later.exitCode()).isZero();
    assertThat(later.out())
        .contains("flow.ingest: will be re-created")
        .doesNotContain("is declared state: disabled")
        .as("a flow created disabled before its start time never runs")
        .contains("flow.ingest: disabled: it does not run, nothing to wait for.\n")
        .endsWith("Runs: 0 succeeded, 0 partly failed, 0 failed, 0 timed out; 1 not waited for.\n");
    assertThat(cli("status").out()).contains("  runs:      none yet\n");
  }

  @Test
  void namesOnlyFlowsInState() throws Exception {
    assertThat(cli("apply", "--auto-approve").exitCode()).isZero();
    CliRun dataset = cli("status", "dataset.leads");
    assertThat(dataset.exitCode()).isEqualTo(1);
    assertThat(dataset.err())
        .isEqualTo("Error: dataset.leads does not run: status shows resources of kind flow\n");
    CliRun unknown = cli("status", "flow.nope");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err())
        .isEqualTo(
            "Error: flow.nope is not in the state of environment 'it': run aepform state list to"
                + " see what is\n");
    assertThat(cli("status", "--runs", "0").err())
        .isEqualTo("Error: --runs must be between 1 and 100, not 0\n");
  }

  @Test
  void aFlowDeletedOutsideAepformIsShownAsNotFound() throws Exception {
    assertThat(cli("apply", "--auto-approve").exitCode()).isZero();
    String id = flowId();
    platform.emulator.deleteObject(
        ResourceKind.FLOW, platform.client.orgId(), LocalPlatformExtension.SANDBOX, id);
    CliRun status = cli("status");
    assertThat(status.exitCode()).isZero();
    assertThat(status.out())
        .contains(
            "  state:     not found in the platform (deleted outside aepform?): run aepform plan to see the drift\n")
        .endsWith("0 not run yet; 1 not found in the platform.\n");
  }

  @Test
  void noStateMeansNoFlows() {
    CliRun status = cli("status");
    assertThat(status.exitCode()).isZero();
    assertThat(status.out())
        .isEqualTo(
            "No dataflows in the state of environment \"it\": nothing runs yet. Apply a"
                + " configuration with one first.\n\nStatus: 0 flows, 0 enabled. Latest runs: 0"
                + " succeeded, 0 partly failed, 0 failed, 0 in progress, 0 not run yet.\n");
  }

  private String flowId() {
    try {
      for (JsonNode r : JSON.readTree(Files.readString(platform.stateFile())).path("resources")) {
        if (r.path("address").asText().equals("flow.ingest")) {
          return r.path("id").asText();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no flow.ingest in state");
  }

  private void edit(String from, String to) throws Exception {
    Path flow = platform.dir.resolve("flow.yaml");
    String text = Files.readString(flow);
    assertThat(text).contains(from);
    Files.writeString(flow, text.replace(from, to));
  }
}
