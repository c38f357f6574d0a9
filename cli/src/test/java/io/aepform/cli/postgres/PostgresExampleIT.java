package io.aepform.cli.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.CliRun;
import io.aepform.emulator.EmulatorOptions;
import io.aepform.state.State;
import io.aepform.state.StateCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, in-process: the parquet example's whole life with {@code state: {backend: postgres}}
 * (apply, plan empty, history of every version, an earlier version shown, destroy, never a local
 * state file), and the migration from the local file that docs/state.md describes (pull, switch the
 * environment, push, plan empty; push refuses an older serial or another lineage unless --force).
 * One embedded PostgreSQL for the class, a fresh database per test.
 */
class PostgresExampleIT {
  private static final Pattern HISTORY_LINE =
      Pattern.compile("^(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+([0-9a-f-]{36})(  \\(current\\))?$");

  static PostgresServer server;

  @TempDir Path tmp;

  @RegisterExtension
  final PostgresPlatform platform = new PostgresPlatform(EmulatorOptions.localDefaults());

  @BeforeAll
  static void startDatabase() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    platform.usePostgresBackend(server.newDatabase());
  }

  private CliRun ok(String... command) {
    CliRun run = platform.cli(command);
    assertThat(run.exitCode())
        .as("aepform %s\nstdout:\n%s\nstderr:\n%s", String.join(" ", command), run.out(), run.err())
        .isZero();
    return run;
  }

  /** One line of {@code state history}. */
  record Version(long serial, String written, String by, String lineage, boolean current) {}

  private List<Version> history() {
    CliRun run = ok("state", "history");
    List<Version> out = new ArrayList<>();
    String[] lines = run.out().split("\n");
    assertThat(lines[0]).startsWith("SERIAL").contains("WRITTEN").contains("LINEAGE");
    for (int i = 1; i < lines.length; i++) {
      Matcher m = HISTORY_LINE.matcher(lines[i]);
      assertThat(m.matches()).as("history line '%s'", lines[i]).isTrue();
      out.add(
          new Version(
              Long.parseLong(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5) != null));
    }
    return out;
  }

  @Test
  void theExampleAppliesReplansEmptyKeepsEveryVersionAndIsDestroyed() throws Exception {
    long t0 = System.nanoTime();
    CliRun apply = ok("apply", "--auto-approve");
    assertThat(apply.err()).isEmpty();
    assertThat(apply.out()).contains("Apply complete! Resources: 7 added, 0 changed, 0 destroyed.");
    platform.assertExactlyTheDeclaredObjects("after apply");
    platform.assertNoLocalStateFiles("after apply");
    List<Long> afterFirstApply = platform.storedSerials();
    long firstApplySerial = afterFirstApply.get(afterFirstApply.size() - 1);

    CliRun plan = platform.cli("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("No changes.");
    assertThat(platform.storedSerials()).as("a plan writes no version").isEqualTo(afterFirstApply);
    platform.assertNoLocalStateFiles("after plan");

    // a change to the flow, so that an earlier version differs from the current one
    Path flow = platform.dir.resolve("flow.yaml");
    assertThat(Files.readString(flow)).as("the example's flow").contains("interval: 1000");
    Files.writeString(flow, Files.readString(flow).replace("interval: 1000", "interval: 500"));
    CliRun change = ok("apply", "--auto-approve");
    assertThat(change.out()).contains("Apply complete!").contains("1 changed");
    platform.assertNoLocalStateFiles("after the second apply");
    assertThat(platform.cli("plan", "--detailed-exitcode").exitCode()).isZero();

    // history: every version written, newest first, serials strictly decreasing, one current
    List<Version> history = history();
    List<Long> stored = platform.storedSerials();
    assertThat(history).hasSize(stored.size()).hasSizeGreaterThan(afterFirstApply.size());
    assertThat(history.stream().map(Version::serial).toList())
        .as("every version, newest first")
        .isEqualTo(newestFirst(stored))
        .isSortedAccordingTo((a, b) -> Long.compare(b, a))
        .doesNotHaveDuplicates();
    assertThat(stored).as("serials increase with every write").isSorted().doesNotHaveDuplicates();
    assertThat(history.stream().filter(Version::current).toList())
        .as("exactly one current version, the newest")
        .containsExactly(history.get(0));
    assertThat(history.get(0).serial()).isEqualTo(Long.parseLong(platform.current().get(1)));
    assertThat(history.stream().map(Version::lineage).distinct().toList())
        .containsExactly(platform.current().get(0));
    assertThat(history).allMatch(v -> v.by().contains("@"), "written by owner@host");

    // an earlier version: the flow as the first apply left it
    CliRun now = ok("state", "show", "flow.ingest");
    CliRun before = ok("state", "show", "flow.ingest", "--serial", Long.toString(firstApplySerial));
    assertThat(now.out()).contains("500").doesNotContainPattern("interval\\W+1000");
    assertThat(before.out())
        .startsWith("# flow.ingest:")
        .containsPattern("interval\\W+1000")
        .isNotEqualTo(now.out());
    CliRun missing = platform.cli("state", "show", "flow.ingest", "--serial", "99999");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("no state with serial 99999");

    CliRun destroy = ok("destroy", "--auto-approve");
    assertThat(destroy.out()).contains("7 destroyed");
    assertThat(platform.total()).as("objects left on the platform").isZero();
    assertThat(platform.cli("state", "list").out()).isEmpty();
    assertThat(platform.cli("plan", "--detailed-exitcode").exitCode())
        .as("after destroy, a plan creates everything again")
        .isEqualTo(2);
    assertThat(history()).hasSizeGreaterThan(history.size());
    platform.assertNoLocalStateFiles("after destroy");
    assertThat(platform.dir.resolve(".aepform/" + PostgresPlatform.ENV + ".state.json"))
        .doesNotExist();
    System.out.printf(
        "PostgresExampleIT: apply, plan, change, history of %d versions, destroy in %.1fs%n",
        history.size(), (System.nanoTime() - t0) / 1e9);
  }

  @Test
  void aWrongPasswordIsACleanConnectionError() {
    CliRun run = platform.cli(Map.of("AEPFORM_PG_PASSWORD", "not-the-password"), "plan");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("Cannot connect to the database of the state")
        .doesNotContain("not-the-password")
        .doesNotContain("\tat ");
    assertThat(platform.emulator.requestLog())
        .as("no platform call without state")
        .noneMatch(e -> e.path().startsWith("/data/"));
  }

  @Test
  void migratesFromTheLocalFileAsDocumentedAndPushRefusesToGoBack() throws Exception {
    long t0 = System.nanoTime();
    platform.useLocalBackend();
    ok("apply", "--auto-approve");
    Path local = platform.stateFile();
    assertThat(local).exists();
    assertThat(platform.tablesExist()).as("the local backend leaves the database alone").isFalse();

    // 2. pull with the local backend still configured
    CliRun pull = ok("state", "pull");
    Path pulled = tmp.resolve("it.state.json");
    Files.writeString(pulled, pull.out(), StandardCharsets.UTF_8);
    assertThat(Files.readAllBytes(pulled))
        .as("pull prints the state as it is")
        .isEqualTo(Files.readAllBytes(local));
    State state = StateCodec.read(Files.readAllBytes(pulled), pulled.toString());

    // 3. switch the environment to postgres; 4. push
    platform.usePostgresBackend();
    CliRun push = ok("state", "push", pulled.toString());
    assertThat(push.out())
        .contains("Pushed " + pulled)
        .contains("(serial " + state.serial() + ", 7 resources)");
    assertThat(platform.current())
        .as("lineage and serial kept")
        .containsExactly(state.lineage(), Long.toString(state.serial()));

    // 5. plan: no changes
    byte[] localBytes = Files.readAllBytes(local);
    CliRun plan = platform.cli("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out()).contains("No changes.");
    assertThat(Files.readAllBytes(local)).as("the old file is left alone").isEqualTo(localBytes);
    assertThat(ok("state", "pull").out()).isEqualTo(pull.out());

    // push refuses what would go back: the same serial, an older one, another lineage
    List<Long> versions = platform.storedSerials();
    CliRun same = platform.cli("state", "push", pulled.toString());
    assertThat(same.exitCode()).isEqualTo(1);
    assertThat(same.err())
        .contains("refusing to push")
        .contains("serial " + state.serial() + " is not newer than the stored " + state.serial())
        .contains("--force");

    Path older = write("older.json", withSerialAndLineage(state, state.serial() - 1, null));
    CliRun refusedOlder = platform.cli("state", "push", older.toString());
    assertThat(refusedOlder.exitCode()).isEqualTo(1);
    assertThat(refusedOlder.err())
        .contains("refusing to push")
        .contains("its serial " + (state.serial() - 1) + " is not newer")
        .contains("--force")
        .doesNotContain("\tat ");

    String otherLineage = UUID.randomUUID().toString();
    Path other = write("other.json", withSerialAndLineage(state, state.serial() + 5, otherLineage));
    CliRun refusedOther = platform.cli("state", "push", other.toString());
    assertThat(refusedOther.exitCode()).isEqualTo(1);
    assertThat(refusedOther.err())
        .contains("refusing to push")
        .contains("another lineage (" + otherLineage + ", stored " + state.lineage() + ")")
        .contains("--force");
    assertThat(platform.storedSerials()).as("nothing written by a refusal").isEqualTo(versions);
    assertThat(platform.current()).containsExactly(state.lineage(), Long.toString(state.serial()));

    // a newer serial of the same lineage is a plain push
    Path newer = write("newer.json", withSerialAndLineage(state, state.serial() + 1, null));
    ok("state", "push", newer.toString());
    assertThat(platform.current())
        .containsExactly(state.lineage(), Long.toString(state.serial() + 1));

    // --force: another lineage, then back to an older serial; each is a new version
    ok("state", "push", "--force", other.toString());
    assertThat(platform.current()).first().isEqualTo(otherLineage);
    ok("state", "push", "--force", older.toString());
    assertThat(platform.current()).first().isEqualTo(state.lineage());
    assertThat(platform.storedSerials()).hasSize(versions.size() + 3);
    assertThat(history().get(0).current()).isTrue();
    CliRun after = platform.cli("plan", "--detailed-exitcode");
    assertThat(after.exitCode()).as(after.out() + after.err()).isZero();
    System.out.printf(
        "PostgresExampleIT: local apply, pull, push, plan, refusals and forced pushes in %.1fs%n",
        (System.nanoTime() - t0) / 1e9);
  }

  private static List<Long> newestFirst(List<Long> serials) {
    List<Long> out = new ArrayList<>(serials);
    Collections.reverse(out);
    return out;
  }

  private static State withSerialAndLineage(State s, long serial, String lineage) {
    return new State(
        s.version(),
        serial,
        lineage == null ? s.lineage() : lineage,
        s.aepformVersion(),
        s.environment(),
        s.sandbox(),
        s.imsOrg(),
        s.secretsSalt(),
        s.resources());
  }

  private Path write(String name, State state) throws Exception {
    Path file = tmp.resolve(name);
    Files.write(file, StateCodec.write(state));
    return file;
  }
}
