package io.aepform.engine.provider.http;

import java.time.Duration;
import java.util.Optional;

/**
 * Told when the platform throttles (429) and when a request succeeds, so that a limiter can adapt.
 * Called from the requesting thread; implementations must be thread-safe and quick.
 */
public interface RateListener {

  /** The platform answered 429 to {@code request}, with its {@code Retry-After} if it sent one. */
  void throttled(ApiRequest request, Optional<Duration> retryAfter);

  /** {@code request} got a 2xx answer. */
  default void succeeded(ApiRequest request) {}

  /**
   * Waits out {@code wait} before {@code request} is sent again, by {@code sleeper}. A limiter may
   * give the caller's call slot to others meanwhile, and must hold it again when it returns or
   * throws.
   */
  default void awaitRetry(ApiRequest request, Duration wait, Sleeper sleeper)
      throws InterruptedException {
    sleeper.sleep(wait);
  }

  /** A listener that ignores everything. */
  static RateListener none() {
    return (request, retryAfter) -> {};
  }
}
