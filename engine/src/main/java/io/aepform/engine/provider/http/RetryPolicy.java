package io.aepform.engine.provider.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * How hard to try: at most {@code maxAttempts} attempts per request, waiting between them by
 * exponential backoff with full jitter (a random wait in {@code [0, min(maxDelay, baseDelay *
 * 2^(n-1))]} after the n-th attempt) or, when the platform sends {@code Retry-After}, exactly that
 * long; the waits of one request never add up to more than {@code maxTotalWait}.
 */
public record RetryPolicy(
    int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotalWait) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    requireNonNegative(baseDelay, "baseDelay");
    requireNonNegative(maxDelay, "maxDelay");
    requireNonNegative(maxTotalWait, "maxTotalWait");
  }

  /** 6 attempts, backoff from 1 s capped at 20 s per wait, 60 s of waiting in total. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        6, Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(60));
  }

  /** One attempt only: nothing is retried. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /**
   * The wait before the next attempt, or empty when the attempts or the budget are spent.
   *
   * @param attemptsMade attempts made so far (1 after the first)
   * @param waited the total already waited for this request
   * @param retryAfter the platform's {@code Retry-After}, if it sent one
   */
  Optional<Duration> nextWait(
      int attemptsMade, Duration waited, Optional<Duration> retryAfter, Random random) {
    Duration remaining = maxTotalWait.minus(waited);
    if (attemptsMade >= maxAttempts || remaining.isNegative()) {
      return Optional.empty();
    }
    if (retryAfter.isPresent()) {
      // the server said when it will be ready: waiting less is pointless, so give up instead
      return retryAfter.get().compareTo(remaining) <= 0 ? retryAfter : Optional.empty();
    }
    long cap = Math.min(maxDelay.toMillis(), exponential(attemptsMade));
    long jittered = (long) (random.nextDouble() * cap);
    return Optional.of(Duration.ofMillis(Math.min(jittered, remaining.toMillis())));
  }

  private long exponential(int attemptsMade) {
    int shift = Math.min(attemptsMade - 1, 30);
    long base = baseDelay.toMillis();
    return base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
  }

  private static void requireNonNegative(Duration d, String name) {
    if (Objects.requireNonNull(d, name).isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + d);
    }
  }
}
