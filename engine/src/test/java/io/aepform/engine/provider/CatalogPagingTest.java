package io.aepform.engine.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.provider.http.Credentials;
import io.aepform.engine.provider.http.PlatformClient;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Catalog lists (issue 16 item 9, catalog/api/filter-data.md): some queries answer fewer objects
 * than the limit asked, so a short page is not the last; the list ends on an empty page, and asks
 * for the fields the kind compares, in a stable order.
 */
class CatalogPagingTest {
  private static final String DATASETS = "/data/foundation/catalog/dataSets";

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
  void aShortPageIsNotTheLast() {
    page("0", "{" + dataset("a") + "," + dataset("b") + "}");
    page("2", "{" + dataset("c") + "}");
    page("3", "{}");

    List<Remote> all = Kinds.all(Clock.systemUTC()).get(DatasetKind.KIND).list(client);

    assertThat(all).extracting(Remote::id).containsExactly("a", "b", "c");
    server.verify(
        getRequestedFor(urlPathEqualTo(DATASETS))
            .withQueryParam("orderBy", WireMock.equalTo("asc:created"))
            .withQueryParam("properties", WireMock.containing("schemaRef"))
            .withQueryParam("limit", WireMock.equalTo("100"))
            .withQueryParam("start", WireMock.equalTo("2")));
  }

  /** A platform that answered every start with the first page would otherwise loop on. */
  @Test
  void aPageWithNothingNewEndsTheList() {
    server.stubFor(
        get(urlPathEqualTo(DATASETS))
            .willReturn(json("{" + dataset("a") + "," + dataset("b") + "}")));

    List<Remote> all = Kinds.all(Clock.systemUTC()).get(DatasetKind.KIND).list(client);

    assertThat(all).extracting(Remote::id).containsExactly("a", "b");
    server.verify(2, getRequestedFor(urlPathEqualTo(DATASETS)));
  }

  private void page(String start, String body) {
    server.stubFor(
        get(urlPathEqualTo(DATASETS))
            .withQueryParam("start", WireMock.equalTo(start))
            .willReturn(json(body)));
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  /** A dataset as Catalog lists it: keyed by its id (catalog/api/filter-data.md). */
  private static String dataset(String id) {
    return "\"%s\": {\"name\": \"Dataset %s\", \"created\": 1768471200000}".formatted(id, id);
  }
}
