package io.aepform.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.cli.SandboxObjects;
import io.aepform.emulator.EmulatorOptions;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The local platform of the crash, fault and concurrency campaigns ({@link LocalPlatformExtension}
 * with the parquet example), with the checks they share: the state parses, what it records is what
 * the platform holds, stale locks are reported and force-unlocked.
 */
final class CampaignPlatform extends LocalPlatformExtension {
  /** The example's resources, per kind: two connections, one of every other kind. */
  static final Map<ResourceKind, Integer> DECLARED = SandboxObjects.EXAMPLE;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FORCE_UNLOCK =
      Pattern.compile("aepform force-unlock ([0-9a-fA-F-]{8,}) --env " + ENV);

  /** Started before each test with these options. */
  CampaignPlatform(EmulatorOptions options) {
    super(Path.of("../examples/parquet-ingestion"));
    options(options);
  }

  /** Started by the test, with options it draws: {@link #start(EmulatorOptions)}. */
  CampaignPlatform() {
    super(Path.of("../examples/parquet-ingestion"));
    startedByTest();
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
}
