package io.aepform.error;

/**
 * The root of every failure aepform reports to a user. The message says what went wrong, where, and
 * what to do next; it is shown on one line without a stack trace unless asked.
 */
public class AepformException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public AepformException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public AepformException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
