package io.aepform.error;

/** A failure that is a bug in aepform; the message says so. */
public final class InternalException extends AepformException {
  private static final long serialVersionUID = 1L;

  /** The one case of {@code internal.*}. */
  public enum Code {
    /** aepform reached a state it should never reach. */
    BUG
  }

  public InternalException(String message, Throwable cause) {
    super(ErrorCode.INTERNAL, Code.BUG, message, cause);
  }

  public InternalException(String message) {
    this(message, null);
  }
}
