package io.aepform.cli.e2e;

import io.aepform.cli.TestConfigurations;
import io.aepform.emulator.ClientCredentials;
import io.aepform.emulator.Emulator;
import io.aepform.emulator.EmulatorOptions;
import io.aepform.emulator.RequestLogEntry;
import io.aepform.emulator.ResourceKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An emulator on a dynamic loopback port and a copy of a configuration whose environment {@code it}
 * points at it, with the process environment the CLI needs (credentials through the emulator's
 * IMS).
 */
final class LocalPlatformFixture implements AutoCloseable {
  static final String SANDBOX = "it";
  static final String SECRET = "it-S3-secret-Value-9f3b";

  final Emulator emulator = Emulator.start(EmulatorOptions.localDefaults());
  final ClientCredentials client = EmulatorOptions.LOCAL_CLIENT;
  final Path dir;

  LocalPlatformFixture(Path tmp, String example) throws IOException {
    this.dir = tmp.resolve("config");
    TestConfigurations.copy(Path.of("../examples").resolve(example), dir);
    TestConfigurations.writeEmulatorEnvironment(dir, emulator.baseUrl(), SANDBOX);
  }

  Map<String, String> env() {
    return TestConfigurations.emulatorEnv(client, emulator.baseUrl(), SECRET);
  }

  int count(ResourceKind kind) {
    return emulator.count(kind, client.orgId(), SANDBOX);
  }

  int total() {
    return io.aepform.cli.SandboxObjects.EXAMPLE.keySet().stream().mapToInt(this::count).sum();
  }

  /** The calls that change something: POST, PUT, PATCH, DELETE. */
  List<String> writes() {
    return emulator.requestLog().stream()
        .filter(e -> !e.method().equals("GET") && !e.path().startsWith("/ims/"))
        .map(RequestLogEntry::summary)
        .toList();
  }

  Path stateFile() {
    return dir.resolve(".aepform/it.state.json");
  }

  String[] args(String... command) {
    String[] out = new String[command.length + 4];
    System.arraycopy(command, 0, out, 0, command.length);
    System.arraycopy(
        new String[] {"--dir", dir.toString(), "--env", "it"}, 0, out, command.length, 4);
    return out;
  }

  @Override
  public void close() {
    emulator.close();
  }
}
