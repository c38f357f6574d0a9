package io.aepform.state;

import java.util.List;
import java.util.Optional;

/**
 * A state backend that keeps every version it wrote, so that any earlier state can be shown and
 * restored ({@code aepform state history}, {@code aepform state show --serial N}). The PostgreSQL
 * backend has it; the local backend keeps only the one {@code .backup} file and has not.
 *
 * <p>History is never rewritten: restoring a version stores it again as a new version. To restore
 * one, read it with {@link #read(long)} and, under the lock, either {@link StateStore#write} it
 * with a serial above the current one (same lineage), or {@link #replace} the current state with
 * it.
 */
public interface StateHistory {
  /**
   * Every version written for this environment, newest first.
   *
   * @throws StateException when the backend cannot be reached
   */
  List<StateVersion> history();

  /**
   * The version with {@code serial}, or empty when none was written; when several lineages used the
   * serial (a state replaced with {@code push --force}), the one written last.
   *
   * @throws StateException when that version cannot be read, naming it
   */
  Optional<State> read(long serial);

  /**
   * Stores {@code state} as the current state whatever the stored one is: another lineage, a lower
   * serial, or a stored state that cannot be read. For {@code aepform state push --force} and for
   * recovery; the replaced state stays in the history. Needs the lock, like {@link
   * StateStore#write}.
   *
   * @throws StateException when the backend fails (nothing is written)
   * @throws IllegalStateException when this store does not hold the lock
   */
  void replace(State state);
}
