package io.aepform.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aepform.cli.CliRun;
import io.aepform.cli.SandboxObjects;
import io.aepform.cli.TestConfigurations;
import io.aepform.emulator.ClientCredentials;
import io.aepform.emulator.Emulator;
import io.aepform.emulator.EmulatorOptions;
import io.aepform.emulator.RequestLogEntry;
import io.aepform.emulator.ResourceKind;
import io.aepform.state.ResourceState;
import io.aepform.state.ResourceStatus;
import io.aepform.state.State;
import io.aepform.state.StateCodec;
import io.aepform.state.StateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What every reliability campaign needs: an emulator in the test JVM, a copy of the parquet example
 * whose environment {@code it} points at it, the process environment with the emulator's
 * credentials, the CLI both in-process ({@link #cli}) and as a separate process ({@link #launch},
 * the built jar), and the checks the campaigns share (exactly one object per declared resource,
 * state parses, stale locks reported and force-unlocked).
 */
final class CampaignPlatform implements AutoCloseable {
  static final String SANDBOX = "it";
  static final String SECRET = "it-S3-secret-Value-7c1d";
  static final Path JAR = Path.of("target/aepform.jar");

  /** The example's resources, per kind: two connections, one of every other kind. */
  static final Map<ResourceKind, Integer> DECLARED = SandboxObjects.EXAMPLE;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FORCE_UNLOCK =
      Pattern.compile("aepform force-unlock ([0-9a-fA-F-]{8,}) --env " + SANDBOX);

  final Emulator emulator;
  final ClientCredentials client = EmulatorOptions.LOCAL_CLIENT;
  private final SandboxObjects objects;
  final Path dir;
  private final Path logs;
  private int launches;

  CampaignPlatform(Path tmp, EmulatorOptions options) throws IOException {
    this(tmp, options, Path.of("../examples/parquet-ingestion"));
  }

  CampaignPlatform(Path tmp, EmulatorOptions options, Path example) throws IOException {
    this.emulator = Emulator.start(options);
    this.objects = new SandboxObjects(emulator, client.orgId(), SANDBOX);
    this.dir = tmp.resolve("config");
    this.logs = Files.createDirectories(tmp.resolve("logs"));
    TestConfigurations.copy(example, dir);
    TestConfigurations.writeEmulatorEnvironment(dir, emulator.baseUrl(), SANDBOX);
  }

  Map<String, String> env() {
    return TestConfigurations.emulatorEnv(client, emulator.baseUrl(), SECRET);
  }

  Path stateFile() {
    return dir.resolve(".aepform/it.state.json");
  }

  Path lockFile() {
    return dir.resolve(".aepform/it.state.json.lock");
  }

  String[] args(String... command) {
    List<String> out = new ArrayList<>(List.of(command));
    out.addAll(List.of("--dir", dir.toString(), "--env", SANDBOX, "--no-color"));
    return out.toArray(String[]::new);
  }

  /** The CLI in this JVM (no JVM start: for the quick runs between the killed ones). */
  CliRun cli(String... command) {
    return CliRun.run(env(), args(command));
  }

  // ---- the CLI as a separate process ----

  /** A running {@code java -jar target/aepform.jar ...}, its output going to files. */
  record Launched(Process process, Path out, Path err, long startNanos) {
    String stdout() {
      return read(out);
    }

    String stderr() {
      return read(err);
    }

    Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    int await(Duration timeout) throws InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            "aepform did not end within "
                + timeout
                + "\nstdout:\n"
                + stdout()
                + "\nstderr:\n"
                + stderr());
      }
      return process.exitValue();
    }

    private static String read(Path p) {
      try {
        return Files.readString(p, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }
  }

  Launched launch(String... command) throws IOException {
    assertThat(JAR).as("the shaded jar is built in package, before integration tests").exists();
    List<String> line =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a short-lived CLI: quicker start, same behaviour
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                JAR.toAbsolutePath().toString()));
    line.addAll(List.of(args(command)));
    int n = ++launches;
    Path out = logs.resolve(n + "-" + command[0] + ".out");
    Path err = logs.resolve(n + "-" + command[0] + ".err");
    ProcessBuilder pb =
        new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("AEP_"));
    pb.environment().putAll(env());
    return new Launched(pb.start(), out, err, System.nanoTime());
  }

  // ---- the emulator's request log ----

  /** The sequence number of the last call logged so far (0 when none). */
  long lastSequence() {
    List<RequestLogEntry> log = emulator.requestLog();
    return log.isEmpty() ? 0 : log.get(log.size() - 1).sequence();
  }

  /**
   * Waits until the emulator has answered what a killed process had in flight: a request sent is
   * carried out even when its sender is gone (as on the real platform), so checks wait for quiet.
   */
  void settle() throws InterruptedException {
    long seen;
    do {
      seen = lastSequence();
      Thread.sleep(250);
    } while (lastSequence() != seen);
  }

  /** Data calls (not IMS) logged after {@code sequence}. */
  List<RequestLogEntry> dataCallsAfter(long sequence) {
    return emulator.requestLog().stream()
        .filter(e -> e.sequence() > sequence && e.path().startsWith("/data/"))
        .toList();
  }

  // ---- what the platform holds ----

  int count(ResourceKind kind) {
    return objects.count(kind);
  }

  int total() {
    return objects.total();
  }

  List<String> names(ResourceKind kind) {
    return objects.names(kind);
  }

  /** Exactly one object per declared resource, none twice by name, none more. */
  void assertExactlyTheDeclaredObjects(String when) {
    objects.assertExactlyTheExample(when);
  }

  // ---- state ----

  /** The state, empty when there is none; fails the test when the file does not parse. */
  Optional<State> state(String when) {
    Path file = stateFile();
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new AssertionError(when + ": cannot read " + file, e);
    }
    try {
      return Optional.of(StateCodec.read(bytes, file.toString()));
    } catch (StateException e) {
      throw new AssertionError(
          when
              + ": the state is torn: "
              + e.getMessage()
              + "\n"
              + new String(bytes, StandardCharsets.UTF_8),
          e);
    }
  }

  /** What the state records as created, per emulator kind: the remote names. */
  Map<ResourceKind, Set<String>> createdInState(State state) {
    Map<ResourceKind, Set<String>> out = new EnumMap<>(ResourceKind.class);
    for (ResourceKind kind : DECLARED.keySet()) {
      out.put(kind, new TreeSet<>());
    }
    for (ResourceState r : state.resources()) {
      if (r.status() == ResourceStatus.CREATED) {
        out.get(kindOf(r.kind())).add(r.name());
      }
    }
    return out;
  }

  Map<ResourceKind, Set<String>> onPlatform() {
    Map<ResourceKind, Set<String>> out = new EnumMap<>(ResourceKind.class);
    for (ResourceKind kind : DECLARED.keySet()) {
      out.put(kind, new TreeSet<>(names(kind)));
    }
    return out;
  }

  static ResourceKind kindOf(String stateKind) {
    return switch (stateKind) {
      case "schema" -> ResourceKind.SCHEMA;
      case "connection" -> ResourceKind.CONNECTION;
      case "sourceConnection" -> ResourceKind.SOURCE_CONNECTION;
      case "targetConnection" -> ResourceKind.TARGET_CONNECTION;
      case "dataset" -> ResourceKind.DATASET;
      case "flow" -> ResourceKind.FLOW;
      default -> throw new AssertionError("unknown kind in state: " + stateKind);
    };
  }

  /** Temp files of interrupted state writes. */
  List<Path> tempFiles() throws IOException {
    Path state = dir.resolve(".aepform");
    if (!Files.isDirectory(state)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(state)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  // ---- locks ----

  /** The lock file's fields, or empty when there is no lock file or it is not (yet) JSON. */
  Optional<JsonNode> lockHolder() {
    try {
      return Optional.of(JSON.readTree(Files.readAllBytes(lockFile()))).filter(JsonNode::isObject);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** What {@link #clearLeftoverLock} found. */
  enum Leftover {
    NONE,
    STALE,
    UNREADABLE
  }

  /**
   * After a killed run: if it left its lock, the next command that writes must refuse at once,
   * without a call to the platform, saying the lock is stale and printing the exact {@code aepform
   * force-unlock <id>} command; the test then runs that command. A lock file killed between its
   * creation and its content is reported as unreadable, with the advice to delete it by hand.
   */
  Leftover clearLeftoverLock(String when, String command) {
    if (!Files.exists(lockFile())) {
      return Leftover.NONE;
    }
    Optional<JsonNode> holder = lockHolder();
    long before = lastSequence();
    CliRun refused = cli(command, "--auto-approve");
    assertThat(refused.exitCode())
        .as(when + ": %s with a leftover lock\n%s", command, refused.err())
        .isEqualTo(1);
    assertThat(refused.err()).as(when).doesNotContain("\tat ");
    assertThat(dataCallsAfter(before)).as(when + ": calls made despite the lock").isEmpty();
    if (holder.isEmpty()) {
      assertThat(refused.err())
          .as(when)
          .contains("lock file cannot be read")
          .contains("delete the lock file by hand");
      try {
        Files.delete(lockFile());
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      return Leftover.UNREADABLE;
    }
    assertThat(refused.err())
        .as(when + ": the refusal of a dead holder's lock")
        .contains("stale lock")
        .contains("aepform force-unlock ");
    Matcher m = FORCE_UNLOCK.matcher(refused.err());
    assertThat(m.find()).as(when + ": the force-unlock command in\n" + refused.err()).isTrue();
    String id = m.group(1);
    assertThat(id).isEqualTo(holder.get().path("id").asText());
    CliRun unlock = cli("force-unlock", id);
    assertThat(unlock.exitCode()).as(when + ": force-unlock\n" + unlock.err()).isZero();
    assertThat(lockFile()).as(when + ": lock after force-unlock").doesNotExist();
    return Leftover.STALE;
  }

  static String forceUnlockId(String message) {
    Matcher m = FORCE_UNLOCK.matcher(message);
    return m.find() ? m.group(1) : "";
  }

  static String summary(Map<String, Integer> counters) {
    return counters.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  @Override
  public void close() {
    emulator.close();
  }
}
