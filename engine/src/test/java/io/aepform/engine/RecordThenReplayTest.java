package io.aepform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.emulator.ClientCredentials;
import io.aepform.emulator.Emulator;
import io.aepform.emulator.EmulatorOptions;
import io.aepform.engine.apply.ApplyListener;
import io.aepform.engine.manifest.VariableValues;
import io.aepform.engine.provider.http.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 12: what {@code --record-traffic} writes is what the replay tests read. The example
 * is applied and re-planned on the local platform (never anything else here) while recording; the
 * recording, with a replay.json as a contributor would write it, then replays to the same results.
 */
class RecordThenReplayTest {
  private static final Path EXAMPLE = Path.of("../examples/parquet-ingestion");

  @TempDir Path temp;

  @Test
  void aRecordingOfTheLocalPlatformReplaysToNoChanges() throws IOException {
    Path config = temp.resolve("config");
    Path recording = temp.resolve("recording");
    RecordedRequests.copyConfiguration(EXAMPLE, config);
    Engine engine = new Engine(localSettings().recordingTrafficTo(recording));
    ConfigRequest request = new ConfigRequest(config, "local", VariableValues.Inputs.none());

    assertThat(engine.apply(apply(request)).added()).isEqualTo(7);
    assertThat(engine.plan(request, PlanOptions.defaults()).hasChanges()).isFalse();

    List<String> files = names(recording);
    // the apply: four name lookups (the other kinds are found by name and a related id not known
    // before the apply) and seven creates; the plan: seven reads; no token call
    assertThat(files).hasSize(18).noneMatch(f -> f.contains("ims"));
    assertThat(files.get(0)).startsWith("0001-GET-");
    String all = String.join("\n", contents(recording));
    assertThat(all).doesNotContain("local-example-secret").contains("\"(sensitive)\"");

    Files.writeString(
        recording.resolve(ReplayScenario.FILE),
        "{\"configuration\": \""
            + config.toAbsolutePath().toString().replace("\\", "/")
            + "\", \"environment\": \"local\", \"steps\": ["
            + "{\"run\": \"apply\", \"expect\": {\"added\": 7, \"changed\": 0}},"
            + "{\"run\": \"plan\", \"expect\": {\"changes\": {}, \"drift\": []}}]}");
    ReplayTest.replay(recording, temp.resolve("replayed"));
  }

  private static EngineSettings localSettings() {
    LocalPlatform local =
        dir -> {
          Emulator emulator = Emulator.start(EmulatorOptions.builder().dataDir(dir).build());
          ClientCredentials client = EmulatorOptions.LOCAL_CLIENT;
          URI base = URI.create(emulator.baseUrl());
          return new LocalPlatform.Endpoint(
              base,
              Credentials.ofClient(
                  client.clientId(),
                  client.clientSecret(),
                  client.orgId(),
                  Credentials.DEFAULT_SCOPES,
                  base),
              emulator);
        };
    return new EngineSettings(Map.of(), local, Optional.empty(), Clock.systemUTC());
  }

  private static ApplyRequest apply(ConfigRequest request) {
    return new ApplyRequest(
        request,
        PlanOptions.defaults(),
        4,
        Duration.ZERO,
        plan -> true,
        ApplyListener.none(),
        new AtomicBoolean());
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> contents(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(RecordThenReplayTest::read).toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
