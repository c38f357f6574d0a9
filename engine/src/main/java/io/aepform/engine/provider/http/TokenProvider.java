package io.aepform.engine.provider.http;

import java.util.Objects;

/** Supplies the bearer token for each call. Implementations are thread-safe. */
public interface TokenProvider {

  /** A token valid for at least the next call. */
  String accessToken();

  /**
   * Says that {@code token} was refused (401) so the next {@link #accessToken()} fetches a new one;
   * returns whether a new one can be had at all.
   */
  default boolean invalidate(String token) {
    return false;
  }

  /** A token obtained elsewhere, used as is and never renewed. */
  static TokenProvider fixed(String token) {
    Objects.requireNonNull(token, "token");
    return () -> token;
  }
}
