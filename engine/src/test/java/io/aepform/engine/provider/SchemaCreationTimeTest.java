package io.aepform.engine.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.provider.http.Credentials;
import io.aepform.engine.provider.http.PlatformClient;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * When the registry created a schema (issue 16 item 10), which pending-create recovery compares
 * with the interrupted create: Adobe's answers spell it {@code repo:createdDate} and, in some
 * examples (a create answer), {@code repo:createDate} (xdm/api/schemas.md).
 */
class SchemaCreationTimeTest {
  private static final long CREATED = 1768471200000L;

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

  @ParameterizedTest
  @ValueSource(strings = {"repo:createdDate", "repo:createDate"})
  void eitherSpellingIsTheCreationTime(String field) {
    server.stubFor(
        get(urlPathMatching("/data/foundation/schemaregistry/tenant/schemas/.*"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"$id": "https://ns.adobe.com/acme/schemas/s1",
                         "meta:altId": "_acme.schemas.s1", "title": "Leads",
                         "meta:registryMetadata": {"%s": %d}}
                        """
                            .formatted(field, CREATED))));

    Remote schema =
        Kinds.all(Clock.systemUTC())
            .get(SchemaKind.KIND)
            .read(client, "https://ns.adobe.com/acme/schemas/s1")
            .orElseThrow();

    assertThat(schema.createdAt()).isEqualTo(Instant.ofEpochMilli(CREATED));
  }
}
