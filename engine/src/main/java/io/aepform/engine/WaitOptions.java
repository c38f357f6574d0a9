package io.aepform.engine;

import io.aepform.engine.apply.ApplyListener;
import io.aepform.error.UsageException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How {@link Engine#waitForRuns} waits: runs that start from {@code applyStarted} on count, for at
 * most {@code timeout}; progress goes to {@code listener}; {@code cancel} (Ctrl-C) stops waiting.
 */
public record WaitOptions(
    Instant applyStarted, Duration timeout, ApplyListener listener, AtomicBoolean cancel) {
  public WaitOptions {
    Objects.requireNonNull(applyStarted, "applyStarted");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(cancel, "cancel");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new UsageException(
          UsageException.Code.INVALID_ARGUMENTS, "--wait-timeout must be more than 0");
    }
  }
}
