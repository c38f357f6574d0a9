package io.aepform.cli.reliability;

import io.aepform.cli.CliRun;
import io.aepform.cli.TestConfigurations;
import io.aepform.emulator.ClientCredentials;
import io.aepform.emulator.Emulator;
import io.aepform.emulator.EmulatorOptions;
import io.aepform.emulator.RequestLogEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * For the campaigns 4-6 of issue 7: an in-process emulator on a loopback port (with a second API
 * client of another organization) and a copy of the parquet-ingestion example whose environment
 * {@code it} targets it. Secrets reach the configuration through {@code ${env.IT_S3_SECRET}}.
 */
final class EmulatedConfig implements AutoCloseable {
  static final String ENV = "it";
  static final String SANDBOX = "it";
  static final ClientCredentials OTHER_ORG =
      new ClientCredentials("other-client", "other-client-secret", "OTHERORG@AdobeOrg");

  final Emulator emulator =
      Emulator.start(
          EmulatorOptions.builder().client(EmulatorOptions.LOCAL_CLIENT).client(OTHER_ORG).build());
  final ClientCredentials client = EmulatorOptions.LOCAL_CLIENT;
  final Path dir;
  private final Map<String, String> env = new HashMap<>();

  EmulatedConfig(Path tmp, String s3Secret) throws IOException {
    this.dir = tmp.resolve("config");
    TestConfigurations.copy(Path.of("../examples/parquet-ingestion"), dir);
    writeEnvironment(SANDBOX);
    env.put("AEP_CLIENT_ID", client.clientId());
    env.put("AEP_CLIENT_SECRET", client.clientSecret());
    env.put("AEP_ORG_ID", client.orgId());
    env.put("AEP_IMS_URL", emulator.baseUrl());
    env.put("IT_S3_SECRET", s3Secret);
    // the local platform's lists do not lag: an interrupted create shows up at once
    env.put("AEPFORM_PENDING_GRACE", "1");
  }

  /** Rewrites {@code environments/it.yaml} for the given sandbox. */
  void writeEnvironment(String sandbox) throws IOException {
    TestConfigurations.writeEmulatorEnvironment(dir, emulator.baseUrl(), sandbox);
  }

  Map<String, String> env() {
    return Map.copyOf(env);
  }

  /** The process environment of a client of another IMS organization. */
  Map<String, String> otherOrgEnv() {
    Map<String, String> other = new HashMap<>(env);
    other.put("AEP_CLIENT_ID", OTHER_ORG.clientId());
    other.put("AEP_CLIENT_SECRET", OTHER_ORG.clientSecret());
    other.put("AEP_ORG_ID", OTHER_ORG.orgId());
    return other;
  }

  CliRun cli(String... command) {
    return CliRun.run(env, args(command));
  }

  CliRun cli(Map<String, String> processEnv, String... command) {
    return CliRun.run(processEnv, args(command));
  }

  String[] args(String... command) {
    String[] out = new String[command.length + 4];
    System.arraycopy(command, 0, out, 0, command.length);
    System.arraycopy(
        new String[] {"--dir", dir.toString(), "--env", ENV}, 0, out, command.length, 4);
    return out;
  }

  /** Every call other than IMS token calls: what touches the platform's data. */
  List<String> dataCalls() {
    return emulator.requestLog().stream()
        .filter(e -> !e.path().startsWith("/ims/"))
        .map(RequestLogEntry::summary)
        .toList();
  }

  /** The calls that change something: POST, PUT, PATCH, DELETE (IMS token calls aside). */
  List<String> writes() {
    return emulator.requestLog().stream()
        .filter(e -> !e.method().equals("GET") && !e.path().startsWith("/ims/"))
        .map(RequestLogEntry::summary)
        .toList();
  }

  Path stateDir() {
    return dir.resolve(".aepform");
  }

  Path stateFile() {
    return stateDir().resolve(ENV + ".state.json");
  }

  Path backupFile() {
    return stateDir().resolve(ENV + ".state.json.backup");
  }

  /** Relative path to bytes (as a string of hex-free ISO-8859-1 text) of every file under root. */
  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        files.put(
            root.relativize(p).toString(),
            Files.isDirectory(p)
                ? "<dir>"
                : new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  @Override
  public void close() {
    emulator.close();
  }
}
