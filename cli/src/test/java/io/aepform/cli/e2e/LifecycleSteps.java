package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.ResourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps the lifecycle tests share: run the CLI against the fixture's emulator, edit a manifest,
 * read the emulator's objects, and check that a plan settles.
 */
final class LifecycleSteps {
  static final String FLOWS = "/data/foundation/flowservice/flows";
  static final String FLOW_NAME = "Demo Parquet Ingestion Flow";

  final LocalPlatformExtension platform;

  LifecycleSteps(LocalPlatformExtension platform) {
    this.platform = platform;
  }

  CliRun cli(String... command) {
    return CliRun.run(platform.env(), platform.args(command));
  }

  /** The CLI with one environment variable of the process changed. */
  CliRun cliWith(String name, String value, String... command) {
    Map<String, String> env = new HashMap<>(platform.env());
    env.put(name, value);
    return CliRun.run(env, platform.args(command));
  }

  /** Applies the configuration as it is, then forgets the calls that made it. */
  void apply() {
    CliRun apply = cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    platform.emulator.clearRequestLog();
  }

  /** Replaces text in a manifest file, failing if the text is not there. */
  void edit(String file, String from, String to) throws IOException {
    Path path = platform.dir.resolve(file);
    String text = Files.readString(path);
    assertThat(text).as(file).contains(from);
    Files.writeString(path, text.replace(from, to));
  }

  /** Inserts a {@code lifecycle} block before the {@code spec:} of a one-document file. */
  void lifecycle(String file, String block) throws IOException {
    edit(file, "\nspec:\n", "\nlifecycle:\n" + block.indent(2) + "spec:\n");
  }

  List<ObjectNode> objects(ResourceKind kind) {
    return platform.emulator.objects(kind, platform.client.orgId(), LocalPlatformExtension.SANDBOX);
  }

  /** The only object of a kind on the emulator. */
  ObjectNode only(ResourceKind kind) {
    List<ObjectNode> all = objects(kind);
    assertThat(all).as(kind.name()).hasSize(1);
    return all.get(0);
  }

  /** The object of a kind with this name ({@code title} for schemas). */
  ObjectNode named(ResourceKind kind, String name) {
    String field = kind == ResourceKind.SCHEMA ? "title" : "name";
    return objects(kind).stream()
        .filter(o -> o.path(field).asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
  }

  ObjectNode flow() {
    return only(ResourceKind.FLOW);
  }

  String flowId() {
    return flow().path("id").asText();
  }

  /** Renames the flow on the platform, as someone would in AEP's UI. */
  void renameFlowOutside(String name) {
    platform.emulator.renameObject(
        ResourceKind.FLOW, platform.client.orgId(), LocalPlatformExtension.SANDBOX, flowId(), name);
  }

  /** Ends every scenario: the next plan has nothing to do and writes nothing. */
  void plansNoChanges() {
    platform.emulator.clearRequestLog();
    CliRun plan = cli("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out()).contains("No changes.");
    assertThat(platform.writes()).isEmpty();
  }

  /** A plan that found changes: exit code 2 and no call that writes. */
  CliRun plansChanges(String... extra) {
    return plansChangesWith(Map.of(), extra);
  }

  CliRun plansChangesWith(Map<String, String> envChanges, String... extra) {
    platform.emulator.clearRequestLog();
    String[] command = new String[extra.length + 2];
    command[0] = "plan";
    command[1] = "--detailed-exitcode";
    System.arraycopy(extra, 0, command, 2, extra.length);
    Map<String, String> env = new HashMap<>(platform.env());
    env.putAll(envChanges);
    CliRun plan = CliRun.run(env, platform.args(command));
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(2);
    assertThat(platform.writes()).isEmpty();
    return plan;
  }
}
