package io.aepform.engine.recovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.aepform.engine.provider.Kinds;
import io.aepform.engine.provider.http.Credentials;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.state.PendingCreate;
import io.aepform.state.ResourceState;
import io.aepform.state.State;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A mapping set has no name and no DELETE: a create whose answer was lost is found again by its
 * content, so the next apply adopts it instead of leaving a permanent duplicate in AEP.
 */
class PendingMappingSetTest {
  private static final String LIST = "/data/foundation/conversion/mappingSets";
  private static final Instant STARTED = Instant.parse("2026-01-10T10:00:00Z");

  private final ObjectMapper json = new ObjectMapper();
  private WireMockServer server;
  private PlatformClient client;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    client =
        PlatformClient.builder(
                URI.create("http://127.0.0.1:" + server.port()),
                Credentials.ofToken("tok", "key", "ORG@AdobeOrg"))
            .sandbox("dev")
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  @Test
  void aLostCreateIsAdoptedByItsContentUnderItsLogicalName() throws Exception {
    String other = set("aaaa", "lastName", STARTED.minusSeconds(3600));
    String ours = set("bbbb", "email", STARTED.plusSeconds(1));
    server.stubFor(
        get(urlPathEqualTo(LIST))
            .withQueryParam("start", WireMock.equalTo("0"))
            .willReturn(json("{\"data\":[" + other + "," + ours + "]}")));
    server.stubFor(
        get(urlPathEqualTo(LIST))
            .withQueryParam("start", WireMock.equalTo("2"))
            .willReturn(json("{\"data\":[]}")));
    ObjectNode spec =
        (ObjectNode)
            json.readTree(
                """
                {"outputSchema": {"schemaRef": {"id": "https://ns.adobe.com/t/schemas/1",
                  "contentType": "application/vnd.adobe.xed-full+json;version=1"}},
                 "mappings": [{"sourceType": "ATTRIBUTE", "source": "email",
                  "destination": "personalEmail.address"}]}
                """);
    State state =
        State.empty("dev", "dev", "ORG@AdobeOrg", "test")
            .with(
                ResourceState.pendingCreate(
                    "mappingSet.customers",
                    "mappingSet",
                    spec,
                    List.of(),
                    new PendingCreate("customers", STARTED, "run-1")));

    PendingResolver resolver =
        new PendingResolver(
            Kinds.all(Clock.systemUTC()),
            client,
            Clock.fixed(STARTED.plusSeconds(5), ZoneOffset.UTC),
            Duration.ofSeconds(60),
            d -> {});
    for (UnaryOperator<State> edit : resolver.resolve(state)) {
      state = edit.apply(state);
    }

    ResourceState adopted = state.find("mappingSet.customers").orElseThrow();
    assertThat(adopted.id()).isEqualTo("bbbb");
    assertThat(adopted.name()).isEqualTo("customers");
    assertThat(adopted.attributes().path("version").asInt()).isZero();
  }

  private static String set(String id, String source, Instant created) {
    return """
        {"id": "%s", "version": 0, "createdDate": %d,
         "outputSchema": {"id": "x", "version": 0, "schemaRef": {
           "id": "https://ns.adobe.com/t/schemas/1",
           "contentType": "application/vnd.adobe.xed-full+json;version=1"}},
         "mappings": [{"id": "m1", "version": 0, "sourceType": "text/x.schema-path",
           "source": "%s", "destination": "personalEmail.address"}]}
        """
        .formatted(id, created.toEpochMilli(), source);
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
