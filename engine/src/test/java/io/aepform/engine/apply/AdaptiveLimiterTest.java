package io.aepform.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aepform.engine.provider.http.ApiRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdaptiveLimiterTest {
  private static final ApiRequest CALL = ApiRequest.get("/data/x");

  @Test
  void startsAtTheCeilingAndLetsThatManyCallsIn() throws InterruptedException {
    AdaptiveLimiter limiter = new AdaptiveLimiter(4);
    for (int i = 0; i < 4; i++) {
      limiter.acquire(); // would block forever if the limit were lower
    }
    assertThat(limiter.limit()).isEqualTo(4);
  }

  @Test
  void halvesOnA429AndNeverGoesBelowOne() {
    AdaptiveLimiter limiter = new AdaptiveLimiter(10);
    limiter.throttled(CALL, Optional.empty());
    assertThat(limiter.limit()).isEqualTo(5);
    for (int i = 0; i < 10; i++) {
      limiter.succeeded(CALL); // ends the hold-off, raises a little
      limiter.throttled(CALL, Optional.empty());
    }
    assertThat(limiter.limit()).isEqualTo(1);
  }

  @Test
  void the429sOfCallsAlreadyInFlightCountAsOneSignal() throws InterruptedException {
    AdaptiveLimiter limiter = new AdaptiveLimiter(8);
    for (int i = 0; i < 8; i++) {
      limiter.acquire();
    }
    limiter.throttled(CALL, Optional.empty());
    // the other seven were sent under the old limit: their 429s do not halve again
    for (int i = 0; i < 7; i++) {
      limiter.throttled(CALL, Optional.empty());
    }
    assertThat(limiter.limit()).isEqualTo(4);
  }

  @Test
  void growsByAboutOnePerRoundOfSuccessesUpToTheCeiling() {
    AdaptiveLimiter limiter = new AdaptiveLimiter(6);
    limiter.throttled(CALL, Optional.empty()); // 3
    limiter.succeeded(CALL); // ends the hold-off: 3 + 1/3
    limiter.succeeded(CALL);
    limiter.succeeded(CALL);
    limiter.succeeded(CALL); // a little over 4
    assertThat(limiter.limit()).isEqualTo(4);
    for (int i = 0; i < 100; i++) {
      limiter.succeeded(CALL);
    }
    assertThat(limiter.limit()).isEqualTo(6);
  }

  @Test
  void aReleaseAfterARaiseLetsAWaitingCallIn() throws Exception {
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
    waiting.join(); // finishes only once it got the freed permit
    assertThat(waiting.isAlive()).isFalse();
  }

  @Test
  void refusesACeilingBelowOne() {
    assertThatThrownBy(() -> new AdaptiveLimiter(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
