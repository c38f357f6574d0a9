package io.aepform.engine.provider.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.aepform.engine.provider.http.HttpTestSupport.MutableClock;
import io.aepform.engine.provider.http.HttpTestSupport.RecordingSleeper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
  private static final String PATH = "/data/foundation/flowservice/connections";

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = HttpTestSupport.startServer();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  /** Answers the n-th call to {@link #PATH} with the n-th response, the last one repeating. */
  private void answers(ResponseDefinitionBuilder... responses) {
    for (int i = 0; i < responses.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "call-" + i;
      var stub = any(urlEqualTo(PATH)).inScenario("calls").whenScenarioStateIs(state);
      if (i < responses.length - 1) {
        stub = stub.willSetStateTo("call-" + (i + 1));
      }
      server.stubFor(stub.willReturn(responses[i]));
    }
  }

  private static ResponseDefinitionBuilder status(int code) {
    return aResponse().withStatus(code).withHeader("Content-Type", "application/json");
  }

  private static ApiRequest post() {
    return ApiRequest.post(PATH, JsonNodeFactory.instance.objectNode().put("name", "c1"));
  }

  private PlatformClient client() {
    return HttpTestSupport.builder(server, sleeper).build();
  }

  @Test
  void getIsRetriedOn5xxWithJitteredExponentialBackoff() {
    answers(status(503), status(502), status(500), status(504), status(200).withBody("{}"));

    try (PlatformClient client = client()) {
      assertThat(client.send(ApiRequest.get(PATH)).status()).isEqualTo(200);
    }

    server.verify(5, getRequestedFor(urlEqualTo(PATH)));
    List<Duration> waits = sleeper.waits();
    assertThat(waits).hasSize(4);
    for (int i = 0; i < waits.size(); i++) {
      // full jitter: somewhere in [0, 1 s * 2^i]
      assertThat(waits.get(i)).isBetween(Duration.ZERO, Duration.ofSeconds(1L << i));
    }
  }

  @Test
  void sameSeedGivesSameWaits() {
    answers(status(503), status(503), status(200).withBody("{}"));
    try (PlatformClient client = client()) {
      client.send(ApiRequest.get(PATH));
    }
    List<Duration> first = sleeper.waits();

    server.resetAll();
    answers(status(503), status(503), status(200).withBody("{}"));
    RecordingSleeper again = new RecordingSleeper();
    try (PlatformClient client = HttpTestSupport.builder(server, again).build()) {
      client.send(ApiRequest.get(PATH));
    }
    assertThat(again.waits()).isEqualTo(first).hasSize(2);
  }

  @Test
  void retryAfterSecondsIsHonouredExactly() {
    answers(status(429).withHeader("Retry-After", "7"), status(200).withBody("{}"));

    try (PlatformClient client = client()) {
      client.send(ApiRequest.get(PATH));
    }

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterHttpDateIsHonouredAgainstTheClock() {
    Instant now = Instant.parse("2025-11-28T10:00:00Z");
    String in12s =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(12).atZone(ZoneOffset.UTC));
    answers(status(503).withHeader("Retry-After", in12s), status(200).withBody("{}"));

    try (PlatformClient client =
        HttpTestSupport.builder(server, sleeper).clock(new MutableClock(now)).build()) {
      client.send(ApiRequest.get(PATH));
    }

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void postIsRetriedOn429AndTheListenerHearsIt() {
    answers(status(429).withHeader("Retry-After", "2"), status(429), status(201).withBody("{}"));
    List<Optional<Duration>> throttles = new CopyOnWriteArrayList<>();
    List<ApiRequest> successes = new CopyOnWriteArrayList<>();
    RateListener listener =
        new RateListener() {
          @Override
          public void throttled(ApiRequest request, Optional<Duration> retryAfter) {
            throttles.add(retryAfter);
          }

          @Override
          public void succeeded(ApiRequest request) {
            successes.add(request);
          }
        };

    try (PlatformClient client =
        HttpTestSupport.builder(server, sleeper).rateListener(listener).build()) {
      assertThat(client.send(post()).status()).isEqualTo(201);
    }

    server.verify(3, postRequestedFor(urlEqualTo(PATH)));
    assertThat(throttles).containsExactly(Optional.of(Duration.ofSeconds(2)), Optional.empty());
    assertThat(successes).hasSize(1);
    assertThat(sleeper.waits().get(0)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void postIsNotRetriedOn500AndItsOutcomeIsUnknown() {
    answers(status(500).withBody("{\"type\":\"x/FLOW-1001-500\",\"title\":\"Internal error\"}"));

    try (PlatformClient client = client()) {
      assertThatThrownBy(() -> client.send(post()))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.outcomeUnknown()).isTrue();
                assertThat(e.status()).isEqualTo(500);
                assertThat(e.aepCode()).isEqualTo("FLOW-1001-500");
              })
          .hasMessageStartingWith("AEP failed POST " + PATH + ": 500 FLOW-1001-500 Internal error.")
          .hasMessageContaining("look the object up by name");
    }
    server.verify(1, postRequestedFor(urlEqualTo(PATH)));
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void postWhoseConnectionDropsAfterSendingIsNotRetried() {
    answers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    try (PlatformClient client = client()) {
      assertThatThrownBy(() -> client.send(post()))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.outcomeUnknown()).isTrue();
                assertThat(e.status()).isZero();
              })
          .hasMessageStartingWith("No answer from AEP to POST " + PATH);
    }
    server.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void getWhoseConnectionDropsIsRetried() {
    answers(aResponse().withFault(Fault.EMPTY_RESPONSE), status(200).withBody("{}"));

    try (PlatformClient client = client()) {
      assertThat(client.send(ApiRequest.get(PATH)).status()).isEqualTo(200);
    }
    server.verify(2, getRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void responseTimeoutOnPostIsOutcomeUnknownButOnGetIsRetried() {
    answers(status(200).withBody("{}").withFixedDelay(1_000));

    try (PlatformClient client =
        HttpTestSupport.builder(server, sleeper)
            .responseTimeout(Duration.ofMillis(150))
            .retryPolicy(
                new RetryPolicy(
                    2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)))
            .build()) {
      assertThatThrownBy(() -> client.send(post()))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
      assertThatThrownBy(() -> client.send(ApiRequest.get(PATH)))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isZero())
          .hasMessageContaining("after 2 attempts");
    }
    server.verify(1, postRequestedFor(urlEqualTo(PATH)));
    server.verify(2, getRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void spentAttemptsGiveAClearErrorWithTheLastStatus() {
    answers(
        status(503).withBody("{\"error_code\":\"503000\",\"message\":\"Service unavailable\"}"));

    try (PlatformClient client = client()) {
      assertThatThrownBy(() -> client.send(ApiRequest.get(PATH)))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.aepCode()).isEqualTo("503000");
                assertThat(e.outcomeUnknown()).isFalse();
              })
          .hasMessageMatching(
              "AEP kept failing GET "
                  + PATH
                  + ": 503 503000 Service unavailable after 6 attempts \\(\\d+\\.\\d s waited\\)\\."
                  + " Try again later\\.");
    }
    server.verify(6, getRequestedFor(urlEqualTo(PATH)));
    assertThat(sleeper.waits()).hasSize(5);
  }

  @Test
  void totalWaitBudgetIsNeverExceeded() {
    answers(status(429).withHeader("Retry-After", "25"));

    try (PlatformClient client = client()) {
      assertThatThrownBy(() -> client.send(ApiRequest.get(PATH)))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.outcomeUnknown()).isFalse())
          .hasMessageContaining("kept throttling GET " + PATH + ": 429 after 3 attempts")
          .hasMessageContaining("50.0 s waited; it asked to wait 25.0 s more")
          .hasMessageContaining("lower the parallelism");
    }
    // 25 + 25 fits in the 60 s budget, a third 25 does not
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(25), Duration.ofSeconds(25));
  }

  @Test
  void refusedConnectionIsRetriedEvenForPostAndThenReported() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RetryPolicy three =
        new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10));

    try (PlatformClient client =
        PlatformClient.builder(
                URI.create("http://127.0.0.1:" + port),
                Credentials.ofToken(HttpTestSupport.TOKEN, "k", "o@AdobeOrg"))
            .sandbox("dev")
            .sleeper(sleeper)
            .retryPolicy(three)
            .build()) {
      assertThatThrownBy(() -> client.send(post()))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.status()).isZero();
                assertThat(e.outcomeUnknown()).isFalse();
              })
          .hasMessageStartingWith("Could not get an answer from AEP for POST " + PATH)
          .hasMessageContaining("after 3 attempts");
    }
    assertThat(sleeper.waits()).hasSize(2);
  }
}
