package io.aepform.error;

/** The command line or the process environment is wrong; the message says what to give instead. */
public final class UsageException extends AepformException {
  private static final long serialVersionUID = 1L;

  /** The cases of {@code usage.*}. */
  public enum Code {
    /** A flag, an argument, or a file or address named on the command line is wrong. */
    INVALID_ARGUMENTS,
    /**
     * The environment's settings are wrong: the environment file's platform or sandbox, an {@code
     * AEP_*} URL, {@code HTTPS_PROXY}, an {@code AEPFORM_*} variable.
     */
    INVALID_ENVIRONMENT,
    /** The process environment holds no AEP credentials, or only part of them. */
    MISSING_CREDENTIALS,
    /** The command needs a confirmation and there is no terminal to ask it on. */
    NO_TERMINAL
  }

  public UsageException(Code code, String message) {
    this(code, message, null);
  }

  public UsageException(Code code, String message, Throwable cause) {
    super(ErrorCode.USAGE, code, message, cause);
  }
}
