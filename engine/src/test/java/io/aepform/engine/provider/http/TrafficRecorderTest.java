package io.aepform.engine.provider.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.aepform.engine.provider.http.HttpTestSupport.RecordingSleeper;
import io.aepform.error.AepformException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 12: {@code --record-traffic} writes one redacted fixture file per exchange. */
class TrafficRecorderTest {
  private static final String CONNECTIONS = "/data/foundation/flowservice/connections";
  private static final String S3_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCY";
  private static final String ECHOED = "hunter2-registered-only";

  @TempDir Path dir;
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
        post(urlPathEqualTo(CONNECTIONS))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-request-id", "rq-create-1")
                    .withBody(
                        "{\"id\":\"c1\",\"etag\":\"\\\"e1\\\"\",\"note\":\"" + ECHOED + "\"}")));
    server.stubFor(
        get(urlPathEqualTo(CONNECTIONS + "/c1"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"items\":[{\"id\":\"c1\",\"access_token\":\"leaked-token-value\","
                            + "\"auth\":{\"specName\":\"Access Key\",\"params\":"
                            + "{\"s3AccessKey\":\"AKIAEXAMPLE\",\"s3SecretKey\":\"****\"}}}]}")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private PlatformClient client(Path into) {
    Redactor redactor = new Redactor();
    redactor.register(ECHOED);
    Credentials credentials =
        Credentials.ofClient(
            "cid-1",
            HttpTestSupport.SECRET,
            "ORG@AdobeOrg",
            "openid",
            HttpTestSupport.base(server));
    return PlatformClient.builder(HttpTestSupport.base(server), credentials)
        .sandbox("dev")
        .sleeper(new RecordingSleeper())
        .redactor(redactor)
        .recordTraffic(into)
        .build();
  }

  private void createAndRead(Path into) {
    ObjectNode body = new ObjectMapper().createObjectNode().put("name", "s3 landing");
    ObjectNode auth = body.putObject("auth").put("specName", "Access Key");
    auth.putObject("params").put("s3AccessKey", "AKIAEXAMPLE").put("s3SecretKey", S3_SECRET);
    try (PlatformClient client = client(into)) {
      client.send(ApiRequest.post(CONNECTIONS, body));
      client.send(
          ApiRequest.get(CONNECTIONS + "/c1")
              .withQuery("limit", "10")
              .withQuery("property", "name==\"x\""));
    }
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  @Test
  void oneNumberedFilePerExchangeWithoutTheTokenCall() throws IOException {
    createAndRead(dir);

    assertThat(files().stream().map(p -> p.getFileName().toString()))
        .containsExactly(
            "0001-POST-flowservice-connections.json", "0002-GET-flowservice-connections-c1.json");
    TrafficFixture create = TrafficFixture.read(files().get(0));
    assertThat(create.request().method()).isEqualTo("POST");
    assertThat(create.request().path()).isEqualTo(CONNECTIONS);
    assertThat(create.request().headers())
        .containsEntry("x-sandbox-name", "dev")
        .containsEntry("content-type", "application/json");
    assertThat(create.request().body().path("name").asText()).isEqualTo("s3 landing");
    assertThat(create.response().orElseThrow().status()).isEqualTo(201);
    assertThat(create.response().orElseThrow().headers())
        .containsEntry("x-request-id", "rq-create-1");
    assertThat(create.response().orElseThrow().body().path("id").asText()).isEqualTo("c1");
    assertThat(create.annotations().path("recorded").asText()).isNotEmpty();
    TrafficFixture read = TrafficFixture.read(files().get(1));
    assertThat(read.request().query()).isEqualTo("limit=10&property=name%3D%3D%22x%22");
  }

  @Test
  void secretsTokensAndKeysAreRedactedAsInTheTrace() throws IOException {
    createAndRead(dir);

    String all = Files.readString(files().get(0)) + Files.readString(files().get(1));
    assertThat(all)
        .doesNotContain(S3_SECRET)
        .doesNotContain(HttpTestSupport.SECRET)
        .doesNotContain("ims-token-one-7d2e")
        .doesNotContain("leaked-token-value")
        .doesNotContain(ECHOED)
        .contains("\"authorization\" : \"(sensitive)\"")
        .contains("\"x-api-key\" : \"(sensitive)\"");
    TrafficFixture create = TrafficFixture.read(files().get(0));
    assertThat(create.request().body().at("/auth/params/s3SecretKey").asText())
        .isEqualTo("(sensitive)");
    // the platform's own partial view of credentials is kept: identifiers in clear, as AEP shows
    TrafficFixture read = TrafficFixture.read(files().get(1));
    assertThat(read.response().orElseThrow().body().at("/items/0/auth/params/s3AccessKey").asText())
        .isEqualTo("AKIAEXAMPLE");
  }

  @Test
  void aSecondCommandContinuesTheNumbering() throws IOException {
    Files.writeString(dir.resolve("0041-GET-catalog-dataSets.json"), "{}");
    Files.writeString(dir.resolve("notes.md"), "mine");

    createAndRead(dir);

    assertThat(files().stream().map(p -> p.getFileName().toString()))
        .contains(
            "0042-POST-flowservice-connections.json", "0043-GET-flowservice-connections-c1.json");
  }

  @Test
  void anExchangeWithoutAnAnswerIsRecordedAsAFailure() throws IOException {
    server.stubFor(
        post(urlPathEqualTo("/data/foundation/flowservice/flows"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (PlatformClient client = client(dir)) {
      assertThatThrownBy(
              () ->
                  client.send(
                      ApiRequest.post(
                          "/data/foundation/flowservice/flows",
                          new ObjectMapper().createObjectNode().put("name", "f"))))
          .isInstanceOf(ApiException.class);
    }

    TrafficFixture fixture = TrafficFixture.read(files().get(0));
    assertThat(fixture.response()).isEmpty();
    assertThat(fixture.failure()).isNotEmpty();
  }

  @Test
  void aDirectoryThatCannotHoldFixturesIsAUsageError() throws IOException {
    Path file = Files.writeString(dir.resolve("taken"), "a file");

    assertThatThrownBy(() -> client(file.resolve("sub")))
        .isInstanceOf(AepformException.class)
        .hasMessageStartingWith("--record-traffic " + file.resolve("sub") + ": cannot write");
  }
}
