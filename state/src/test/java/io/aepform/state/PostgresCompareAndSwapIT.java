package io.aepform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No lost update: of two writers of the same serial, one wins and the other writes nothing. */
class PostgresCompareAndSwapIT {
  private static TestDatabase database;

  private PostgresConfig config;

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
  }

  @Test
  void aRunThatReadBeforeAnotherRunWroteIsRefused() {
    PostgresStateStore alice = PostgresStateStore.open(config, "dev");
    PostgresStateStore bob = PostgresStateStore.open(config, "dev");
    write(alice, TestStates.empty(1));

    State aliceNext = alice.read().orElseThrow().nextSerial().with(TestStates.schema());
    State bobNext = bob.read().orElseThrow().nextSerial().with(TestStates.connection());
    write(alice, aliceNext);

    try (StateLock lock = bob.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO)) {
      assertThatThrownBy(() -> bob.write(bobNext))
          .isInstanceOf(StateException.class)
          .hasMessageContaining("it has serial 2, this run's state serial 2");
    }
    assertThat(bob.read()).contains(aliceNext);
    assertThat(bob.history()).hasSize(2);
  }

  @Test
  void twoTransactionsSwappingTheSameSerialAtOnceLeaveOneVersion() throws Exception {
    PostgresStates states = new PostgresStates(config.schema(), "dev", "test");
    write(PostgresStateStore.open(config, "dev"), TestStates.empty(1));
    List<State> nexts =
        List.of(
            TestStates.empty(2).with(TestStates.schema()),
            TestStates.empty(2).with(TestStates.connection()));

    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<String>> outcomes = new ArrayList<>();
    try {
      for (State next : nexts) {
        outcomes.add(pool.submit(() -> swap(states, next, start)));
      }
      List<String> results = new ArrayList<>();
      for (Future<String> outcome : outcomes) {
        results.add(outcome.get(30, TimeUnit.SECONDS));
      }
      assertThat(results).containsOnlyOnce("won");
      assertThat(results).filteredOn(r -> r.startsWith("Refusing")).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    PostgresStateStore store = PostgresStateStore.open(config, "dev");
    assertThat(store.history()).extracting(StateVersion::serial).containsExactly(2L, 1L);
    assertThat(nexts).contains(store.read().orElseThrow());
  }

  /** Reads the pointer as a run did before writing, waits for the other, then swaps. */
  private String swap(PostgresStates states, State next, CyclicBarrier start) throws Exception {
    try (Connection connection = database.connect()) {
      Optional<StateVersion> expected =
          states.current(connection, false).map(PostgresStates.Row::version);
      connection.setAutoCommit(false);
      start.await(10, TimeUnit.SECONDS);
      try {
        states.swap(connection, expected, next, LockInfo.forCurrentProcess("apply"));
        connection.commit();
        return "won";
      } catch (StateException e) {
        connection.rollback();
        return e.getMessage();
      }
    }
  }

  private static void write(PostgresStateStore store, State state) {
    try (StateLock lock = store.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO)) {
      store.write(state);
    }
  }
}
