package io.aepform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresStateStoreIT {
  private static TestDatabase database;

  private PostgresConfig config;
  private PostgresStateStore store;

  @BeforeAll
  static void startDatabase() throws Exception {
    database = TestDatabase.start();
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    database.close();
  }

  @BeforeEach
  void newSchema() {
    config = database.newSchema();
    store = PostgresStateStore.open(config, "dev");
  }

  @Test
  void aFreshDatabaseHasNoStateAndGetsItsTables() throws Exception {
    assertThat(store.read()).isEmpty();
    assertThat(store.history()).isEmpty();
    assertThat(query("SELECT max(version) FROM " + config.schema() + ".migrations")).isEqualTo("1");
  }

  @Test
  void writtenStateReadsBackIdenticalFromAnotherStore() {
    State state = TestStates.sample(1);
    writeAll(state);

    State read = PostgresStateStore.open(config, "dev").read().orElseThrow();
    assertThat(StateCodec.write(read)).isEqualTo(StateCodec.write(state));
  }

  @Test
  void historyKeepsEveryVersionAndAnyCanBeReadBack() {
    State first = TestStates.empty(1).with(TestStates.schema());
    State second = first.nextSerial().with(TestStates.connection());
    State third = second.nextSerial().without("schema.demo_profile");
    writeAll(first, second, third);

    List<StateVersion> history = store.history();
    assertThat(history).extracting(StateVersion::serial).containsExactly(3L, 2L, 1L);
    assertThat(history).extracting(StateVersion::current).containsExactly(true, false, false);
    assertThat(history.get(0).lineage()).isEqualTo(TestStates.LINEAGE);
    assertThat(history.get(0).writtenBy()).contains("@");
    assertThat(store.read(2)).contains(second);
    assertThat(store.read(9)).isEmpty();
    assertThat(store.read()).contains(third);
  }

  @Test
  void anEarlierVersionIsRestoredAsANewVersion() {
    State first = TestStates.sample(1);
    State second = first.nextSerial().without("flow.daily");
    writeAll(first, second);

    State restored = store.read(1).orElseThrow();
    try (StateLock lock = store.lock(LockInfo.forCurrentProcess("restore"), Duration.ZERO)) {
      store.write(
          new State(
              1,
              3,
              restored.lineage(),
              "0.1.0",
              "dev",
              "dev",
              "ORG@AdobeOrg",
              restored.secretsSalt(),
              restored.resources()));
    }
    assertThat(store.read().orElseThrow().find("flow.daily")).isPresent();
    assertThat(store.history()).extracting(StateVersion::serial).containsExactly(3L, 2L, 1L);
  }

  @Test
  void refusesAnotherLineageSandboxOrganizationOrAStaleSerialAndWritesNothing() {
    writeAll(TestStates.empty(5));
    State stored = TestStates.empty(5);
    List<State> refused =
        List.of(
            State.empty("dev", "dev", "ORG@AdobeOrg", "0.1.0").nextSerial(),
            withSandbox(stored.nextSerial(), "prod", "ORG@AdobeOrg"),
            withSandbox(stored.nextSerial(), "dev", "OTHER@AdobeOrg"),
            stored,
            TestStates.empty(4));
    try (StateLock lock = store.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO)) {
      for (State state : refused) {
        assertThatThrownBy(() -> store.write(state))
            .isInstanceOf(StateException.class)
            .hasMessageContaining("Refusing to overwrite the state")
            .hasMessageContaining("Nothing was written");
      }
    }
    assertThat(store.history()).hasSize(1);
    assertThat(store.read()).contains(stored);
  }

  @Test
  void aCorruptedVersionIsRefusedWithRecoveryStepsAndNeverOverwrittenByWrite() throws Exception {
    writeAll(TestStates.empty(1), TestStates.empty(2));
    database.execute(
        "UPDATE "
            + config.schema()
            + ".state_versions SET state = '{\"version\": 1, \"ser' WHERE serial = 2");

    assertThatThrownBy(store::read)
        .isInstanceOf(StateException.class)
        .hasMessageContaining("schema " + config.schema() + ", environment dev), serial 2")
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("aepform state history --env dev");
    try (StateLock lock = store.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO)) {
      assertThatThrownBy(() -> store.write(TestStates.empty(3)))
          .isInstanceOf(StateException.class)
          .hasMessageContaining("not valid JSON");
      assertThat(store.history()).hasSize(2);

      // recovery: the last good version, made current again
      store.replace(store.read(1).orElseThrow());
    }
    assertThat(store.read()).contains(TestStates.empty(1));
    assertThat(store.history()).extracting(StateVersion::serial).containsExactly(1L, 2L, 1L);
  }

  @Test
  void aStateOfAnotherEnvironmentIsRefusedWhenRead() throws Exception {
    writeAll(TestStates.empty(1));
    database.execute("UPDATE " + config.schema() + ".state_versions SET environment = 'prod'");
    database.execute("UPDATE " + config.schema() + ".current_state SET environment = 'prod'");

    assertThatThrownBy(() -> PostgresStateStore.open(config, "prod").read())
        .isInstanceOf(StateException.class)
        .hasMessageContaining("records environment 'dev', not 'prod'");
  }

  @Test
  void writeNeedsTheLock() {
    assertThatThrownBy(() -> store.write(TestStates.empty(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.history()).isEmpty();
  }

  @Test
  void tablesOfANewerAepformAreRefused() throws Exception {
    assertThat(store.read()).isEmpty();
    database.execute(
        "INSERT INTO "
            + config.schema()
            + ".migrations (version, description) VALUES (2, 'future')");

    assertThatThrownBy(() -> PostgresStateStore.open(config, "dev").read())
        .isInstanceOf(StateException.class)
        .hasMessageContaining("tables of version 2, made by a newer aepform");
  }

  @Test
  void anUnreachableDatabaseIsNamedWithoutItsPassword() {
    PostgresConfig wrong =
        new PostgresConfig("jdbc:postgresql://localhost:1/none", "aepform", "alice", "s3cret");
    assertThatThrownBy(() -> PostgresStateStore.open(wrong, "dev").read())
        .isInstanceOf(StateException.class)
        .hasMessageContaining(
            "Cannot connect to the database of the state jdbc:postgresql://localhost:1/none")
        .hasMessageNotContaining("s3cret");
  }

  private void writeAll(State... states) {
    try (StateLock lock = store.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO)) {
      for (State state : states) {
        store.write(state);
      }
    }
  }

  private static State withSandbox(State state, String sandbox, String imsOrg) {
    return new State(
        state.version(),
        state.serial(),
        state.lineage(),
        state.aepformVersion(),
        state.environment(),
        sandbox,
        imsOrg,
        state.secretsSalt(),
        state.resources());
  }

  private static String query(String sql) throws Exception {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : Optional.<String>empty().orElse(null);
    }
  }
}
