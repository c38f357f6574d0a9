package io.aepform.engine.provider.http;

/**
 * AEP answered with an error, or could not be reached. Carries what a caller needs to decide what
 * to do next: the HTTP status (0 when no response was seen), AEP's own error code (such as {@code
 * FLOW-1418-400}, {@code XDM-1521-400} or the gateway's {@code 401013}; empty when none), its
 * title, the request id AEP gave the exchange (which Adobe support asks for), and whether the
 * request may have taken effect although no answer was seen.
 */
public final class ApiException extends PlatformException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String aepCode;
  private final String title;
  private final String requestId;
  private final boolean outcomeUnknown;

  /** An error with no underlying cause. */
  public ApiException(
      String message, int status, String aepCode, String title, boolean outcomeUnknown) {
    this(message, status, aepCode, title, outcomeUnknown, null);
  }

  /** An error caused by {@code cause}, typically the I/O failure of the last attempt. */
  public ApiException(
      String message,
      int status,
      String aepCode,
      String title,
      boolean outcomeUnknown,
      Throwable cause) {
    this(message, status, aepCode, title, "", outcomeUnknown, cause);
  }

  /** An error whose answer carried a request id ({@code x-request-id}). */
  public ApiException(
      String message,
      int status,
      String aepCode,
      String title,
      String requestId,
      boolean outcomeUnknown,
      Throwable cause) {
    super(codeFor(status), message, cause);
    this.status = status;
    this.aepCode = aepCode == null ? "" : aepCode;
    this.title = title == null ? "" : title;
    this.requestId = requestId == null ? "" : requestId;
    this.outcomeUnknown = outcomeUnknown;
  }

  /** What a script acts on, from the status: 0 is no answer at all. */
  private static Code codeFor(int status) {
    return switch (status) {
      case 0 -> Code.NO_ANSWER;
      case 401, 403 -> Code.UNAUTHORIZED;
      case 404 -> Code.NOT_FOUND;
      case 429 -> Code.THROTTLED;
      default -> Code.HTTP_ERROR;
    };
  }

  /** The HTTP status of the last response, or 0 when no response was received. */
  public int status() {
    return status;
  }

  /** AEP's error code, e.g. {@code FLOW-1439-404}; empty when the body carried none. */
  public String aepCode() {
    return aepCode;
  }

  /** AEP's short description of the error; empty when the body carried none. */
  public String title() {
    return title;
  }

  /**
   * The {@code x-request-id} of the answer (or the {@code report.request-id} of its body); empty
   * when there was none.
   */
  public String requestId() {
    return requestId;
  }

  /**
   * True when the request may have reached AEP and been applied although no success was seen (a
   * timeout after sending, a dropped connection, a 5xx answer to a POST). A caller that created
   * something should look it up by name before trying again.
   */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }

  /** True for a 404 answer. */
  public boolean isNotFound() {
    return status == 404;
  }
}
