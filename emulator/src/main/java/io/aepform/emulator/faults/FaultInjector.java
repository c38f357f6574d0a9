package io.aepform.emulator.faults;

import io.aepform.emulator.FaultKind;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Decides, per data call, which fault (if any) to inject. Reproducible: every call draws the same
 * three numbers from one seeded {@link Random} whatever the outcome, so a given seed and a given
 * sequence of calls always give the same faults. Settings may change while the emulator runs.
 */
public final class FaultInjector {
  /**
   * The faults drawn for one call. {@code createThenFail} and {@code createThenTimeout} share one
   * draw (never both), so adding the second kept every seed's sequence as it was.
   */
  public record Roll(FaultKind before, boolean createThenFail, boolean createThenTimeout) {}

  private Random random;
  private Duration latency;
  private double failureRate;
  private List<FaultKind> kinds;
  private Duration slowDelay;
  private int retryAfterSeconds;
  private double createThenFailRate;
  private double createThenTimeoutRate;
  private Duration timeoutDelay;
  private double rateLimit;
  private final ArrayDeque<Long> recent = new ArrayDeque<>();

  public FaultInjector(long seed) {
    reset(seed);
  }

  /** Back to no faults, with a fresh random sequence from {@code seed}. */
  public synchronized void reset(long seed) {
    random = new Random(seed);
    latency = Duration.ZERO;
    failureRate = 0;
    kinds = List.of(FaultKind.SERVER_ERROR, FaultKind.TOO_MANY_REQUESTS, FaultKind.DROP);
    slowDelay = Duration.ofSeconds(2);
    retryAfterSeconds = 1;
    createThenFailRate = 0;
    createThenTimeoutRate = 0;
    timeoutDelay = Duration.ofSeconds(60);
    rateLimit = 0;
    recent.clear();
  }

  public synchronized Roll roll() {
    double failure = random.nextDouble();
    int kindIndex = random.nextInt(1 << 16);
    double ctf = random.nextDouble();
    FaultKind before = failure < failureRate ? kinds.get(kindIndex % kinds.size()) : FaultKind.NONE;
    boolean fail = ctf < createThenFailRate;
    boolean timeout = !fail && ctf < createThenFailRate + createThenTimeoutRate;
    return new Roll(before, fail, timeout);
  }

  /** Records a call; true if it is above the rate limit and must be refused. */
  public synchronized boolean overRateLimit(long nowNanos) {
    if (rateLimit <= 0) {
      return false;
    }
    while (!recent.isEmpty() && nowNanos - recent.peekFirst() >= 1_000_000_000L) {
      recent.pollFirst();
    }
    if (recent.size() >= rateLimit) {
      return true;
    }
    recent.addLast(nowNanos);
    return false;
  }

  public synchronized Duration latency() {
    return latency;
  }

  public synchronized Duration slowDelay() {
    return slowDelay;
  }

  public synchronized int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public synchronized void setLatency(Duration latency) {
    this.latency = nonNegative(latency);
  }

  public synchronized void setFailureRate(double rate) {
    this.failureRate = fraction(rate, "failure rate");
  }

  public synchronized void setFailureKinds(Set<FaultKind> kinds) {
    EnumSet<FaultKind> allowed =
        EnumSet.of(
            FaultKind.SERVER_ERROR, FaultKind.TOO_MANY_REQUESTS, FaultKind.DROP, FaultKind.SLOW);
    if (kinds.isEmpty() || !allowed.containsAll(kinds)) {
      throw new IllegalArgumentException("failure kinds must be a non-empty subset of " + allowed);
    }
    this.kinds = List.copyOf(EnumSet.copyOf(kinds));
  }

  public synchronized void setSlowDelay(Duration delay) {
    this.slowDelay = nonNegative(delay);
  }

  public synchronized void setRetryAfterSeconds(int seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("Retry-After must be >= 0");
    }
    this.retryAfterSeconds = seconds;
  }

  public synchronized void setCreateThenFailRate(double rate) {
    this.createThenFailRate = fraction(rate, "create-then-fail rate");
  }

  public synchronized void setCreateThenTimeoutRate(double rate) {
    this.createThenTimeoutRate = fraction(rate, "create-then-timeout rate");
  }

  /** How long a create-then-timeout call waits before its 504, like AEP's gateway (60 s). */
  public synchronized void setTimeoutDelay(Duration delay) {
    this.timeoutDelay = nonNegative(delay);
  }

  public synchronized Duration timeoutDelay() {
    return timeoutDelay;
  }

  /** Requests per second over a sliding one-second window; 0 turns the limit off. */
  public synchronized void setRateLimit(double perSecond) {
    if (perSecond < 0) {
      throw new IllegalArgumentException("rate limit must be >= 0");
    }
    this.rateLimit = perSecond;
    recent.clear();
  }

  private static double fraction(double v, String what) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(what + " must be between 0 and 1, got " + v);
    }
    return v;
  }

  private static Duration nonNegative(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + d);
    }
    return d;
  }
}
