package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.ResourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps the replacement tests share: run the CLI against the fixture's emulator, edit a
 * manifest, read the emulator's objects and the reasons a plan gives, check that a plan settles.
 */
final class ReplaceSteps {
  final LocalPlatformExtension platform;

  ReplaceSteps(LocalPlatformExtension platform) {
    this.platform = platform;
  }

  CliRun cli(String... command) {
    return CliRun.run(platform.env(), platform.args(command));
  }

  /** Applies the configuration as it is (with extra options), then forgets the calls. */
  void apply(String... extra) {
    String[] command = new String[extra.length + 2];
    command[0] = "apply";
    command[1] = "--auto-approve";
    System.arraycopy(extra, 0, command, 2, extra.length);
    CliRun apply = cli(command);
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    platform.emulator.clearRequestLog();
  }

  /** Replaces text in a manifest file, failing if the text is not there. */
  void edit(String file, String from, String to) throws IOException {
    Path path = platform.dir.resolve(file);
    String text = Files.readString(path);
    assertThat(text).as(file).contains(from);
    Files.writeString(path, text.replace(from, to));
  }

  List<ObjectNode> objects(ResourceKind kind) {
    return platform.emulator.objects(kind, platform.client.orgId(), LocalPlatformExtension.SANDBOX);
  }

  /** The id of the only object of a kind on the emulator. */
  String only(ResourceKind kind) {
    List<ObjectNode> all = objects(kind);
    assertThat(all).as(kind.name()).hasSize(1);
    return all.get(0).path("id").asText();
  }

  /** The id of the object of a kind with this name. */
  String named(ResourceKind kind, String name) {
    return objects(kind).stream()
        .filter(o -> o.path("name").asText().equals(name))
        .map(o -> o.path("id").asText())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
  }

  /** The remote id state records for ADDR. */
  String stateId(String address) throws IOException {
    JsonNode state = new ObjectMapper().readTree(platform.stateFile().toFile());
    for (JsonNode r : state.path("resources")) {
      if (r.path("address").asText().equals(address)) {
        return r.path("id").asText();
      }
    }
    throw new AssertionError("no " + address + " in state");
  }

  /** The reason a plan gives for replacing ADDR: the parenthesised line under its header. */
  String reasonFor(CliRun plan, String address) {
    Matcher m =
        Pattern.compile("# " + Pattern.quote(address) + " must be replaced\\R\\s*# \\((.*)\\)\\R")
            .matcher(plan.out());
    assertThat(m.find()).as("replace reason for " + address + " in\n" + plan.out()).isTrue();
    return m.group(1);
  }

  /** Ends every scenario: the next plan has nothing to do and writes nothing. */
  void plansNoChanges() {
    platform.emulator.clearRequestLog();
    CliRun plan = cli("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out()).contains("No changes.");
    assertThat(platform.writes()).isEmpty();
  }

  /** A plan that found changes: exit code 2 and no call that writes; the log is then cleared. */
  CliRun plansChanges(String... extra) {
    platform.emulator.clearRequestLog();
    String[] command = new String[extra.length + 2];
    command[0] = "plan";
    command[1] = "--detailed-exitcode";
    System.arraycopy(extra, 0, command, 2, extra.length);
    CliRun plan = cli(command);
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(2);
    assertThat(platform.writes()).isEmpty();
    platform.emulator.clearRequestLog();
    return plan;
  }
}
