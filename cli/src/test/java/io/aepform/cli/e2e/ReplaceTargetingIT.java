package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.Emulator;
import io.aepform.emulator.FaultKind;
import io.aepform.emulator.RequestLogEntry;
import io.aepform.emulator.ResourceKind;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --target} and {@code --exclude} on a fresh sandbox, and a flow left tainted by a failed
 * follow-up call, replaced by the next apply; each ends with a plan that has nothing to do.
 */
class ReplaceTargetingIT {
  static final String FLOWS = ReplaceIT.FLOWS;
  static final String SOURCES = ReplaceIT.SOURCES;

  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  ReplaceSteps steps;

  /** Terraform's "Resource targeting is in effect", after a plan made with a selection. */
  static String targetingWarning(String flags) {
    return flags
        + ": resource targeting is in effect, so this plan may not include all of the changes the"
        + " configuration asks for. --target and --exclude are not for routine use: only for"
        + " exceptional situations, such as recovering from errors or mistakes";
  }

  @BeforeEach
  void start() throws Exception {
    steps = new ReplaceSteps(platform);
  }

  @Test
  void targetingTheFlowCreatesItAndEverythingItNeeds() {
    CliRun plan = steps.plansChanges("--target", "flow.ingest");
    assertThat(plan.out())
        .contains("Plan: 7 to add, 0 to change, 0 to destroy.")
        .endsWith("\nWarning: " + targetingWarning("--target") + "\n");
    CliRun json = steps.cli("plan", "--format", "json", "--target", "flow.ingest");
    assertThat(json.out()).contains("\"warnings\" : [ \"" + targetingWarning("--target") + "\" ]");
    assertThat(steps.cli("plan").out()).doesNotContain("targeting");

    CliRun apply = steps.cli("apply", "--auto-approve", "--target", "flow.ingest");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out())
        .contains("\nWarning: " + targetingWarning("--target") + "\n")
        .contains("Resources: 7 added, 0 changed, 0 destroyed.");
    assertThat(platform.writes()).hasSize(7).allMatch(w -> w.startsWith("POST "));
    assertThat(platform.total()).isEqualTo(7);
    steps.plansNoChanges();
  }

  @Test
  void excludingTheFlowCreatesTheRestAndTheNextApplyOnlyTheFlow() {
    CliRun plan = steps.plansChanges("--exclude", "flow.ingest");
    assertThat(plan.out())
        .contains("Plan: 6 to add, 0 to change, 0 to destroy.")
        .contains("\nWarning: " + targetingWarning("--exclude") + "\n")
        .doesNotContain("flow.ingest will be created");

    CliRun apply = steps.cli("apply", "--auto-approve", "--exclude", "flow.ingest");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("Resources: 6 added, 0 changed, 0 destroyed.");
    assertThat(platform.writes())
        .hasSize(6)
        .allMatch(w -> w.startsWith("POST "))
        .noneMatch(w -> w.startsWith("POST " + FLOWS));
    assertThat(platform.count(ResourceKind.FLOW)).isZero();
    assertThat(platform.total()).isEqualTo(6);

    CliRun rest = steps.plansChanges();
    assertThat(rest.out())
        .contains("# flow.ingest will be created")
        .contains("Plan: 1 to add, 0 to change, 0 to destroy.");
    CliRun applyRest = steps.cli("apply", "--auto-approve");
    assertThat(applyRest.exitCode()).as(applyRest.out() + applyRest.err()).isZero();
    assertThat(platform.writes()).containsExactly("POST " + FLOWS + " -> 201");
    assertThat(platform.total()).isEqualTo(7);
    steps.plansNoChanges();
  }

  /**
   * A destroy plan deletes a target with what depends on it, never what the target depends on (it
   * deleted all 7 objects for --target flow.ingest), and keeps an excluded object with what it
   * depends on.
   */
  @Test
  void aDestroyDeletesTheTargetAndWhatDependsOnItOnly() {
    steps.apply();

    assertThat(steps.plansChanges("--destroy", "--target", "flow.ingest").out())
        .contains("Plan: 0 to add, 0 to change, 1 to destroy.");
    assertThat(steps.plansChanges("--destroy", "--target", "sourceConnection.s3_parquet").out())
        .contains("flow \"ingest\"", "sourceConnection \"s3_parquet\"")
        .contains("Plan: 0 to add, 0 to change, 2 to destroy.");
    assertThat(steps.plansChanges("--destroy", "--exclude", "dataset.leads").out())
        .contains("Plan: 0 to add, 0 to change, 5 to destroy.");
  }

  /**
   * A selection that replaces a source connection but leaves out the flow using it is refused: the
   * flow would run on the deleted connection (update-dataflows.md: a connection change is not
   * reflected in its dataflow). Nothing is deleted; the message names what to add.
   */
  @Test
  void aSelectionThatReplacesAConnectionWithoutItsFlowIsRefused() throws Exception {
    steps.apply();
    steps.edit("source.yaml", "recursive: \"true\"", "recursive: \"false\"");
    steps.edit("flow.yaml", "backfill: true", "backfill: false");

    CliRun targeted =
        steps.cli("apply", "--auto-approve", "--target", "sourceConnection.s3_parquet");
    assertThat(targeted.exitCode()).as(targeted.out() + targeted.err()).isEqualTo(1);
    assertThat(targeted.err())
        .contains(
            "--target leaves out flow.ingest (replace), which uses sourceConnection.s3_parquet")
        .contains("Add --target flow.ingest")
        .doesNotContain("\tat ");
    CliRun excluded = steps.cli("plan", "--exclude", "flow.ingest");
    assertThat(excluded.exitCode()).as(excluded.out() + excluded.err()).isEqualTo(1);
    assertThat(excluded.err()).contains("--exclude leaves out flow.ingest");
    assertThat(platform.writes()).isEmpty();

    CliRun whole = steps.cli("apply", "--auto-approve", "--target", "flow.ingest");
    assertThat(whole.exitCode()).as(whole.out() + whole.err()).isZero();
    assertThat(whole.out()).contains("Resources: 3 added, 0 changed, 3 destroyed.");
    steps.plansNoChanges();
  }

  /** A flow no longer declared cannot be targeted: the refusal says to plan without --target. */
  @Test
  void aRemovedFlowLeftOutOfASelectionPointsToAWholePlan() throws Exception {
    steps.apply();
    Files.delete(platform.dir.resolve("flow.yaml"));
    steps.edit("outputs.yaml", "value: ${flow.ingest.id}", "value: none");
    steps.edit("source.yaml", "recursive: \"true\"", "recursive: \"false\"");

    CliRun targeted = steps.cli("plan", "--target", "sourceConnection.s3_parquet");
    assertThat(targeted.exitCode()).as(targeted.out() + targeted.err()).isEqualTo(1);
    assertThat(targeted.err())
        .contains(
            "--target leaves out flow.ingest (delete), which uses sourceConnection.s3_parquet")
        .contains("Plan without --target: flow.ingest is no longer declared");
    assertThat(steps.cli("apply", "--auto-approve").exitCode()).isZero();
    steps.plansNoChanges();
  }

  /**
   * A disable answered 500 is read back and sent again: the apply completes (issue 16: a failed
   * action never taints the flow, whose re-creation would backfill again).
   */
  @Test
  void aFlowWhoseDisableFailedOnceIsReadBackAndDisabledByTheSameApply() throws Exception {
    steps.edit("flow.yaml", "    backfill: true\n", "    backfill: true\n  state: disabled\n");

    CliRun apply = applyWithFlowActionsFailing(1);
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(platform.emulator.requestLog())
        .filteredOn(e -> e.path().endsWith("/action"))
        .extracting(RequestLogEntry::status)
        .containsExactly(500, 200);
    assertThat(steps.objects(ResourceKind.FLOW).get(0).path("state").asText())
        .isEqualTo("disabled");
    assertThat(Files.readString(platform.stateFile())).doesNotContain("\"tainted\"");
    steps.plansNoChanges();
  }

  /** A disable that keeps failing leaves the flow as created: the next apply disables it. */
  @Test
  void aFlowWhoseDisableKeptFailingIsUpdatedNotReplacedByTheNextApply() throws Exception {
    steps.edit("flow.yaml", "    backfill: true\n", "    backfill: true\n  state: disabled\n");

    CliRun failed = applyWithFlowActionsFailing(2);
    assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
    assertThat(failed.err()).contains("flow.ingest");
    String created = steps.only(ResourceKind.FLOW);
    assertThat(Files.readString(platform.stateFile())).doesNotContain("\"tainted\"");

    CliRun plan = steps.plansChanges();
    assertThat(plan.out())
        .contains("~ flow \"ingest\"")
        .contains("Plan: 0 to add, 1 to change, 0 to destroy.");

    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(steps.only(ResourceKind.FLOW)).isEqualTo(created);
    assertThat(platform.writes())
        .containsExactly("POST " + FLOWS + "/" + created + "/action?op=DISABLE -> 200");
    assertThat(steps.objects(ResourceKind.FLOW).get(0).path("state").asText())
        .isEqualTo("disabled");
    steps.plansNoChanges();
  }

  /**
   * Applies with every call failing (500) from the moment the flow's create is answered until
   * {@code actions} action calls were made. A watcher arms the fault on seeing the create in the
   * request log (the log has a call before its answer is sent); once the source connection is
   * created, every call waits 250 ms before the emulator decides its fault, which leaves the
   * watcher that long to arm it. Nothing else runs then: the flow is the last create.
   */
  private CliRun applyWithFlowActionsFailing(int actions) throws InterruptedException {
    Emulator emulator = platform.emulator;
    Thread watcher =
        new Thread(
            () -> {
              boolean slowed = false;
              boolean armed = false;
              while (!Thread.currentThread().isInterrupted()) {
                List<RequestLogEntry> log = emulator.requestLog();
                if (!slowed && log.stream().anyMatch(e -> created(e, SOURCES))) {
                  emulator.setLatency(Duration.ofMillis(250));
                  slowed = true;
                }
                if (!armed && log.stream().anyMatch(e -> created(e, FLOWS))) {
                  emulator.setFailureKinds(Set.of(FaultKind.SERVER_ERROR));
                  emulator.setFailureRate(1.0);
                  armed = true;
                }
                if (armed
                    && log.stream().filter(e -> e.path().endsWith("/action")).count() >= actions) {
                  emulator.resetFaults();
                  return;
                }
                try {
                  Thread.sleep(1);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "fail-flow-actions");
    watcher.setDaemon(true);
    watcher.start();
    try {
      return steps.cli("apply", "--auto-approve");
    } finally {
      watcher.interrupt();
      watcher.join(5_000);
      emulator.resetFaults();
    }
  }

  private static boolean created(RequestLogEntry e, String collection) {
    return e.method().equals("POST") && e.path().equals(collection) && e.status() == 201;
  }
}
