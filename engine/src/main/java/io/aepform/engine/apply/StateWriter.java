package io.aepform.engine.apply;

import io.aepform.error.AepformException;
import io.aepform.state.State;
import io.aepform.state.StateException;
import io.aepform.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.UnaryOperator;

/**
 * The single writer of state during an apply. Workers submit changes; the writer applies every
 * change waiting at that moment, writes once, and completes their futures: a change is durable when
 * its future completes. Writing once per batch keeps large applies from rewriting the file for
 * every call.
 *
 * <p>Once a write fails, every later change fails without being written: the state on disk is the
 * last one written, and a run that cannot record what it does must not go on doing things.
 */
public final class StateWriter implements AutoCloseable {
  private record Change(UnaryOperator<State> edit, CompletableFuture<State> done) {}

  /** Queued by {@link #close} so that the writer sees at once that it is closed. */
  private static final Change WAKE = new Change(s -> s, new CompletableFuture<>());

  private final StateStore store;
  private final BlockingQueue<Change> queue = new LinkedBlockingQueue<>();
  private final Thread thread;

  /** Guards {@link #closed} against a submit racing with {@link #close}. */
  private final Object gate = new Object();

  private volatile State current;
  private volatile boolean closed;
  private volatile AepformException failure;

  public StateWriter(StateStore store, State initial) {
    this.store = store;
    this.current = initial;
    this.thread = new Thread(this::loop, "aepform-state-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Applies {@code edit} and persists it; the future completes once it is on disk, or fails with
   * the state error that kept it off.
   *
   * @throws IllegalStateException once the writer is closed: nothing more can be recorded
   */
  public CompletableFuture<State> submit(UnaryOperator<State> edit) {
    CompletableFuture<State> done = new CompletableFuture<>();
    synchronized (gate) {
      if (closed) {
        throw new IllegalStateException("the state writer is closed: nothing more can be recorded");
      }
      queue.add(new Change(edit, done));
    }
    return done;
  }

  /**
   * Submits and waits until durable.
   *
   * @throws AepformException the state error itself (its own message) when it could not be written
   */
  public State write(UnaryOperator<State> edit) {
    try {
      return submit(edit).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** The last state written. */
  public State current() {
    return current;
  }

  /** The error of the first write that failed, if one did. */
  public Optional<AepformException> failure() {
    return Optional.ofNullable(failure);
  }

  private void loop() {
    List<Change> batch = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        batch.add(queue.take()); // a change, or the wake-up of close
        queue.drainTo(batch);
        batch.removeIf(c -> c == WAKE);
        if (!batch.isEmpty()) {
          writeBatch(batch);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void writeBatch(List<Change> batch) {
    if (failure != null) {
      AepformException notWritten =
          new StateException(
              StateException.Code.UNAVAILABLE,
              "not recorded in state: an earlier state write failed: " + failure.getMessage());
      batch.forEach(c -> c.done().completeExceptionally(notWritten));
      return;
    }
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
      if (e instanceof AepformException ae) {
        failure = ae;
      }
      batch.forEach(c -> c.done().completeExceptionally(e));
    }
  }

  /** Writes what is queued, then stops; a change submitted after this fails at once. */
  @Override
  public void close() {
    synchronized (gate) {
      closed = true;
    }
    queue.add(WAKE);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // only when the writer thread was interrupted can changes be left: fail them, never hang
    IllegalStateException stopped =
        new IllegalStateException("the state writer stopped before writing this change");
    for (Change c = queue.poll(); c != null; c = queue.poll()) {
      if (c != WAKE) {
        c.done().completeExceptionally(stopped);
      }
    }
  }
}
