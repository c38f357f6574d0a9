package io.aepform.engine.provider.http;

import java.time.Duration;
import java.util.Optional;

/**
 * Told when the platform throttles (429) and when a request succeeds, so that a concurrency limiter
 * can adapt. Called from the requesting thread; implementations must be thread-safe and quick.
 */
public interface RateListener {

  /** The platform answered 429 to {@code request}, with its {@code Retry-After} if it sent one. */
  void throttled(ApiRequest request, Optional<Duration> retryAfter);

  /** {@code request} got a 2xx answer. */
  default void succeeded(ApiRequest request) {}

  /** A listener that ignores everything. */
  static RateListener none() {
    return (request, retryAfter) -> {};
  }
}
