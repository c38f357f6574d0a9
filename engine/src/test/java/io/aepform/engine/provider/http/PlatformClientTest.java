package io.aepform.engine.provider.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.aepform.engine.provider.http.HttpTestSupport.API_KEY;
import static io.aepform.engine.provider.http.HttpTestSupport.ORG;
import static io.aepform.engine.provider.http.HttpTestSupport.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.aepform.engine.provider.http.HttpTestSupport.RecordingSleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlatformClientTest {
  private static final String FLOWS = "/data/foundation/flowservice/flows";
  private static final ObjectMapper JSON = new ObjectMapper();

  private WireMockServer server;
  private PlatformClient client;

  @BeforeEach
  void start() {
    server = HttpTestSupport.startServer();
    client = HttpTestSupport.builder(server, new RecordingSleeper()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  @Test
  void postSendsCredentialHeadersAndJsonBody() {
    server.stubFor(
        post(FLOWS)
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("ETag", "\"1a00-0000\"")
                    .withBody("{\"id\":\"9a8b\",\"etag\":\"\\\"1a00-0000\\\"\"}")));
    ObjectNode body = JSON.createObjectNode().put("name", "orders");

    HttpResult result = client.send(ApiRequest.post(FLOWS, body));

    assertThat(result.status()).isEqualTo(201);
    assertThat(result.body().get("id").asText()).isEqualTo("9a8b");
    assertThat(result.etag()).contains("\"1a00-0000\"");
    server.verify(
        postRequestedFor(urlEqualTo(FLOWS))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("x-api-key", equalTo(API_KEY))
            .withHeader("x-gw-ims-org-id", equalTo(ORG))
            .withHeader("x-sandbox-name", equalTo("dev"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Accept", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"name\":\"orders\"}")));
  }

  @Test
  void getSendsNoContentTypeAndHonoursAcceptOverride() {
    server.stubFor(
        get("/data/foundation/schemaregistry/tenant/schemas/s1")
            .willReturn(aResponse().withBody("{}")));
    String accept = "application/vnd.adobe.xed+json; version=1";

    client.send(
        ApiRequest.get("/data/foundation/schemaregistry/tenant/schemas/s1")
            .withHeader("Accept", accept));

    server.verify(
        getRequestedFor(urlEqualTo("/data/foundation/schemaregistry/tenant/schemas/s1"))
            .withHeader("Accept", equalTo(accept))
            .withHeader("Content-Type", absent()));
  }

  @Test
  void contentTypeOverrideAndIfMatchAreSent() {
    String path = "/data/foundation/catalog/dataSets/ds1";
    server.stubFor(
        patch(path).willReturn(aResponse().withStatus(200).withBody("[\"@/dataSets/ds1\"]")));
    ArrayNode ops = JSON.createArrayNode();
    ops.addObject().put("op", "replace").put("path", "/name").put("value", "n2");

    client.send(
        ApiRequest.patch(path, ops)
            .withHeader("Content-Type", "application/json-patch+json")
            .withHeader("If-Match", "\"e1\""));

    server.verify(
        patchRequestedFor(urlEqualTo(path))
            .withHeader("Content-Type", equalTo("application/json-patch+json"))
            .withHeader("If-Match", equalTo("\"e1\""))
            .withRequestBody(
                equalToJson("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"n2\"}]")));
  }

  @Test
  void repeatedQueryParametersAreEncodedInOrder() {
    server.stubFor(
        get(urlPathEqualTo(FLOWS)).willReturn(aResponse().withBodyFile("flows-list.json")));

    HttpResult result =
        client.send(
            ApiRequest.get(FLOWS)
                .withQuery("property", "name==orders daily")
                .withQuery("property", "state==enabled"));

    assertThat(result.body().path("items").get(0).path("name").asText()).isEqualTo("orders");
    assertThat(server.getAllServeEvents().get(0).getRequest().getUrl())
        .isEqualTo(FLOWS + "?property=name%3D%3Dorders%20daily&property=state%3D%3Denabled");
  }

  @Test
  void encodedSegmentReachesTheServerAsOneSegment() {
    String id = ApiRequest.segment("https://ns.adobe.com/tenant/schemas/abc def");
    String path = "/data/foundation/schemaregistry/tenant/schemas/" + id;
    server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withBody("{}")));

    assertThat(client.exchange(ApiRequest.get(path)).status()).isEqualTo(200);
    assertThat(id).isEqualTo("https%3A%2F%2Fns.adobe.com%2Ftenant%2Fschemas%2Fabc%20def");
  }

  @Test
  void emptyBodyIsMissingNode() {
    server.stubFor(delete(FLOWS + "/9a8b").willReturn(aResponse().withStatus(204)));

    HttpResult result = client.send(ApiRequest.delete(FLOWS + "/9a8b"));

    assertThat(result.status()).isEqualTo(204);
    assertThat(result.body().isMissingNode()).isTrue();
    assertThat(result.etag()).isEmpty();
  }

  @Test
  void exchangeReturnsA404WhileSendThrowsItMapped() {
    server.stubFor(
        get(FLOWS + "/nope")
            .willReturn(aResponse().withStatus(404).withBodyFile("flow-error-404.json")));

    assertThat(client.exchange(ApiRequest.get(FLOWS + "/nope")).status()).isEqualTo(404);
    assertThatThrownBy(() -> client.send(ApiRequest.get(FLOWS + "/nope")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.isNotFound()).isTrue();
              assertThat(e.aepCode()).isEqualTo("FLOW-1439-404");
              assertThat(e.outcomeUnknown()).isFalse();
            })
        .hasMessage(
            "AEP rejected GET /data/foundation/flowservice/flows/nope: 404 FLOW-1439-404 Entity not"
                + " found: Flow with id 9a8b not found");
  }

  @Test
  void sendOrAbsentTurnsA404IntoEmptyAndOtherErrorsIntoExceptions() {
    server.stubFor(
        get(FLOWS + "/gone")
            .willReturn(aResponse().withStatus(404).withBodyFile("flow-error-404.json")));
    server.stubFor(get(FLOWS + "/here").willReturn(aResponse().withBodyFile("flows-list.json")));
    server.stubFor(get(FLOWS + "/bad").willReturn(aResponse().withStatus(400).withBody("{}")));

    assertThat(client.sendOrAbsent(ApiRequest.get(FLOWS + "/gone"))).isEmpty();
    assertThat(client.sendOrAbsent(ApiRequest.get(FLOWS + "/here"))).isPresent();
    assertThatThrownBy(() -> client.sendOrAbsent(ApiRequest.get(FLOWS + "/bad")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void clientRefusesToSetCredentialHeadersFromTheRequest() {
    assertThatThrownBy(
            () -> client.send(ApiRequest.get(FLOWS).withHeader("x-sandbox-name", "prod")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
