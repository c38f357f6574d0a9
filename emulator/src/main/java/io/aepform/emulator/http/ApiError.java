package io.aepform.emulator.http;

/** Stops handling a request and answers with the given (error) response. */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient ApiResponse response;

  public ApiError(ApiResponse response) {
    super("HTTP " + response.status(), null, false, false);
    this.response = response;
  }

  public ApiResponse response() {
    return response;
  }
}
