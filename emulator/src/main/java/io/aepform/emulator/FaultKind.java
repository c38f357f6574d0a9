package io.aepform.emulator;

import java.util.Locale;

/** What the emulator did to a call instead of (or on top of) answering it normally. */
public enum FaultKind {
  /** Answered normally. */
  NONE,
  /** Answered 500 before doing anything. */
  SERVER_ERROR,
  /** Answered 429 with Retry-After before doing anything. */
  TOO_MANY_REQUESTS,
  /** Closed the connection without a response, before doing anything. */
  DROP,
  /** Answered normally after an extra delay. */
  SLOW,
  /** Performed the create, then answered 500: the client cannot tell it succeeded. */
  CREATE_THEN_FAIL,
  /** Performed the create, waited, then answered 504 as AEP's gateway does on a timeout. */
  CREATE_THEN_TIMEOUT,
  /** Above the configured requests/second: answered 429 with Retry-After. */
  RATE_LIMITED;

  /** The flag spelling, e.g. {@code server-error}. */
  public String flagName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a flag spelling such as {@code server-error} or {@code 500}. */
  public static FaultKind parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "500":
        return SERVER_ERROR;
      case "429":
        return TOO_MANY_REQUESTS;
      default:
        for (FaultKind k : values()) {
          if (k.flagName().equals(t)) {
            return k;
          }
        }
        throw new IllegalArgumentException("unknown fault kind: " + text);
    }
  }
}
