package io.aepform.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.cli.TestConfigurations;
import io.aepform.emulator.ClientCredentials;
import io.aepform.emulator.EmulatorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Campaign 4 of issue 7, damaged state: after the example is applied (twice, so a {@code .backup}
 * exists), the state file is damaged in every way a crash, a disk or a hand edit can damage it.
 * {@code plan} and {@code apply --auto-approve} must refuse with exit 1 and one {@code Error:} line
 * that names the file, what is wrong and how to recover, without a stack trace; the state and its
 * backup stay byte for byte as they were, no lock or temp file is left, and no call reaches the
 * platform's data APIs (IMS token calls aside).
 */
class DamagedStateIT {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static final ClientCredentials OTHER_ORG =
      new ClientCredentials("other-client", "other-client-secret", "OTHERORG@AdobeOrg");

  @RegisterExtension
  static final LocalPlatformExtension platform =
      LocalPlatformExtension.example("parquet-ingestion")
          .options(
              EmulatorOptions.builder()
                  .client(EmulatorOptions.LOCAL_CLIENT)
                  .client(OTHER_ORG)
                  .build())
          .secret("it-S3-secret-Damaged-1");

  static byte[] goodState;
  static byte[] goodBackup;

  @BeforeAll
  static void applyTheExampleTwice() throws IOException {
    CliRun first = platform.cli("apply", "--auto-approve");
    assertThat(first.exitCode()).as(first.err()).isZero();
    Path flow = platform.dir.resolve("flow.yaml");
    Files.writeString(flow, Files.readString(flow).replace("interval: 1000", "interval: 1200"));
    CliRun second = platform.cli("apply", "--auto-approve");
    assertThat(second.exitCode()).as(second.err()).isZero();
    goodState = Files.readAllBytes(platform.stateFile());
    goodBackup = Files.readAllBytes(platform.backupFile());
    assertThat(goodBackup).isNotEqualTo(goodState);
  }

  @BeforeEach
  void restore() throws IOException {
    platform.writeEnvironment(LocalPlatformExtension.SANDBOX);
    Files.write(platform.stateFile(), goodState);
    Files.write(platform.backupFile(), goodBackup);
  }

  /** A named way to damage the state, and what the error must say besides file and recovery. */
  record Damage(String name, UnaryOperator<byte[]> damage, String mustSay) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> damages() {
    return Stream.of(
            new Damage("truncated at half", b -> Arrays.copyOf(b, b.length / 2), "not valid JSON"),
            new Damage(
                "truncated by 3 bytes", b -> Arrays.copyOf(b, b.length - 3), "not valid JSON"),
            new Damage("truncated to 0 bytes", b -> new byte[0], "empty"),
            new Damage("zero-filled (power loss)", b -> new byte[b.length], "not valid JSON"),
            new Damage("random bytes in the middle", DamagedStateIT::flipBytes, ""),
            new Damage(
                "binary garbage with terminal escapes",
                b -> "\u0000\u00ff\u001b[2J\u001b]0;pwned\u0007".getBytes(StandardCharsets.UTF_8),
                "not valid JSON"),
            new Damage(
                "an array", b -> "[]\n".getBytes(StandardCharsets.UTF_8), "expected an object"),
            new Damage("a second object after the first", b -> concat(b, "{}\n"), "not valid JSON"),
            new Damage("duplicate key", b -> duplicateSerial(b), "Duplicate field 'serial'"),
            edit("serial as a string", s -> s.put("serial", "7"), "serial"),
            edit("serial negative", s -> s.put("serial", -1), "serial"),
            edit("lineage missing", s -> s.remove("lineage"), "lineage"),
            edit("lineage not a uuid", s -> s.put("lineage", "not-a-uuid"), "lineage"),
            edit("resources an object", s -> s.putObject("resources"), "resources"),
            edit("unknown top-level field", s -> s.put("extra", true), "extra"),
            edit("resource kind missing", s -> resource(s, 0).remove("kind"), "resources[0].kind"),
            edit(
                "resource attributes an array",
                s -> resource(s, 0).putArray("attributes"),
                "resources[0].attributes"),
            edit(
                "unknown status",
                s -> resource(s, 1).put("status", "deleted"),
                "unknown status 'deleted'"),
            edit(
                "duplicate address",
                s -> ((ArrayNode) s.get("resources")).add(resource(s, 1).deepCopy()),
                "duplicate address"),
            edit("id missing on a created resource", s -> resource(s, 2).put("id", ""), "id"),
            edit(
                "pending-create without pending",
                s -> resource(s, 2).put("status", "pending-create").put("id", ""),
                "pending"),
            edit("address of another kind", s -> resource(s, 0).put("kind", "widget"), "address"),
            edit("secretsSalt not base64", s -> s.put("secretsSalt", "!!!"), "secretsSalt"),
            edit(
                "newer format version",
                s -> s.put("version", 2),
                "written by a newer aepform (state format version 2"),
            edit("format version 0", s -> s.put("version", 0), "version"),
            edit("another environment", s -> s.put("environment", "prod"), "environment 'prod'"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damages")
  void aDamagedStateIsRefusedAndLeftAsItIs(Damage damage) throws IOException {
    byte[] damaged = damage.damage().apply(goodState.clone());
    Files.write(platform.stateFile(), damaged);
    Map<String, String> before = TestConfigurations.snapshot(platform.dir);
    for (String[] command : commands()) {
      platform.emulator.clearRequestLog();
      CliRun run = platform.cli(command);
      String line = refusedWithOneLine(run, command);
      assertThat(line)
          .as("names the state file")
          .contains(platform.stateFile().toString())
          .contains(damage.mustSay());
      if (!damage.name().equals("newer format version")
          && !damage.name().equals("another environment")) {
        assertThat(line)
            .as("says how to recover")
            .contains("restore")
            .contains(platform.backupFile().toString());
      }
      assertUntouched(before, command);
    }
    assertThat(Files.readAllBytes(platform.stateFile())).isEqualTo(damaged);
    assertThat(Files.readAllBytes(platform.backupFile())).isEqualTo(goodBackup);
  }

  @Test
  void aNewerFormatSaysToUpgradeNotToRestoreAnOlderState() throws IOException {
    Files.write(platform.stateFile(), edited(s -> s.put("version", 99)));
    Map<String, String> before = TestConfigurations.snapshot(platform.dir);
    CliRun run = platform.cli("plan");
    String line = refusedWithOneLine(run, new String[] {"plan"});
    assertThat(line).contains("newer aepform").contains("Upgrade aepform");
    assertUntouched(before, new String[] {"plan"});
  }

  @Test
  void aNewerFormatMessageIsCleanAndDoesNotAdviseRestoring() throws IOException {
    Files.write(platform.stateFile(), edited(s -> s.put("version", 2)));
    CliRun run = platform.cli("plan");
    assertThat(run.err()).doesNotContain("..").doesNotContain("restore the state");
  }

  static Stream<Arguments> strangers() {
    return Stream.of(
        Arguments.of("state edited to another sandbox", "sandbox 'prod'"),
        Arguments.of("state edited to another org", "organization 'ELSEWHERE@AdobeOrg'"),
        Arguments.of("environment now targets another sandbox", "sandbox 'it', not 'other'"),
        Arguments.of("credentials of another org", "not 'OTHERORG@AdobeOrg'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strangers")
  void aStateOfAnotherSandboxOrOrgIsRefused(String name, String mustSay) throws IOException {
    Map<String, String> env = platform.env();
    switch (name) {
      case "state edited to another sandbox" ->
          Files.write(platform.stateFile(), edited(s -> s.put("sandbox", "prod")));
      case "state edited to another org" ->
          Files.write(platform.stateFile(), edited(s -> s.put("imsOrg", "ELSEWHERE@AdobeOrg")));
      case "environment now targets another sandbox" -> platform.writeEnvironment("other");
      default -> env = otherOrgEnv();
    }
    byte[] state = Files.readAllBytes(platform.stateFile());
    Map<String, String> before = TestConfigurations.snapshot(platform.dir);
    for (String[] command : commands()) {
      platform.emulator.clearRequestLog();
      CliRun run = platform.cli(env, command);
      String line = refusedWithOneLine(run, command);
      assertThat(line)
          .contains("environment '" + LocalPlatformExtension.ENV + "'")
          .contains(mustSay)
          .contains("--env");
      assertUntouched(before, command);
    }
    assertThat(Files.readAllBytes(platform.stateFile())).isEqualTo(state);
    assertThat(Files.readAllBytes(platform.backupFile())).isEqualTo(goodBackup);
  }

  @Test
  void theUndamagedStateStillPlansNoChanges() {
    CliRun plan = platform.cli("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out()).contains("No changes.");
  }

  private static List<String[]> commands() {
    return List.of(new String[] {"plan"}, new String[] {"apply", "--auto-approve"});
  }

  private static String refusedWithOneLine(CliRun run, String[] command) {
    String what = String.join(" ", command);
    assertThat(run.exitCode()).as(what + " exit code; err: " + run.err()).isEqualTo(1);
    assertThat(run.err()).as(what).doesNotContain("\tat ").doesNotContain("Exception");
    List<String> lines = run.err().lines().toList();
    assertThat(lines).as(what + " stderr").hasSize(1);
    String line = lines.get(0);
    assertThat(line).as(what).startsWith("Error: ");
    assertThat(line.chars().filter(c -> c < 0x20 && c != '\t'))
        .as(what + ": no control characters echoed from the file")
        .isEmpty();
    assertThat(run.out()).as(what + " stdout").doesNotContain("Apply complete");
    return line;
  }

  private static void assertUntouched(Map<String, String> before, String[] command)
      throws IOException {
    String what = String.join(" ", command);
    assertThat(TestConfigurations.snapshot(platform.dir))
        .as(what + ": every file under the configuration, .aepform included, as it was")
        .isEqualTo(before);
    assertThat(platform.writes()).as(what + ": write calls").isEmpty();
    assertThat(platform.dataCalls()).as(what + ": data API calls").isEmpty();
  }

  private static Damage edit(String name, Consumer<ObjectNode> change, String mustSay) {
    return new Damage(name, b -> editBytes(b, change), mustSay);
  }

  private static byte[] edited(Consumer<ObjectNode> change) {
    return editBytes(goodState, change);
  }

  private static byte[] editBytes(byte[] state, Consumer<ObjectNode> change) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(state);
      change.accept(root);
      return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode resource(ObjectNode state, int i) {
    ArrayNode resources = (ArrayNode) state.get("resources");
    return (ObjectNode) resources.get(i);
  }

  private static byte[] flipBytes(byte[] b) {
    Random random = new Random(4);
    for (int i = 0; i < 8; i++) {
      int at = b.length / 3 + random.nextInt(b.length / 3);
      b[at] = (byte) (random.nextInt(256));
    }
    b[b.length / 2] = '{';
    return b;
  }

  private static byte[] concat(byte[] b, String tail) {
    return (new String(b, StandardCharsets.UTF_8) + tail).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] duplicateSerial(byte[] b) {
    return new String(b, StandardCharsets.UTF_8)
        .replaceFirst("\"serial\"", "\"serial\" : 1,\n  \"serial\"")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The process environment of a client of another IMS organization. */
  private static Map<String, String> otherOrgEnv() {
    Map<String, String> other = new HashMap<>(platform.env());
    other.put("AEP_CLIENT_ID", OTHER_ORG.clientId());
    other.put("AEP_CLIENT_SECRET", OTHER_ORG.clientSecret());
    other.put("AEP_ORG_ID", OTHER_ORG.orgId());
    return other;
  }
}
