package io.aepform.engine.provider.http;

import io.aepform.error.AepformException;
import io.aepform.error.ErrorCode;

/**
 * The platform answered with an error, an answer that is not what Adobe documents, or no answer.
 * {@link ApiException} adds what the HTTP exchange told.
 */
public class PlatformException extends AepformException {
  private static final long serialVersionUID = 1L;

  /** The cases of {@code platform.*}. */
  public enum Code {
    /** An error answer not covered below (4xx, 5xx). */
    HTTP_ERROR,
    /** The credentials were refused (401, 403, or IMS refused a token). */
    UNAUTHORIZED,
    /** The object is not (or no longer) there (404, or a lookup that found nothing). */
    NOT_FOUND,
    /** The platform kept throttling (429) until the retries ran out. */
    THROTTLED,
    /** No answer: unreachable, timed out, or interrupted while waiting. */
    NO_ANSWER,
    /** A success answer that is not what Adobe documents. */
    UNEXPECTED_ANSWER
  }

  public PlatformException(Code code, String message) {
    this(code, message, null);
  }

  public PlatformException(Code code, String message, Throwable cause) {
    super(ErrorCode.PLATFORM, code, message, cause);
  }
}
