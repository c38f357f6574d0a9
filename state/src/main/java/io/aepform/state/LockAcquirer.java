package io.aepform.state;

import io.aepform.error.CancelledException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Takes a lock file, polling while a live holder keeps it, failing fast on a dead one. */
final class LockAcquirer {
  /** How long an unreadable lock file may be "being written" before it counts as damaged. */
  static final Duration WRITE_GRACE = Duration.ofSeconds(1);

  private final LockFile lockFile;
  private final String state;
  private final String environment;
  private final Clock clock;
  private final Duration poll;

  LockAcquirer(LockFile lockFile, String state, String environment, Clock clock, Duration poll) {
    this.lockFile = lockFile;
    this.state = state;
    this.environment = environment;
    this.clock = clock;
    this.poll = poll;
  }

  /** Returns once {@code info} holds the lock; throws a {@link StateException} otherwise. */
  void acquire(LockInfo info, Duration timeout) {
    // Waiting uses the monotonic clock; the injected clock only dates the holder's age.
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long damagedSince = -1;
    while (!create(info)) {
      Optional<LockInfo> holder;
      try {
        holder = lockFile.read();
        damagedSince = -1;
      } catch (StateException e) {
        damagedSince = damagedSince < 0 ? System.nanoTime() : damagedSince;
        boolean grace = System.nanoTime() - damagedSince < WRITE_GRACE.toNanos();
        if (!grace && System.nanoTime() >= deadline) {
          throw new StateException(StateException.Code.CORRUPT, LockMessages.damaged(state, e), e);
        }
        sleep(deadline);
        continue;
      }
      if (holder.isEmpty()) {
        continue; // released between our attempt and the read: try again at once
      }
      checkAlive(holder.get());
      if (System.nanoTime() >= deadline) {
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        throw new StateException(
            StateException.Code.LOCKED,
            LockMessages.held(state, holder.get(), clock.instant(), waited, environment));
      }
      sleep(deadline);
    }
  }

  private boolean create(LockInfo info) {
    try {
      return lockFile.tryCreate(info);
    } catch (IOException e) {
      throw new StateException(
          StateException.Code.UNAVAILABLE,
          lockFile.path() + ": cannot create the lock file: " + e.getMessage(),
          e);
    }
  }

  /** A holder on this host whose process is gone never lets go: say so now, not at timeout. */
  private void checkAlive(LockInfo holder) {
    if (!holder.host().equals(LockInfo.currentHost())) {
      return; // another host's processes cannot be checked from here
    }
    boolean alive = ProcessHandle.of(holder.pid()).map(ProcessHandle::isAlive).orElse(false);
    if (!alive) {
      throw new StateException(
          StateException.Code.LOCKED,
          LockMessages.stale(state, holder, clock.instant(), environment));
    }
  }

  private void sleep(long deadline) {
    long remaining = Math.max(deadline - System.nanoTime(), 0);
    long nanos = Math.max(Math.min(poll.toNanos(), remaining), Duration.ofMillis(5).toNanos());
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException(
          CancelledException.Code.INTERRUPTED,
          "Interrupted while waiting for the lock of the state " + state);
    }
  }
}
