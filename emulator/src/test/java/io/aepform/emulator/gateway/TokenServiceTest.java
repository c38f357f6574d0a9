package io.aepform.emulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.emulator.ClientCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
  private static final ClientCredentials A =
      new ClientCredentials("a", "secret-a", "ORGA@AdobeOrg");
  private static final ClientCredentials B =
      new ClientCredentials("b", "secret-b", "ORGB@AdobeOrg");
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static TokenService at(Instant instant) {
    return new TokenService(List.of(A, B), Clock.fixed(instant, ZoneOffset.UTC));
  }

  @Test
  void aTokenNamesItsClientUntilItExpires() {
    String token = at(NOW).issue(A);
    assertThat(at(NOW).verify(token)).contains(A);
    assertThat(at(NOW.plus(Duration.ofSeconds(86398))).verify(token)).contains(A);
    assertThat(at(NOW.plus(Duration.ofSeconds(86399))).verify(token)).isEmpty();
  }

  @Test
  void aTokenSignedWithAnotherSecretIsRefused() {
    String token = at(NOW).issue(A);
    TokenService otherSecret =
        new TokenService(
            List.of(new ClientCredentials("a", "changed", "ORGA@AdobeOrg")),
            Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(otherSecret.verify(token)).isEmpty();
    assertThat(at(NOW).verify(token.replace(".", "x"))).isEmpty();
    assertThat(at(NOW).verify("garbage")).isEmpty();
  }

  @Test
  void secretsAreCheckedExactly() {
    assertThat(at(NOW).authenticate("a", "secret-a")).contains(A);
    assertThat(at(NOW).authenticate("a", "secret-b")).isEmpty();
    assertThat(at(NOW).authenticate("c", "secret-a")).isEmpty();
  }
}
