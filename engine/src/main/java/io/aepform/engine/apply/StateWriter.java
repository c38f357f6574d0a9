package io.aepform.engine.apply;

import io.aepform.state.State;
import io.aepform.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.UnaryOperator;

/**
 * The single writer of state during an apply. Workers submit changes; the writer applies every
 * change waiting at that moment, writes once, and completes their futures: a change is durable when
 * its future completes. Writing once per batch keeps large applies from rewriting the file for
 * every call.
 */
public final class StateWriter implements AutoCloseable {
  private record Change(UnaryOperator<State> edit, CompletableFuture<State> done) {}

  private final StateStore store;
  private final BlockingQueue<Change> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile State current;
  private volatile boolean closed;

  public StateWriter(StateStore store, State initial) {
    this.store = store;
    this.current = initial;
    this.thread = new Thread(this::loop, "aepform-state-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Applies {@code edit} and persists it; the future completes once it is on disk. */
  public CompletableFuture<State> submit(UnaryOperator<State> edit) {
    CompletableFuture<State> done = new CompletableFuture<>();
    if (closed) {
      done.completeExceptionally(new IllegalStateException("state writer is closed"));
      return done;
    }
    queue.add(new Change(edit, done));
    return done;
  }

  /** Submits and waits until durable. */
  public State write(UnaryOperator<State> edit) {
    return submit(edit).join();
  }

  /** The last state written. */
  public State current() {
    return current;
  }

  private void loop() {
    List<Change> batch = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        Change first = queue.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch);
        writeBatch(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void writeBatch(List<Change> batch) {
    State next = current;
    try {
      for (Change c : batch) {
        next = c.edit().apply(next);
      }
      next = next.nextSerial();
      store.write(next);
      current = next;
      State written = next;
      batch.forEach(c -> c.done().complete(written));
    } catch (RuntimeException e) {
      batch.forEach(c -> c.done().completeExceptionally(e));
    }
  }

  /** Writes what is queued, then stops. */
  @Override
  public void close() {
    closed = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
