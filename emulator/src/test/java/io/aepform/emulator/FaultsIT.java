package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.FS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults on demand: reproducible from a seed, changeable while running. */
class FaultsIT {
  private static final String ORG = "AEPFORMLOCAL@AdobeOrg";
  private Emulator emulator;
  private TestClient client;

  @BeforeEach
  void start() {
    emulator = Emulator.start(EmulatorOptions.localDefaults());
    client = TestClient.local(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private FaultKind lastFault() {
    List<RequestLogEntry> log = emulator.requestLog();
    return log.get(log.size() - 1).fault();
  }

  @Test
  void failureRateAnswers500InTheGatewayFormatWithoutDoingAnything() {
    emulator.setFailureRate(1);
    emulator.setFailureKinds(Set.of(FaultKind.SERVER_ERROR));
    TestClient.Res r = client.post(FS + "/connections", Fixtures.lakeConnection("x"));
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.json().get("error_code").asText()).isEqualTo("500000");
    assertThat(emulator.count(ResourceKind.CONNECTION, ORG, "prod")).isZero();
    assertThat(lastFault()).isEqualTo(FaultKind.SERVER_ERROR);
  }

  @Test
  void tooManyRequestsCarriesRetryAfter() {
    emulator.setFailureRate(1);
    emulator.setFailureKinds(Set.of(FaultKind.TOO_MANY_REQUESTS));
    emulator.setRetryAfterSeconds(7);
    TestClient.Res r = client.get(FS + "/flows");
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.header("Retry-After")).isEqualTo("7");
  }

  @Test
  void dropClosesTheConnectionWithoutAnAnswer() {
    emulator.setFailureRate(1);
    emulator.setFailureKinds(Set.of(FaultKind.DROP));
    assertThatThrownBy(() -> client.get(FS + "/flows")).isInstanceOf(UncheckedIOException.class);
    RequestLogEntry e = emulator.requestLog().get(0);
    assertThat(e.status()).isZero();
    assertThat(e.fault()).isEqualTo(FaultKind.DROP);
  }

  @Test
  void slowAndLatencyDelayTheAnswer() {
    emulator.setFailureRate(1);
    emulator.setFailureKinds(Set.of(FaultKind.SLOW));
    emulator.setSlowDelay(Duration.ofMillis(300));
    long t0 = System.nanoTime();
    assertThat(client.get(FS + "/flows").status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));

    emulator.setFailureRate(0);
    emulator.setLatency(Duration.ofMillis(200));
    t0 = System.nanoTime();
    assertThat(client.get(FS + "/flows").status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void createThenFailCreatesTheObjectButAnswers500() {
    emulator.setCreateThenFailRate(1);
    TestClient.Res r = client.post(FS + "/connections", Fixtures.lakeConnection("Ghost"));
    assertThat(r.status()).isEqualTo(500);
    assertThat(lastFault()).isEqualTo(FaultKind.CREATE_THEN_FAIL);
    assertThat(emulator.count(ResourceKind.CONNECTION, ORG, "prod")).isEqualTo(1);
    assertThat(client.get(FS + "/connections?property=name==Ghost").json().get("items")).hasSize(1);
  }

  @Test
  void rateLimitAnswers429AboveTheLimit() {
    emulator.setRateLimit(3);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      TestClient.Res r = client.get(FS + "/flows");
      statuses.add(r.status());
      if (r.status() == 429) {
        assertThat(r.header("Retry-After")).isEqualTo("1");
      }
    }
    // the window slides with wall time, so a slow machine may let a few more through
    assertThat(statuses.subList(0, 3)).containsOnly(200);
    assertThat(statuses).contains(429).containsOnly(200, 429);
    assertThat(emulator.requestLog())
        .filteredOn(e -> e.status() == 429)
        .allMatch(e -> e.fault() == FaultKind.RATE_LIMITED);
  }

  @Test
  void theSameSeedGivesTheSameFaults() {
    List<Integer> first = statuses(7);
    assertThat(statuses(7)).isEqualTo(first).contains(200).contains(500);
    assertThat(statuses(8)).isNotEqualTo(first);
  }

  private static List<Integer> statuses(long seed) {
    EmulatorOptions options =
        EmulatorOptions.builder()
            .seed(seed)
            .failureRate(0.5)
            .failureKinds(Set.of(FaultKind.SERVER_ERROR, FaultKind.TOO_MANY_REQUESTS))
            .build();
    try (Emulator e = Emulator.start(options)) {
      TestClient c = TestClient.local(e);
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        out.add(c.get(FS + "/flows").status());
      }
      return out;
    }
  }

  @Test
  void startOptionsApplyAndResetRestoresThem() {
    try (Emulator e =
        Emulator.start(
            EmulatorOptions.builder()
                .failureRate(1)
                .failureKinds(Set.of(FaultKind.SERVER_ERROR))
                .build())) {
      TestClient c = TestClient.local(e);
      assertThat(c.get(FS + "/flows").status()).isEqualTo(500);
      e.setFailureRate(0);
      assertThat(c.get(FS + "/flows").status()).isEqualTo(200);
      e.resetFaults();
      assertThat(c.get(FS + "/flows").status()).isEqualTo(500);
    }
  }

  @Test
  void imsIsNeverFaulted() {
    emulator.setFailureRate(1);
    emulator.setFailureKinds(Set.of(FaultKind.SERVER_ERROR));
    TestClient.Res r =
        client
            .with("Content-Type", "application/x-www-form-urlencoded")
            .post(
                "/ims/token/v3",
                "grant_type=client_credentials&client_id=aepform-local&client_secret=aepform-local-secret&scope=openid");
    assertThat(r.status()).isEqualTo(200);
  }
}
