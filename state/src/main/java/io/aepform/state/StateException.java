package io.aepform.state;

import io.aepform.error.AepformException;
import io.aepform.error.ErrorCode;

/**
 * The state is missing, damaged, locked, stale or belongs elsewhere. The message names the file or
 * lock concerned and says what to do next.
 */
public final class StateException extends AepformException {
  private static final long serialVersionUID = 1L;

  /** The cases of {@code state.*}. */
  public enum Code {
    /** Another run holds the lock, or a dead one left it: wait, or force-unlock. */
    LOCKED,
    /** This run's lock was removed, or its connection lost, while it ran: check before going on. */
    LOCK_LOST,
    /** No state yet, or the address or serial asked for is not in it. */
    NOT_FOUND,
    /** The state or its lock file cannot be read as what it should be. */
    CORRUPT,
    /** The state belongs to another environment, sandbox, organization or lineage. */
    MISMATCH,
    /** The state changed since it was read (a saved plan, a concurrent run): run again. */
    STALE,
    /** Two addresses for one remote object, or an address already taken: move or remove one. */
    CONFLICT,
    /** An interrupted create that aepform cannot settle alone: adopt the object with import. */
    UNRESOLVED,
    /** A newer aepform wrote the state: upgrade. */
    UNSUPPORTED_VERSION,
    /** The state cannot be read or written: a file system or database failure. */
    UNAVAILABLE
  }

  private final Code reason;

  public StateException(Code code, String message) {
    this(code, message, null);
  }

  public StateException(Code code, String message, Throwable cause) {
    super(ErrorCode.STATE, code, message, cause);
    this.reason = code;
  }

  /** The case, e.g. to re-throw with more words and the same code. */
  public Code reason() {
    return reason;
  }
}
