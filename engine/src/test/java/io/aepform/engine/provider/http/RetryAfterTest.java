package io.aepform.engine.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-11-28T10:00:00Z"), ZoneOffset.UTC);

  private static Optional<Duration> parse(String value) {
    return RetryAfter.parse(Optional.of(value), CLOCK);
  }

  @Test
  void secondsDatesAndNonsense() {
    assertThat(parse("30")).contains(Duration.ofSeconds(30));
    assertThat(parse(" 0 ")).contains(Duration.ZERO);
    assertThat(parse("Fri, 28 Nov 2025 10:01:30 GMT")).contains(Duration.ofSeconds(90));
    assertThat(parse("Fri, 28 Nov 2025 09:00:00 GMT")).contains(Duration.ZERO);
    assertThat(parse("-5")).isEmpty();
    assertThat(parse("soon")).isEmpty();
    assertThat(RetryAfter.parse(Optional.empty(), CLOCK)).isEmpty();
  }
}
