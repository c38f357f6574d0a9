package io.aepform.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmulatorOptionsTest {
  @Test
  void localDefaultsHaveTheOneLocalClientAndNoFaults() {
    EmulatorOptions o = EmulatorOptions.localDefaults();
    assertThat(o.port()).isZero();
    assertThat(o.dataDir()).isEmpty();
    assertThat(o.clients())
        .containsExactly(
            new ClientCredentials(
                "aepform-local", "aepform-local-secret", "AEPFORMLOCAL@AdobeOrg"));
    assertThat(o.failureRate()).isZero();
    assertThat(o.createThenFailRate()).isZero();
    assertThat(o.rateLimit()).isZero();
    assertThat(o.latency()).isEqualTo(Duration.ZERO);
  }

  @Test
  void parsesEveryFlagInBothSpellings() {
    EmulatorOptions o =
        EmulatorOptions.parse(
            new String[] {
              "--port",
              "8123",
              "--data-dir=/tmp/x",
              "--client",
              "id:sec:ORG@AdobeOrg",
              "--seed",
              "9",
              "--latency-ms",
              "15",
              "--failure-rate=0.25",
              "--failure-kinds",
              "500,drop,slow",
              "--slow-ms",
              "700",
              "--retry-after",
              "3",
              "--create-then-fail-rate",
              "0.1",
              "--rate-limit",
              "20"
            });
    assertThat(o.port()).isEqualTo(8123);
    assertThat(o.dataDir()).isEqualTo(Optional.of(Path.of("/tmp/x")));
    assertThat(o.clients()).extracting(ClientCredentials::orgId).containsExactly("ORG@AdobeOrg");
    assertThat(o.seed()).isEqualTo(9);
    assertThat(o.latency()).isEqualTo(Duration.ofMillis(15));
    assertThat(o.failureRate()).isEqualTo(0.25);
    assertThat(o.failureKinds())
        .isEqualTo(Set.of(FaultKind.SERVER_ERROR, FaultKind.DROP, FaultKind.SLOW));
    assertThat(o.slowDelay()).isEqualTo(Duration.ofMillis(700));
    assertThat(o.retryAfterSeconds()).isEqualTo(3);
    assertThat(o.createThenFailRate()).isEqualTo(0.1);
    assertThat(o.rateLimit()).isEqualTo(20);
  }

  @Test
  void refusesBadFlagsWithAMessage() {
    assertThatThrownBy(() -> EmulatorOptions.parse(new String[] {"--nope", "1"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown flag --nope");
    assertThatThrownBy(() -> EmulatorOptions.parse(new String[] {"--failure-rate", "2"}))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> EmulatorOptions.parse(new String[] {"--port", "x"}))
        .hasMessageContaining("--port expects an integer");
    assertThatThrownBy(() -> EmulatorOptions.parse(new String[] {"--client", "only-id"}))
        .hasMessageContaining("ID:SECRET:ORG");
    assertThatThrownBy(() -> EmulatorOptions.parse(new String[] {"--failure-kinds", "boom"}))
        .hasMessageContaining("unknown fault kind");
    assertThatThrownBy(
            () -> EmulatorOptions.parse(new String[] {"--failure-kinds", "create-then-fail"}))
        .hasMessageContaining("failure kinds");
    assertThatThrownBy(() -> EmulatorOptions.parse(new String[] {"--seed"}))
        .hasMessageContaining("needs a value");
  }

  @Test
  void parsesTheRunFlagsAndDefaultsToTheSystemClock() {
    EmulatorOptions o =
        EmulatorOptions.parse(
            new String[] {
              "--run-duration-ms",
              "500",
              "--run-failure-rate=0.25",
              "--run-partial-failure-rate",
              "0.5",
              "--bucket-dir",
              "/tmp/bucket"
            });
    assertThat(o.runs())
        .isEqualTo(
            new RunOptions(Duration.ofMillis(500), 0.25, 0.5, Optional.of(Path.of("/tmp/bucket"))));
    assertThat(o.clock()).isEqualTo(Clock.systemUTC());
    assertThat(EmulatorOptions.localDefaults().runs()).isEqualTo(RunOptions.DEFAULTS);
    assertThat(RunOptions.DEFAULTS.duration()).isEqualTo(Duration.ofSeconds(2));
    assertThatThrownBy(
            () ->
                EmulatorOptions.parse(
                    new String[] {
                      "--run-failure-rate", "0.6", "--run-partial-failure-rate", "0.6"
                    }))
        .hasMessageContaining("must not exceed 1");
    assertThatThrownBy(() -> EmulatorOptions.parse(new String[] {"--run-duration-ms", "-1"}))
        .hasMessageContaining("must not be negative");
  }

  @Test
  void clientsNeverPrintTheirSecret() {
    assertThat(EmulatorOptions.LOCAL_CLIENT.toString()).doesNotContain("aepform-local-secret");
  }

  @Test
  void toBuilderKeepsEverything() {
    EmulatorOptions o =
        EmulatorOptions.builder()
            .seed(3)
            .rateLimit(5)
            .clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
            .runFailureRate(0.5)
            .build();
    assertThat(o.toBuilder().build()).isEqualTo(o);
  }
}
