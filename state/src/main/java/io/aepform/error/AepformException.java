package io.aepform.error;

import java.util.Locale;

/**
 * The root of every failure aepform reports to a user. The message says what went wrong, where, and
 * what to do next; it is shown on one line without a stack trace unless asked. Each domain has its
 * own subclass, whose codes are an enum of the cases a script would act on differently.
 */
public abstract class AepformException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode domain;
  private final String code;

  /** {@code reason} names the case: the code is {@code <domain>.<reason in lower case>}. */
  protected AepformException(ErrorCode domain, Enum<?> reason, String message, Throwable cause) {
    super(message, cause);
    this.domain = domain;
    this.code = domain.id() + "." + reason.name().toLowerCase(Locale.ROOT);
  }

  /** The domain, which gives the exit code. */
  public ErrorCode domain() {
    return domain;
  }

  /** The stable machine code, e.g. {@code state.locked}: the domain, a dot, the case. */
  public String code() {
    return code;
  }
}
