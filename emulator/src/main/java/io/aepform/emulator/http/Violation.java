package io.aepform.emulator.http;

/**
 * A request that breaks one of the API's rules. Each service turns it into its own error format, so
 * rules can be checked by shared code without knowing which service they serve.
 */
public final class Violation extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Violation(String message) {
    super(message, null, false, false);
  }
}
