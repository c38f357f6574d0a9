package io.aepform.engine.apply;

import io.aepform.engine.provider.http.ApiRequest;
import io.aepform.engine.provider.http.RateListener;
import io.aepform.engine.provider.http.Sleeper;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The apply's {@link Limiter}: at most {@code --parallelism} calls at once and, once the platform
 * throttles, no faster than the rate it accepts.
 *
 * <p>Until the first 429, calls start as fast as the slots allow. A 429 sets the pace to 90% of the
 * calls that succeeded in the last second (what the platform accepted), at least one per second;
 * each success then raises it by one call per second per second (additive increase, multiplicative
 * decrease, on the rate). The 429s of calls that were already in flight when the pace was lowered
 * count as that same signal. A call waiting out a {@code Retry-After} gives its slot to others
 * meanwhile, and is paced again when it retries. Fed by the client as its {@link RateListener}.
 */
public final class AdaptiveLimiter implements Limiter, RateListener {
  private static final long SECOND = 1_000_000_000L;
  private static final double DECREASE = 0.9;
  private static final double MIN_RATE = 1;

  private final int ceiling;
  private final LongSupplier nanos;
  private final Sleeper sleeper;
  private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);
  private final ArrayDeque<Long> successes = new ArrayDeque<>();
  private int inFlight;
  private double rate = Double.POSITIVE_INFINITY;
  private long nextStart;

  /** Calls still to come back, after the last decrease, whose 429s are that same signal. */
  private int holdOff;

  public AdaptiveLimiter(int ceiling) {
    this(ceiling, System::nanoTime, Sleeper.system());
  }

  AdaptiveLimiter(int ceiling, LongSupplier nanos, Sleeper sleeper) {
    if (ceiling < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, not " + ceiling);
    }
    this.ceiling = ceiling;
    this.nanos = nanos;
    this.sleeper = sleeper;
  }

  @Override
  public void acquire() throws InterruptedException {
    long wait;
    synchronized (this) {
      while (inFlight >= ceiling) {
        wait();
      }
      inFlight++;
      wait = paced();
    }
    held.get()[0]++;
    if (wait > 0) {
      try {
        sleeper.sleep(Duration.ofNanos(wait));
      } catch (InterruptedException e) {
        release();
        throw e;
      }
    }
  }

  @Override
  public void release() {
    held.get()[0]--;
    synchronized (this) {
      inFlight--;
      notifyAll();
    }
  }

  /** Books the next start under the pace; how long the caller waits for it, in nanoseconds. */
  private long paced() {
    if (Double.isInfinite(rate)) {
      return 0;
    }
    long now = nanos.getAsLong();
    long start = Math.max(now, nextStart);
    nextStart = start + (long) (SECOND / rate);
    return start - now;
  }

  @Override
  public synchronized void throttled(ApiRequest request, Optional<Duration> retryAfter) {
    if (holdOff > 0) {
      holdOff--;
      return;
    }
    forget(nanos.getAsLong());
    double accepted = successes.size();
    rate = Math.max(MIN_RATE, Math.min(rate, accepted) * DECREASE);
    nextStart = nanos.getAsLong() + (long) (SECOND / rate);
    // the other calls in flight now were started at the old pace: their 429s are this signal
    holdOff = Math.max(0, inFlight - 1);
  }

  @Override
  public synchronized void succeeded(ApiRequest request) {
    long now = nanos.getAsLong();
    successes.addLast(now);
    forget(now);
    if (holdOff > 0) {
      holdOff--;
    }
    if (!Double.isInfinite(rate)) {
      rate += 1 / rate;
    }
  }

  @Override
  public void awaitRetry(ApiRequest request, Duration wait, Sleeper sleeper)
      throws InterruptedException {
    if (held.get()[0] == 0) {
      sleeper.sleep(wait); // not a call of the walk (e.g. a plan's list)
      return;
    }
    release();
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      // the caller releases its slot when it gives up: take it back at once
      synchronized (this) {
        inFlight++;
      }
      held.get()[0]++;
      throw e;
    }
    try {
      acquire();
    } catch (InterruptedException e) {
      synchronized (this) {
        inFlight++;
      }
      held.get()[0]++;
      throw e;
    }
  }

  private void forget(long now) {
    while (!successes.isEmpty() && now - successes.peekFirst() >= SECOND) {
      successes.pollFirst();
    }
  }

  /** Calls that may run at once. */
  public int limit() {
    return ceiling;
  }

  /** Call starts per second allowed now; infinite until the platform first throttled. */
  public synchronized double rate() {
    return rate;
  }

  /** Calls in progress now. */
  synchronized int inFlight() {
    return inFlight;
  }
}
