package io.aepform.engine.provider.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.aepform.engine.provider.http.HttpTestSupport.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.aepform.engine.provider.http.HttpTestSupport.MutableClock;
import io.aepform.engine.provider.http.HttpTestSupport.RecordingSleeper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImsTokenProviderTest {
  private static final String TOKEN_PATH = "/ims/token/v3";
  private static final String SCHEMAS = "/data/foundation/schemaregistry/tenant/schemas";

  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-28T10:00:00Z"));
  private WireMockServer server;
  private PlatformClient client;

  @BeforeEach
  void start() {
    server = HttpTestSupport.startServer();
    server.stubFor(get(SCHEMAS).willReturn(aResponse().withBody("{}")));
    Credentials credentials =
        Credentials.ofClient(
            "cid-1", SECRET, "ORG@AdobeOrg", "openid,AdobeID", HttpTestSupport.base(server));
    client =
        PlatformClient.builder(HttpTestSupport.base(server), credentials)
            .sandbox("dev")
            .clock(clock)
            .sleeper(new RecordingSleeper())
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  private void tokens(String... values) {
    for (int i = 0; i < values.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "token-" + i;
      server.stubFor(
          post(TOKEN_PATH)
              .inScenario("tokens")
              .whenScenarioStateIs(state)
              .willSetStateTo("token-" + (i + 1))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"access_token\":\""
                              + values[i]
                              + "\",\"token_type\":\"bearer\",\"expires_in\":86399}")));
    }
  }

  @Test
  void oneTokenServesManyCallsAndTheFormIsExact() throws Exception {
    tokens("ims-token-one");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      var calls =
          IntStream.range(0, 24)
              .mapToObj(i -> pool.submit(() -> client.send(ApiRequest.get(SCHEMAS))))
              .toList();
      for (Future<HttpResult> call : calls) {
        assertThat(call.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }

    server.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    server.verify(
        postRequestedFor(urlEqualTo(TOKEN_PATH))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withRequestBody(
                equalTo(
                    "grant_type=client_credentials&client_id=cid-1&client_secret="
                        + URLEncoder.encode(SECRET, StandardCharsets.UTF_8)
                        + "&scope=openid%2CAdobeID")));
    server.verify(
        24,
        getRequestedFor(urlEqualTo(SCHEMAS))
            .withHeader("Authorization", equalTo("Bearer ims-token-one"))
            .withHeader("x-api-key", equalTo("cid-1")));
  }

  @Test
  void tokenIsRenewedBeforeItExpires() {
    tokens("first", "second");

    client.send(ApiRequest.get(SCHEMAS));
    clock.advance(Duration.ofSeconds(86399 - 501));
    client.send(ApiRequest.get(SCHEMAS));
    clock.advance(Duration.ofSeconds(2));
    client.send(ApiRequest.get(SCHEMAS));

    server.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    server.verify(
        2,
        getRequestedFor(urlEqualTo(SCHEMAS)).withHeader("Authorization", equalTo("Bearer first")));
    server.verify(
        1,
        getRequestedFor(urlEqualTo(SCHEMAS)).withHeader("Authorization", equalTo("Bearer second")));
  }

  @Test
  void refusedTokenIsReplacedOnceAndTheCallRepeated() {
    tokens("revoked", "fresh");
    server.stubFor(
        get("/data/foundation/catalog/dataSets")
            .withHeader("Authorization", equalTo("Bearer revoked"))
            .willReturn(aResponse().withStatus(401).withBodyFile("gateway-401013.json")));
    server.stubFor(
        get("/data/foundation/catalog/dataSets")
            .withHeader("Authorization", equalTo("Bearer fresh"))
            .willReturn(aResponse().withBody("{}")));

    assertThat(client.send(ApiRequest.get("/data/foundation/catalog/dataSets")).status())
        .isEqualTo(200);
    server.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void imsRefusalNamesTheVariablesToCheckAndHidesTheSecret() {
    server.stubFor(
        post(TOKEN_PATH)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":\"invalid_client\",\"error_description\":\"invalid"
                            + " client_secret "
                            + SECRET
                            + "\"}")));

    assertThatThrownBy(() -> client.send(ApiRequest.get(SCHEMAS)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.aepCode()).isEqualTo("invalid_client");
              assertThat(e.title()).doesNotContain(SECRET);
            })
        .hasMessageStartingWith(
            "Adobe IMS refused a token for POST /ims/token/v3: 400 invalid_client")
        .hasMessageContaining("Check AEP_CLIENT_ID, AEP_CLIENT_SECRET")
        .message()
        .doesNotContain(SECRET);
  }

  @Test
  void shortLivedTokensAreRenewedAtNinetyPercent() {
    server.stubFor(
        post(TOKEN_PATH)
            .willReturn(aResponse().withBody("{\"access_token\":\"short\",\"expires_in\":100}")));

    client.send(ApiRequest.get(SCHEMAS));
    clock.advance(Duration.ofSeconds(89));
    client.send(ApiRequest.get(SCHEMAS));
    server.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    clock.advance(Duration.ofSeconds(1));
    client.send(ApiRequest.get(SCHEMAS));
    server.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }
}
