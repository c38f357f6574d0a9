package io.aepform.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.aepform.state.LockInfo;
import io.aepform.state.State;
import io.aepform.state.StateException;
import io.aepform.state.StateLock;
import io.aepform.state.StateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one writer of state during an apply: what it does once closed, and when a write fails. */
class StateWriterTest {
  /** A store in memory whose {@code failAt}-th write (1-based) and later ones fail. */
  private static final class Store implements StateStore {
    final List<State> written = new CopyOnWriteArrayList<>();
    final AtomicInteger writes = new AtomicInteger();
    final int failAt;

    Store(int failAt) {
      this.failAt = failAt;
    }

    @Override
    public StateLock lock(LockInfo info, Duration timeout) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<State> read() {
      return Optional.empty();
    }

    @Override
    public void write(State state) {
      if (writes.incrementAndGet() >= failAt) {
        throw new StateException(
            StateException.Code.UNAVAILABLE, "Cannot write the state test.json: disk full.");
      }
      written.add(state);
    }

    @Override
    public void forceUnlock(String lockId) {}

    @Override
    public String location() {
      return "test.json";
    }
  }

  private static State empty() {
    return State.empty("dev", "dev", "ORG@AdobeOrg", "test");
  }

  @Test
  void submitAfterCloseFailsAtOnce() {
    StateWriter writer = new StateWriter(new Store(Integer.MAX_VALUE), empty());
    writer.close();
    assertThatThrownBy(() -> writer.submit(s -> s))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void closeReturnsOnceWhatIsQueuedIsWritten() {
    // an apply's last step: the writer must not sit idle until some timeout before it stops
    Store store = new Store(Integer.MAX_VALUE);
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          StateWriter writer = new StateWriter(store, empty());
          writer.write(s -> s);
          CompletableFuture<State> last = writer.submit(s -> s);
          writer.close();
          assertThat(last).isCompleted();
        });
    assertThat(store.written).hasSize(2);
  }

  @Test
  void everyChangeSubmittedWhileClosingEndsOneWayOrTheOther() throws Exception {
    // submits racing with close: each is either written or refused, none waits forever
    for (int round = 0; round < 50; round++) {
      StateWriter writer = new StateWriter(new Store(Integer.MAX_VALUE), empty());
      List<CompletableFuture<State>> accepted = new CopyOnWriteArrayList<>();
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> submitters = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread thread =
            new Thread(
                () -> {
                  try {
                    go.await();
                    for (int i = 0; i < 200; i++) {
                      accepted.add(writer.submit(s -> s));
                    }
                  } catch (IllegalStateException closed) {
                    // refused: fine
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
        thread.start();
        submitters.add(thread);
      }
      go.countDown();
      writer.close();
      for (Thread t : submitters) {
        t.join();
      }
      CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aFailedWriteFailsWithTheStateErrorAndStopsLaterWrites() {
    Store store = new Store(2);
    try (StateWriter writer = new StateWriter(store, empty())) {
      State first = writer.write(s -> s);
      assertThat(first.serial()).isEqualTo(1);
      assertThatThrownBy(() -> writer.write(s -> s))
          .isInstanceOf(StateException.class)
          .hasMessage("Cannot write the state test.json: disk full.");
      assertThat(writer.failure()).isPresent();
      assertThatThrownBy(() -> writer.write(s -> s))
          .hasMessage(
              "not recorded in state: an earlier state write failed: Cannot write the state"
                  + " test.json: disk full.");
      assertThat(writer.current()).isEqualTo(first);
      assertThat(store.writes.get()).as("nothing is written after the failure").isEqualTo(2);
    }
  }
}
