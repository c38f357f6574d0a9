package io.aepform.engine.provider.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.aepform.engine.provider.http.HttpTestSupport.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.aepform.engine.provider.http.HttpTestSupport.RecordingSleeper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TraceTest {
  private static final String CONNECTIONS = "/data/foundation/flowservice/connections";
  private static final String S3_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCY";
  private static final String UNNAMED_SECRET = "hunter2-registered-only";

  private final List<String> trace = new CopyOnWriteArrayList<>();
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = HttpTestSupport.startServer();
    server.stubFor(
        post("/ims/token/v3")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBodyFile("ims-token.json")));
    server.stubFor(
        post(urlEqualTo(CONNECTIONS))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"c1\",\"echo\":\"" + UNNAMED_SECRET + "\"}")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private String run() {
    Redactor redactor = new Redactor();
    redactor.register(UNNAMED_SECRET);
    Credentials credentials =
        Credentials.ofClient(
            "cid-1", SECRET, "ORG@AdobeOrg", "openid", HttpTestSupport.base(server));
    ObjectNode body = new ObjectMapper().createObjectNode().put("name", "s3 landing");
    ObjectNode auth = body.putObject("auth").put("specName", "Access Key");
    auth.putObject("params")
        .put("s3AccessKey", "AKIAEXAMPLE")
        .put("s3SecretKey", S3_SECRET)
        .put("note", UNNAMED_SECRET);
    try (PlatformClient client =
        PlatformClient.builder(HttpTestSupport.base(server), credentials)
            .sandbox("dev")
            .sleeper(new RecordingSleeper())
            .redactor(redactor)
            .trace(trace::add)
            .build()) {
      client.send(ApiRequest.post(CONNECTIONS, body));
    }
    return String.join("\n", trace);
  }

  @Test
  void oneEntryPerRequestAndResponseWithMethodUrlStatusAndAttempt() {
    run();

    assertThat(trace).hasSize(4);
    String base = HttpTestSupport.base(server).toString();
    assertThat(trace.get(0)).startsWith("> POST " + base + "/ims/token/v3 (attempt 1/6)");
    assertThat(trace.get(1))
        .matches("(?s)< 200 POST " + base + "/ims/token/v3 \\d+ ms \\(attempt 1\\).*");
    assertThat(trace.get(2)).startsWith("> POST " + base + CONNECTIONS + " (attempt 1/6)");
    assertThat(trace.get(3)).startsWith("< 201 POST " + base + CONNECTIONS);
    assertThat(trace.get(2)).contains("x-sandbox-name: dev", "\"specName\":\"Access Key\"");
  }

  @Test
  void knownSecretsNeverAppear() {
    String all = run();

    assertThat(all)
        .doesNotContain(SECRET)
        .doesNotContain(URLEncoder.encode(SECRET, StandardCharsets.UTF_8))
        .doesNotContain("ims-token-one-7d2e")
        .doesNotContain(S3_SECRET)
        .doesNotContain("AKIAEXAMPLE")
        .doesNotContain(UNNAMED_SECRET);
  }

  @Test
  void credentialHeadersAndFieldsAreShownAsSensitive() {
    String all = run();

    assertThat(all)
        .contains("authorization: (sensitive)")
        .contains("x-api-key: (sensitive)")
        .contains("client_secret=(sensitive)")
        .contains("\"access_token\":\"(sensitive)\"")
        .contains("\"s3SecretKey\":\"(sensitive)\"")
        .contains("\"echo\":\"(sensitive)\"")
        .contains("client_id=cid-1");
  }

  /** Issue 16 item 11: what Adobe support asks for is on the summary line of a -v trace. */
  @Test
  void anErrorAnswerShowsItsRequestIdDetailedMessageAndSubErrors() {
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(CONNECTIONS + "/c9"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-request-id", "Xr7-req-1")
                    .withBodyFile("xdm-error-sub-errors.json")));
    try (PlatformClient client =
        HttpTestSupport.builder(server, new RecordingSleeper()).trace(trace::add).build()) {
      client.exchange(ApiRequest.get(CONNECTIONS + "/c9"));
    }

    String answer = trace.get(1);
    assertThat(answer.lines().findFirst().orElseThrow())
        .matches("< 400 GET .*/c9 \\d+ ms \\(attempt 1\\) x-request-id: Xr7-req-1");
    assertThat(answer)
        .contains("\"detailed-message\":\"Failed to import resources.\"")
        .contains("\"sub-errors\":[{\"type\":\"http://ns.adobe.com/aep/errors/XDM-1521-400\"");
  }

  @Test
  void redactorMasksEncodedFormsLongestFirst() {
    Redactor redactor = new Redactor();
    redactor.register("abc");
    redactor.register("s3cr3t");
    redactor.register("s3cr3t-and-more");
    redactor.register("a\"quoted\"pass");

    assertThat(redactor.scrub("x=s3cr3t-and-more y=s3cr3t z=abc"))
        .isEqualTo("x=(sensitive) y=(sensitive) z=abc");
    assertThat(redactor.scrub("{\"p\":\"a\\\"quoted\\\"pass\"}"))
        .isEqualTo("{\"p\":\"(sensitive)\"}");
  }
}
