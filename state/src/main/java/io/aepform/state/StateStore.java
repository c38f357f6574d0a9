package io.aepform.state;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the state of one environment lives, with its lock. {@link LocalStateStore} keeps files
 * under {@code .aepform/}; a shared backend for teams implements the same contract:
 *
 * <ul>
 *   <li>{@link #lock} is exclusive across processes and hosts; every command that writes holds it
 *       for the whole run.
 *   <li>{@link #write} is atomic and durable when it returns: a reader sees the old state or the
 *       new one, never a mix, even if the process dies.
 *   <li>The state as it was before a run's first write is kept as a backup; later writes of the
 *       same run (the same lock) keep that backup.
 *   <li>{@link #write} refuses a state of another lineage, sandbox, organization or environment
 *       than the stored one, and a serial that does not increase (a lost update).
 *   <li>A stored state that cannot be read is never overwritten.
 * </ul>
 */
public interface StateStore {
  /**
   * Takes the lock, waiting up to {@code timeout} (polling) while another run holds it.
   *
   * @throws StateException when the lock is still held after {@code timeout}, naming the holder's
   *     id, owner, host, pid, operation and age; at once when the holder is a dead process on this
   *     host, with the {@code aepform force-unlock <id>} command that removes the stale lock
   */
  StateLock lock(LockInfo info, Duration timeout);

  /**
   * The stored state, or empty when there is none yet. Needs no lock.
   *
   * @throws StateException when the stored state cannot be read, with how to recover
   */
  Optional<State> read();

  /**
   * Stores {@code state}, whose serial the caller has already increased. Needs the lock, taken
   * through this store instance.
   *
   * @throws StateException when a rule above refuses the write
   * @throws IllegalStateException when this store does not hold the lock
   */
  void write(State state);

  /**
   * Removes the lock with id {@code lockId}, whoever holds it: for a run that died holding it.
   *
   * @throws StateException when there is no lock, or it has another id
   */
  void forceUnlock(String lockId);

  /** Where the state is, for messages, e.g. {@code .aepform/dev.state.json}. */
  String location();
}
