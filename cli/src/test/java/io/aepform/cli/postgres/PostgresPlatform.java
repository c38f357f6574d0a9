package io.aepform.cli.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.CliRun;
import io.aepform.cli.SandboxObjects;
import io.aepform.cli.TestConfigurations;
import io.aepform.emulator.ClientCredentials;
import io.aepform.emulator.Emulator;
import io.aepform.emulator.EmulatorOptions;
import io.aepform.emulator.RequestLogEntry;
import io.aepform.emulator.ResourceKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An emulator in the test JVM, a copy of the parquet example whose environment {@code it} points at
 * it and keeps its state in a PostgreSQL database ({@code state: {backend: postgres, url, schema:
 * aepform, user}}, the password in {@code AEPFORM_PG_PASSWORD}), and the CLI both in-process
 * ({@link #cli}) and as a separate process ({@link #launch}, the built jar).
 *
 * <p>(The e2e package's LocalPlatformFixture and the reliability package's CampaignPlatform write
 * environments without a {@code state:} block; this one writes either backend, see {@link
 * #useLocalBackend} and {@link #usePostgresBackend}.)
 */
final class PostgresPlatform implements AutoCloseable {
  static final String ENV = "it";
  static final String SANDBOX = "it";
  static final String SCHEMA = "aepform";
  static final String SECRET = "it-S3-secret-Value-51be";
  static final Path JAR = Path.of("target/aepform.jar");

  /** The example's resources, per kind: two connections, one of every other kind. */
  static final Map<ResourceKind, Integer> DECLARED = SandboxObjects.EXAMPLE;

  final Emulator emulator;
  final ClientCredentials client = EmulatorOptions.LOCAL_CLIENT;
  private final SandboxObjects objects;
  final Path dir;
  final String url;
  private final Path logs;
  private int launches;

  /** Copies the example and configures environment {@code it} with the postgres backend. */
  PostgresPlatform(Path tmp, EmulatorOptions options, String url) throws IOException {
    this.emulator = Emulator.start(options);
    this.objects = new SandboxObjects(emulator, client.orgId(), SANDBOX);
    this.url = url;
    this.dir = tmp.resolve("config");
    this.logs = Files.createDirectories(tmp.resolve("logs"));
    TestConfigurations.copy(Path.of("../examples/parquet-ingestion"), dir);
    usePostgresBackend();
  }

  Path environmentFile() {
    return dir.resolve("environments/" + ENV + ".yaml");
  }

  private String environment() {
    return "sandbox: "
        + SANDBOX
        + "\nplatform: "
        + emulator.baseUrl()
        + "\nvariables:\n"
        + "  s3_access_key: AKIAITEXAMPLE\n  s3_secret_key: ${env.IT_S3_SECRET}\n";
  }

  /** The environment file without a {@code state:} block: the local file backend. */
  void useLocalBackend() throws IOException {
    Files.createDirectories(environmentFile().getParent());
    Files.writeString(environmentFile(), environment());
  }

  /** The environment file with {@code state: {backend: postgres, ...}}; no password in it. */
  void usePostgresBackend() throws IOException {
    Files.createDirectories(environmentFile().getParent());
    Files.writeString(
        environmentFile(),
        environment()
            + "state:\n  backend: postgres\n  url: "
            + url
            + "\n  schema: "
            + SCHEMA
            + "\n  user: "
            + PostgresServer.USER
            + "\n");
  }

  Map<String, String> env() {
    return Map.of(
        "AEP_CLIENT_ID", client.clientId(),
        "AEP_CLIENT_SECRET", client.clientSecret(),
        "AEP_ORG_ID", client.orgId(),
        "AEP_IMS_URL", emulator.baseUrl(),
        "IT_S3_SECRET", SECRET,
        "AEPFORM_PG_PASSWORD", PostgresServer.PASSWORD,
        "AEPFORM_PENDING_GRACE", "1");
  }

  String[] args(String... command) {
    List<String> out = new ArrayList<>(List.of(command));
    out.addAll(List.of("--dir", dir.toString(), "--env", ENV, "--no-color"));
    return out.toArray(String[]::new);
  }

  /** The CLI in this JVM. */
  CliRun cli(String... command) {
    return CliRun.run(env(), args(command));
  }

  /** The CLI in this JVM with another process environment (e.g. a wrong password). */
  CliRun cli(Map<String, String> overrides, String... command) {
    Map<String, String> env = new HashMap<>(env());
    env.putAll(overrides);
    return CliRun.run(env, args(command));
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

    /** Waits for the end; returns the exit code and the time from start to end. */
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

  private static Path jarCopy;

  /**
   * A private copy of the built jar, taken once: a build running meanwhile in the same tree may
   * replace target/aepform.jar under the processes that read it.
   */
  private static synchronized Path jar() throws IOException {
    if (jarCopy == null) {
      assertThat(JAR).as("the shaded jar is built in package, before integration tests").exists();
      Path copy = Files.createTempFile("aepform-it-", ".jar");
      copy.toFile().deleteOnExit();
      Files.copy(JAR, copy, StandardCopyOption.REPLACE_EXISTING);
      jarCopy = copy;
    }
    return jarCopy;
  }

  Launched launch(String... command) throws IOException {
    List<String> line =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a short-lived CLI: quicker start, same behaviour
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar().toAbsolutePath().toString()));
    line.addAll(List.of(args(command)));
    int n = ++launches;
    Path out = logs.resolve(n + "-" + command[0] + ".out");
    Path err = logs.resolve(n + "-" + command[0] + ".err");
    ProcessBuilder pb =
        new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("AEP_") || k.startsWith("AEPFORM_"));
    pb.environment().putAll(env());
    return new Launched(pb.start(), out, err, System.nanoTime());
  }

  // ---- the database ----

  /** The holder row of the lock, when a live session holds the advisory lock it names. */
  record Holder(String id, String owner, String host, long pid, String operation) {}

  Optional<Holder> liveHolder() throws SQLException {
    if (!tablesExist()) {
      return Optional.empty();
    }
    return PostgresServer.query(
            url,
            "SELECT h.id, h.owner, h.host, h.pid, h.operation FROM "
                + SCHEMA
                + ".lock_holders h WHERE h.environment = '"
                + ENV
                + "' AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory'"
                + " AND l.granted AND l.pid = h.backend_pid)")
        .stream()
        .findFirst()
        .map(r -> new Holder(r.get(0), r.get(1), r.get(2), Long.parseLong(r.get(3)), r.get(4)));
  }

  /** How many advisory locks the server grants right now (aepform takes only its run lock). */
  int advisoryLocks() throws SQLException {
    return Integer.parseInt(
        PostgresServer.query(
                url,
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    + " AND database = (SELECT oid FROM pg_database"
                    + " WHERE datname = current_database())")
            .get(0)
            .get(0));
  }

  boolean tablesExist() throws SQLException {
    return PostgresServer.query(url, "SELECT to_regclass('" + SCHEMA + ".lock_holders')")
            .get(0)
            .get(0)
        != null;
  }

  /** The serials of every version stored for the environment, in the order written. */
  List<Long> storedSerials() throws SQLException {
    return PostgresServer.query(
            url,
            "SELECT serial FROM "
                + SCHEMA
                + ".state_versions WHERE environment = '"
                + ENV
                + "' ORDER BY id")
        .stream()
        .map(r -> Long.parseLong(r.get(0)))
        .toList();
  }

  /** The current row: lineage and serial. */
  List<String> current() throws SQLException {
    return PostgresServer.query(
            url,
            "SELECT lineage, serial FROM "
                + SCHEMA
                + ".current_state WHERE environment = '"
                + ENV
                + "'")
        .get(0);
  }

  // ---- the local files ----

  Path localStateFile() {
    return dir.resolve(".aepform/" + ENV + ".state.json");
  }

  /** The postgres backend writes no state file, lock or backup: .aepform holds none of them. */
  void assertNoLocalStateFiles(String when) throws IOException {
    Path state = dir.resolve(".aepform");
    if (!Files.isDirectory(state)) {
      return;
    }
    try (Stream<Path> files = Files.list(state)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as(when + ": files in .aepform")
          .noneMatch(n -> n.contains(".state.json"));
    }
  }

  // ---- the emulator ----

  /** Waits until the emulator has answered what a killed process had in flight. */
  void settle() throws InterruptedException {
    long seen;
    do {
      seen = lastSequence();
      Thread.sleep(250);
    } while (lastSequence() != seen);
  }

  long lastSequence() {
    List<RequestLogEntry> log = emulator.requestLog();
    return log.isEmpty() ? 0 : log.get(log.size() - 1).sequence();
  }

  /** Successful creates (POST answered 2xx) so far. */
  long creates() {
    return emulator.requestLog().stream()
        .filter(e -> e.method().equals("POST") && e.path().startsWith("/data/"))
        .filter(e -> e.status() / 100 == 2)
        .count();
  }

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

  @Override
  public void close() {
    emulator.close();
  }
}
