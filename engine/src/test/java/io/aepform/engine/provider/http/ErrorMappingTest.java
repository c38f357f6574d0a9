package io.aepform.engine.provider.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.aepform.engine.provider.http.HttpTestSupport.RecordingSleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a user reads when AEP says no, for each service's error format. */
class ErrorMappingTest {
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

  private ApiException failure(int status, String file, ApiRequest request) {
    server.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBodyFile(file)));
    try {
      client.send(request);
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("no ApiException");
  }

  @Test
  void flowService() {
    ApiException e =
        failure(
            400,
            "flow-error-1418.json",
            ApiRequest.delete("/data/foundation/flowservice/connections/c1"));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.aepCode()).isEqualTo("FLOW-1418-400");
    assertThat(e.title()).isEqualTo("Connection in use");
    assertThat(e.outcomeUnknown()).isFalse();
    assertThat(e)
        .hasMessage(
            "AEP rejected DELETE /data/foundation/flowservice/connections/c1: 400 FLOW-1418-400"
                + " Connection in use: The connection is used by 2 flows.");
  }

  /** Issue 16 item 11: the report's detailed message and the request id Adobe support asks for. */
  @Test
  void flowServiceKeepsTheDetailedMessageAndTheRequestIdHeader() {
    server.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-request-id", "VfbSmHyqkTDGgvZyQZrOHWIMasuyf0Xk")
                    .withBodyFile("flow-error-labels-404.json")));

    ApiException e =
        assertThrows(() -> client.send(ApiRequest.get("/data/foundation/flowservice/flows/9a8b")));

    assertThat(e.requestId()).isEqualTo("VfbSmHyqkTDGgvZyQZrOHWIMasuyf0Xk");
    assertThat(e)
        .hasMessage(
            "AEP rejected GET /data/foundation/flowservice/flows/9a8b: 404 FLOW-1439-404 Resource"
                + " not found: The requested flows resource 9a8b is not found. Verify the resource"
                + " ID before trying again. (x-request-id: VfbSmHyqkTDGgvZyQZrOHWIMasuyf0Xk)");
  }

  @Test
  void withoutTheHeaderTheReportsRequestIdIsNamed() {
    ApiException e =
        failure(
            404,
            "flow-error-labels-404.json",
            ApiRequest.get("/data/foundation/flowservice/flows/9a8b"));

    assertThat(e.requestId()).isEqualTo("q0gf6caRuRtX2s5khaN1Zgd1OoEXcPJA");
    assertThat(e).hasMessageEndingWith("(x-request-id: q0gf6caRuRtX2s5khaN1Zgd1OoEXcPJA)");
  }

  @Test
  void schemaRegistrySubErrorsAreKept() {
    ApiException e =
        failure(
            400,
            "xdm-error-sub-errors.json",
            ApiRequest.post(
                "/data/foundation/schemaregistry/tenant/fieldgroups",
                JsonNodeFactory.instance.objectNode().put("title", "Loyalty")));

    assertThat(e)
        .hasMessage(
            "AEP rejected POST /data/foundation/schemaregistry/tenant/fieldgroups: 400"
                + " XDM-3005-400 Import Resource Failed: Failed to import resources. (sub-errors:"
                + " XDM-1521-400 Title not unique: Object titles must be unique. An object"
                + " https://ns.adobe.com/acme/mixins/443f already exists with the same title)");
  }

  @Test
  void aServerErrorToACreateNamesItsRequestId() {
    server.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(502)
                    .withHeader("x-request-id", "gw-7Hq2")
                    .withBody("{\"error_code\":\"502000\",\"message\":\"Bad Gateway\"}")));

    ApiException e =
        assertThrows(
            () ->
                client.send(
                    ApiRequest.post(
                        "/data/foundation/flowservice/flows",
                        JsonNodeFactory.instance.objectNode().put("name", "f"))));

    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(e.requestId()).isEqualTo("gw-7Hq2");
    assertThat(e)
        .hasMessageStartingWith(
            "AEP failed POST /data/foundation/flowservice/flows: 502 502000 Bad Gateway"
                + " (x-request-id: gw-7Hq2). It may or may not have been applied");
  }

  private static ApiException assertThrows(Runnable call) {
    try {
      call.run();
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("no ApiException");
  }

  @Test
  void schemaRegistry() {
    ApiException e =
        failure(
            400,
            "xdm-error-1521.json",
            ApiRequest.post(
                "/data/foundation/schemaregistry/tenant/schemas",
                JsonNodeFactory.instance.objectNode().put("title", "Customer Events")));

    assertThat(e.aepCode()).isEqualTo("XDM-1521-400");
    assertThat(e)
        .hasMessage(
            "AEP rejected POST /data/foundation/schemaregistry/tenant/schemas: 400 XDM-1521-400"
                + " Title already in use: The title 'Customer Events' is already used by another"
                + " XDM resource.");
  }

  @Test
  void catalog() {
    ApiException e =
        failure(
            404, "catalog-error-404.json", ApiRequest.get("/data/foundation/catalog/dataSets/x"));

    assertThat(e.isNotFound()).isTrue();
    assertThat(e.aepCode()).isEqualTo("CAT-1009-404");
  }

  @Test
  void gatewayWithAFixedTokenIsNotRetriedAndSaysWhatToCheck() {
    ApiException e =
        failure(401, "gateway-401013.json", ApiRequest.get("/data/foundation/catalog/dataSets"));

    assertThat(e.aepCode()).isEqualTo("401013");
    assertThat(e)
        .hasMessage(
            "AEP rejected GET /data/foundation/catalog/dataSets: 401 401013 Oauth token is not"
                + " valid. Check the credentials: the token may have expired or been revoked.");
    assertThat(server.getAllServeEvents()).hasSize(1);
  }

  @Test
  void forbiddenPointsAtTheProductProfile() {
    server.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody("{\"error_code\":\"403003\",\"message\":\"Api Key is invalid\"}")));

    assertThatThrownBy(() -> client.send(ApiRequest.get("/data/foundation/catalog/dataSets")))
        .hasMessageStartingWith(
            "AEP rejected GET /data/foundation/catalog/dataSets: 403 403003 Api Key is invalid."
                + " Check that")
        .hasMessageContaining("product profile");
  }
}
