package io.aepform.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aepform.engine.provider.http.ApiRequest;
import io.aepform.engine.provider.http.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdaptiveLimiterTest {
  private static final ApiRequest CALL = ApiRequest.get("/data/x");
  private static final long MS = 1_000_000L;

  /** A clock that only moves when the limiter sleeps (or the test says so). */
  private final AtomicLong now = new AtomicLong(1_000 * MS);

  private final List<Duration> sleeps = new ArrayList<>();
  private final Sleeper sleeper =
      d -> {
        sleeps.add(d);
        now.addAndGet(d.toNanos());
      };

  private AdaptiveLimiter limiter(int ceiling) {
    return new AdaptiveLimiter(ceiling, now::get, sleeper);
  }

  @Test
  void letsTheCeilingOfCallsInWithoutPacingUntilThrottled() throws InterruptedException {
    AdaptiveLimiter limiter = limiter(4);
    for (int i = 0; i < 4; i++) {
      limiter.acquire(); // would block forever if the limit were lower
    }
    assertThat(limiter.inFlight()).isEqualTo(4);
    assertThat(limiter.rate()).isInfinite();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void a429PacesAtNinetyPercentOfWhatSucceededInTheLastSecond() throws InterruptedException {
    AdaptiveLimiter limiter = limiter(10);
    for (int i = 0; i < 20; i++) {
      limiter.succeeded(CALL);
      now.addAndGet(10 * MS);
    }
    limiter.acquire();
    limiter.throttled(CALL, Optional.of(Duration.ofSeconds(1)));
    assertThat(limiter.rate()).isEqualTo(18.0);
    limiter.release();

    // ten calls now start 1/18 s apart, not at once
    long start = now.get();
    for (int i = 0; i < 10; i++) {
      limiter.acquire();
      limiter.release();
    }
    assertThat((now.get() - start) / (double) MS).isBetween(9 * 1000 / 18.0, 10 * 1000 / 18.0 + 1);
  }

  @Test
  void successesOlderThanASecondDoNotCountAndThePaceNeverFallsBelowOne()
      throws InterruptedException {
    AdaptiveLimiter limiter = limiter(10);
    for (int i = 0; i < 50; i++) {
      limiter.succeeded(CALL);
    }
    now.addAndGet(2_000 * MS);
    limiter.acquire();
    limiter.throttled(CALL, Optional.empty());
    assertThat(limiter.rate()).isEqualTo(1.0);
  }

  @Test
  void the429sOfCallsAlreadyInFlightCountAsOneSignal() throws InterruptedException {
    AdaptiveLimiter limiter = limiter(8);
    for (int i = 0; i < 10; i++) {
      limiter.succeeded(CALL);
    }
    for (int i = 0; i < 8; i++) {
      limiter.acquire();
    }
    limiter.throttled(CALL, Optional.empty());
    double paced = limiter.rate();
    for (int i = 0; i < 7; i++) {
      limiter.throttled(CALL, Optional.empty()); // started at the old pace
    }
    assertThat(limiter.rate()).isEqualTo(paced).isEqualTo(9.0);
    limiter.throttled(CALL, Optional.empty()); // a call started at the new pace: a new signal
    assertThat(limiter.rate()).isLessThan(paced);
  }

  @Test
  void eachSuccessRaisesThePaceByOnePerSecondPerSecond() throws InterruptedException {
    AdaptiveLimiter limiter = limiter(4);
    for (int i = 0; i < 10; i++) {
      limiter.succeeded(CALL);
    }
    limiter.throttled(CALL, Optional.empty()); // 9 per second
    for (int i = 0; i < 9; i++) {
      limiter.succeeded(CALL); // about a second of calls at that pace
    }
    assertThat(limiter.rate()).isBetween(9.9, 10.0);
  }

  @Test
  void aCallWaitingToRetryGivesItsSlotToOthersAndTakesOneBack() throws Exception {
    AdaptiveLimiter limiter = limiter(1);
    limiter.acquire();
    List<Integer> seen = new ArrayList<>();
    limiter.awaitRetry(
        CALL,
        Duration.ofSeconds(1),
        d -> {
          seen.add(limiter.inFlight()); // while it waits, its slot is free
          now.addAndGet(d.toNanos());
        });
    assertThat(seen).containsExactly(0);
    assertThat(limiter.inFlight()).isEqualTo(1);
    limiter.release();
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void aThreadHoldingNoSlotJustWaits() throws InterruptedException {
    AdaptiveLimiter limiter = limiter(1);
    limiter.awaitRetry(CALL, Duration.ofMillis(5), sleeper);
    assertThat(limiter.inFlight()).isZero();
    assertThat(sleeps).containsExactly(Duration.ofMillis(5));
  }

  @Test
  void anInterruptedRetryWaitStillHoldsTheSlotItsCallerReleases() throws InterruptedException {
    AdaptiveLimiter limiter = limiter(2);
    limiter.acquire();
    assertThatThrownBy(
            () ->
                limiter.awaitRetry(
                    CALL,
                    Duration.ofSeconds(1),
                    d -> {
                      throw new InterruptedException();
                    }))
        .isInstanceOf(InterruptedException.class);
    assertThat(limiter.inFlight()).isEqualTo(1);
    limiter.release();
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void aReleaseLetsAWaitingCallIn() throws Exception {
    AdaptiveLimiter limiter = new AdaptiveLimiter(2);
    limiter.acquire();
    limiter.acquire();
    Thread waiting =
        new Thread(
            () -> {
              try {
                limiter.acquire();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    waiting.start();
    limiter.release();
    waiting.join(); // finishes only once it got the freed slot
    assertThat(waiting.isAlive()).isFalse();
  }

  @Test
  void refusesACeilingBelowOne() {
    assertThatThrownBy(() -> new AdaptiveLimiter(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
