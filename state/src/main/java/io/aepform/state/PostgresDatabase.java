package io.aepform.state;

import io.aepform.error.UsageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** Connections to the state database, its schema on first use, and SQL errors as user messages. */
final class PostgresDatabase {
  /** A unit of work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  private final PostgresConfig config;
  private final String location;
  private final PostgresSchema schema;
  private volatile boolean migrated;

  PostgresDatabase(PostgresConfig config, String location) {
    this.config = config;
    this.location = location;
    this.schema = new PostgresSchema(config.schema(), location);
  }

  /** A new connection; the caller closes it. */
  Connection connect() {
    Properties properties = new Properties();
    properties.setProperty("user", config.user());
    if (config.password() != null) {
      properties.setProperty("password", config.password());
    }
    properties.setProperty("ApplicationName", "aepform");
    // A lock connection stays open for a whole run: keepalives let a dead peer be noticed.
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("connectTimeout", "15");
    try {
      // The driver is named rather than looked up: a shaded jar may lose its service entry.
      Connection connection = new org.postgresql.Driver().connect(config.url(), properties);
      if (connection == null) {
        throw new UsageException(
            UsageException.Code.INVALID_ENVIRONMENT,
            "Not a PostgreSQL JDBC URL: " + config.redactedUrl());
      }
      return connection;
    } catch (SQLException e) {
      throw failure("connect to the database of", e);
    }
  }

  /** Creates or migrates the tables, once per store. */
  void migrate(Connection connection) throws SQLException {
    if (!migrated) {
      schema.migrate(connection);
      migrated = true;
    }
  }

  /** Runs {@code work} on a new connection after migrating; {@code doing} names it in errors. */
  <T> T run(String doing, Work<T> work) {
    try (Connection connection = connect()) {
      migrate(connection);
      return work.apply(connection);
    } catch (SQLException e) {
      throw failure(doing, e);
    }
  }

  /** {@code Cannot <doing> the state <location>: <cause>}. */
  StateException failure(String doing, SQLException e) {
    return new StateException(
        StateException.Code.UNAVAILABLE,
        String.format(
            "Cannot %s the state %s: %s (SQLSTATE %s)",
            doing, location, e.getMessage(), e.getSQLState()),
        e);
  }

  static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing is all that is left to do with it; the server ends the session either way.
    }
  }
}
