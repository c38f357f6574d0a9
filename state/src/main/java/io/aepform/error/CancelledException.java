package io.aepform.error;

/** The user said no, or the run was interrupted; the message says what was left as it was. */
public final class CancelledException extends AepformException {
  private static final long serialVersionUID = 1L;

  /** The cases of {@code cancelled.*}. */
  public enum Code {
    /** The user answered something other than {@code yes}. */
    DECLINED,
    /** The run was interrupted (Ctrl-C, a signal) while waiting. */
    INTERRUPTED
  }

  public CancelledException(Code code, String message) {
    super(ErrorCode.CANCELLED, code, message, null);
  }
}
