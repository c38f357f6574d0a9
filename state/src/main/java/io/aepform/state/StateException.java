package io.aepform.state;

import io.aepform.error.AepformException;
import io.aepform.error.ErrorCode;

/**
 * The state is missing, damaged, locked, stale or belongs elsewhere. The message names the file or
 * lock concerned and says what to do next.
 */
public final class StateException extends AepformException {
  private static final long serialVersionUID = 1L;

  public StateException(String message) {
    super(ErrorCode.STATE, message);
  }

  public StateException(String message, Throwable cause) {
    super(ErrorCode.STATE, message, cause);
  }
}
