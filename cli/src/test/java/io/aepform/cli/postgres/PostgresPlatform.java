package io.aepform.cli.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.LocalPlatformExtension;
import io.aepform.cli.SandboxObjects;
import io.aepform.emulator.EmulatorOptions;
import io.aepform.emulator.ResourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local platform ({@link LocalPlatformExtension} with the parquet example) whose environment
 * {@code it} keeps its state in a PostgreSQL database ({@code state: {backend: postgres, url,
 * schema: aepform, user}}, the password in {@code AEPFORM_PG_PASSWORD}), and what the tests read
 * from that database. The environment switches between the backends with {@link #useLocalBackend}
 * and {@link #usePostgresBackend}.
 */
final class PostgresPlatform extends LocalPlatformExtension {
  static final String SCHEMA = "aepform";

  /** The example's resources, per kind: two connections, one of every other kind. */
  static final Map<ResourceKind, Integer> DECLARED = SandboxObjects.EXAMPLE;

  private String url;

  PostgresPlatform(EmulatorOptions options) {
    super(Path.of("../examples/parquet-ingestion"));
    options(options);
  }

  /** The environment file without a {@code state:} block: the local file backend. */
  void useLocalBackend() throws IOException {
    writeEnvironment(SANDBOX);
  }

  /** The environment file with {@code state: {backend: postgres, ...}}; no password in it. */
  void usePostgresBackend(String url) throws IOException {
    this.url = url;
    usePostgresBackend();
  }

  /** Back to the database of the last {@link #usePostgresBackend(String)}. */
  void usePostgresBackend() throws IOException {
    Path file = dir.resolve("environments/" + ENV + ".yaml");
    Files.writeString(
        file,
        environment(SANDBOX)
            + "state:\n  backend: postgres\n  url: "
            + url
            + "\n  schema: "
            + SCHEMA
            + "\n  user: "
            + PostgresServer.USER
            + "\n");
  }

  @Override
  public Map<String, String> env() {
    Map<String, String> env = new HashMap<>(super.env());
    env.put("AEPFORM_PG_PASSWORD", PostgresServer.PASSWORD);
    return Map.copyOf(env);
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

  /** Successful creates (POST answered 2xx) so far. */
  long creates() {
    return emulator.requestLog().stream()
        .filter(e -> e.method().equals("POST") && e.path().startsWith("/data/"))
        .filter(e -> e.status() / 100 == 2)
        .count();
  }
}
