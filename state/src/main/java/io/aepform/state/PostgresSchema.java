package io.aepform.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * aepform's tables in one PostgreSQL schema, created on first use and migrated by version: {@code
 * migrations} records each applied version. Migrations only ever append; an aepform meeting a
 * schema of a newer version refuses to touch it.
 */
final class PostgresSchema {
  /** One step; {@code %1$s} in its statements stands for the schema. */
  private record Migration(int version, String description, List<String> statements) {}

  private static final List<Migration> MIGRATIONS =
      List.of(
          new Migration(
              1,
              "state versions, current state, lock holders",
              List.of(
                  "CREATE TABLE %1$s.state_versions (id bigserial PRIMARY KEY,"
                      + " environment text NOT NULL, serial bigint NOT NULL, lineage text NOT NULL,"
                      + " written timestamptz NOT NULL DEFAULT now(), written_by text NOT NULL,"
                      + " lock_id text NOT NULL, state text NOT NULL)",
                  "CREATE INDEX state_versions_by_serial ON %1$s.state_versions"
                      + " (environment, serial)",
                  "CREATE TABLE %1$s.current_state (environment text PRIMARY KEY,"
                      + " lineage text NOT NULL, serial bigint NOT NULL,"
                      + " version_id bigint NOT NULL REFERENCES %1$s.state_versions (id),"
                      + " updated timestamptz NOT NULL DEFAULT now())",
                  "CREATE TABLE %1$s.lock_holders (environment text PRIMARY KEY,"
                      + " id text NOT NULL, owner text NOT NULL, host text NOT NULL,"
                      + " pid bigint NOT NULL, operation text NOT NULL,"
                      + " created timestamptz NOT NULL, backend_pid integer NOT NULL)")));

  /** The schema version this aepform creates and understands. */
  static final int LATEST = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

  private final String schema;
  private final String location;

  PostgresSchema(String schema, String location) {
    this.schema = schema;
    this.location = location;
  }

  /**
   * Creates or migrates the tables to {@link #LATEST}; cheap when they are up to date.
   *
   * @throws StateException when the schema was migrated by a newer aepform
   */
  void migrate(Connection connection) throws SQLException {
    if (applied(connection) == LATEST) {
      return; // the usual case; needs no privilege to create anything
    }
    connection.setAutoCommit(false);
    try {
      // Two runners meeting a fresh database take turns: the second finds the work done.
      try (PreparedStatement lock =
          connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, PostgresLocks.key("migrate", schema));
        lock.execute();
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        statement.execute(
            "CREATE TABLE IF NOT EXISTS "
                + schema
                + ".migrations (version integer PRIMARY KEY, description text NOT NULL,"
                + " applied timestamptz NOT NULL DEFAULT now())");
      }
      applyFrom(connection, applied(connection));
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private void applyFrom(Connection connection, int current) throws SQLException {
    for (Migration migration : MIGRATIONS) {
      if (migration.version() <= current) {
        continue;
      }
      try (Statement statement = connection.createStatement()) {
        for (String sql : migration.statements()) {
          statement.execute(String.format(sql, schema));
        }
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO " + schema + ".migrations (version, description) VALUES (?, ?)")) {
        insert.setInt(1, migration.version());
        insert.setString(2, migration.description());
        insert.executeUpdate();
      }
    }
  }

  /** The applied version: 0 when there are no tables yet. */
  private int applied(Connection connection) throws SQLException {
    try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?)")) {
      exists.setString(1, schema + ".migrations");
      try (ResultSet rows = exists.executeQuery()) {
        if (!rows.next() || rows.getString(1) == null) {
          return 0;
        }
      }
    }
    int version;
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT coalesce(max(version), 0) FROM " + schema + ".migrations")) {
      rows.next();
      version = rows.getInt(1);
    }
    if (version > LATEST) {
      throw new StateException(
          StateException.Code.UNSUPPORTED_VERSION,
          String.format(
              "The state %s is kept in tables of version %d, made by a newer aepform (this one knows"
                  + " up to %d); refusing to touch them. Upgrade aepform.",
              location, version, LATEST));
    }
    return version;
  }
}
