package io.aepform.engine.apply;

import io.aepform.engine.provider.http.ApiRequest;
import io.aepform.engine.provider.http.RateListener;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@link Limiter} that adapts to throttling (AIMD): it starts at its ceiling (the {@code
 * --parallelism}); each 429 the client reports halves the limit, once per round of calls (the 429s
 * of calls already in flight when it was halved do not halve it again); each success raises it by
 * one per round ({@code 1/limit} per call), never above the ceiling, never below one. Fed by the
 * client as its {@link RateListener}.
 */
public final class AdaptiveLimiter implements Limiter, RateListener {
  private final int ceiling;
  private double limit;
  private int inFlight;

  /** Successes still to come after the last decrease before another 429 may decrease again. */
  private int holdOff;

  public AdaptiveLimiter(int ceiling) {
    if (ceiling < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, not " + ceiling);
    }
    this.ceiling = ceiling;
    this.limit = ceiling;
  }

  @Override
  public synchronized void acquire() throws InterruptedException {
    while (inFlight >= (int) limit) {
      wait();
    }
    inFlight++;
  }

  @Override
  public synchronized void release() {
    inFlight--;
    notifyAll();
  }

  @Override
  public synchronized void throttled(ApiRequest request, Optional<Duration> retryAfter) {
    if (holdOff > 0) {
      return;
    }
    limit = Math.max(1, Math.floor(limit / 2));
    // the calls in flight now were sent under the old limit: their 429s are this same signal
    holdOff = Math.max(1, inFlight);
  }

  @Override
  public synchronized void succeeded(ApiRequest request) {
    if (holdOff > 0) {
      holdOff--;
    }
    if (limit < ceiling) {
      limit = Math.min(ceiling, limit + 1 / limit);
      notifyAll();
    }
  }

  /** How many calls may run at once now. */
  public synchronized int limit() {
    return (int) limit;
  }
}
