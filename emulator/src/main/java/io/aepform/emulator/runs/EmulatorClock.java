package io.aepform.emulator.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The platform's time: a base clock plus an offset that tests move forward, so that schedules, runs
 * and timestamps can be driven without waiting. Time never goes backwards through it.
 */
public final class EmulatorClock extends Clock {
  private final Clock base;
  private final AtomicLong offsetMillis;

  public EmulatorClock(Clock base) {
    this(base, new AtomicLong());
  }

  private EmulatorClock(Clock base, AtomicLong offsetMillis) {
    this.base = base;
    this.offsetMillis = offsetMillis;
  }

  /** Moves this clock (and every clock derived from it) forward. */
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward, got " + by);
    }
    offsetMillis.addAndGet(by.toMillis());
  }

  @Override
  public Instant instant() {
    return base.instant().plusMillis(offsetMillis.get());
  }

  @Override
  public long millis() {
    return base.millis() + offsetMillis.get();
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EmulatorClock(base.withZone(zone), offsetMillis);
  }
}
