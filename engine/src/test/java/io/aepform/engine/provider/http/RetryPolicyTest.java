package io.aepform.engine.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final RetryPolicy POLICY =
      new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(60));

  /** A random that always returns the top of the range, to see the caps. */
  private static final class Highest extends Random {
    @Override
    public double nextDouble() {
      return 0.999999;
    }
  }

  @Test
  void backoffDoublesUpToTheCap() {
    Random high = new Highest();
    long[] seconds = new long[5];
    for (int attempt = 1; attempt <= 5; attempt++) {
      seconds[attempt - 1] =
          POLICY.nextWait(attempt, Duration.ZERO, Optional.empty(), high).orElseThrow().toSeconds();
    }
    // just under 1, 2, 4, 8, 16 s
    assertThat(seconds).containsExactly(0, 1, 3, 7, 15);
    assertThat(POLICY.nextWait(5, Duration.ZERO, Optional.empty(), high).orElseThrow())
        .isLessThanOrEqualTo(Duration.ofSeconds(16));
  }

  @Test
  void perWaitCapApplies() {
    RetryPolicy many =
        new RetryPolicy(20, Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofHours(1));
    assertThat(many.nextWait(12, Duration.ZERO, Optional.empty(), new Highest()).orElseThrow())
        .isLessThanOrEqualTo(Duration.ofSeconds(20))
        .isGreaterThan(Duration.ofSeconds(19));
  }

  @Test
  void noWaitOnceAttemptsAreSpent() {
    assertThat(POLICY.nextWait(6, Duration.ZERO, Optional.empty(), new Random(1))).isEmpty();
  }

  @Test
  void backoffIsClampedToTheRemainingBudget() {
    assertThat(
            POLICY
                .nextWait(5, Duration.ofSeconds(59), Optional.empty(), new Highest())
                .orElseThrow())
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void retryAfterIsTakenAsIsWhenItFitsAndRefusedWhenItDoesNot() {
    assertThat(POLICY.nextWait(1, Duration.ZERO, Optional.of(Duration.ofSeconds(45)), new Random()))
        .contains(Duration.ofSeconds(45));
    assertThat(
            POLICY.nextWait(
                1, Duration.ofSeconds(20), Optional.of(Duration.ofSeconds(45)), new Random()))
        .isEmpty();
  }

  @Test
  void noneNeverRetries() {
    assertThat(RetryPolicy.none().nextWait(1, Duration.ZERO, Optional.empty(), new Random()))
        .isEmpty();
  }

  @Test
  void invalidPoliciesAreRejected() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new RetryPolicy(3, Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
