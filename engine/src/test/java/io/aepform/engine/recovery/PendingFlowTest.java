package io.aepform.engine.recovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 6: a flow create whose answer was lost (a gateway timeout) may show in Flow
 * Service's lists only later. The lookup is repeated with backoff until the grace period has
 * passed, and matches the flow's identity (its name and its source connections), never the name
 * alone.
 */
class PendingFlowTest {
  private static final String FLOWS = "/data/foundation/flowservice/flows";
  private static final Instant STARTED = Instant.parse("2026-01-10T10:00:00Z");
  private static final String EMPTY = "{\"items\":[]}";

  private final ObjectMapper json = new ObjectMapper();
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<String> lookedFor = new ArrayList<>();
  private WireMockServer server;
  private PlatformClient client;
  private Instant now;

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
    now = STARTED.plusSeconds(2);
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  @Test
  void aFlowTheListsShowOnlyLaterIsAdoptedWithinTheGrace() throws Exception {
    answers(EMPTY, EMPTY, items(flow("late", "src-1", STARTED.plusSeconds(1))));

    State state = resolve(Duration.ofSeconds(60));

    ResourceState adopted = state.find("flow.ingest").orElseThrow();
    assertThat(adopted.id()).isEqualTo("late");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    // said once, when the wait starts: what is looked for, and until when
    assertThat(lookedFor).containsExactly("flow.ingest until 2026-01-10T10:01:00Z");
    server.verify(
        3,
        getRequestedFor(urlPathEqualTo(FLOWS))
            .withQueryParam("property", WireMock.equalTo("name==\"Ingest\"")));
  }

  @Test
  void aFlowOfTheSameNameOnAnotherSourceIsNotOurs() throws Exception {
    answers(items(flow("other", "src-9", STARTED.plusSeconds(1))));

    State state = resolve(Duration.ofSeconds(10));

    assertThat(state.find("flow.ingest")).isEmpty();
  }

  @Test
  void nothingFoundOnceTheGraceHasPassedMeansTheCreateNeverHappened() throws Exception {
    answers(EMPTY);

    State state = resolve(Duration.ofSeconds(10));

    assertThat(state.find("flow.ingest")).isEmpty();
    assertThat(lookedFor).containsExactly("flow.ingest until 2026-01-10T10:00:10Z");
    assertThat(sleeps)
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(1));
  }

  /** The flow list answers these bodies in turn, the last one from then on. */
  private void answers(String... bodies) {
    for (int i = 0; i < bodies.length; i++) {
      server.stubFor(
          get(urlPathEqualTo(FLOWS))
              .inScenario("lag")
              .whenScenarioStateIs(step(i))
              .willSetStateTo(step(Math.min(i + 1, bodies.length - 1)))
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody(bodies[i])));
    }
  }

  private static String step(int i) {
    return i == 0 ? Scenario.STARTED : "call" + i;
  }

  private State resolve(Duration grace) throws Exception {
    ObjectNode spec =
        (ObjectNode)
            json.readTree(
                """
                {"name": "Ingest", "flowSpec": {"id": "9753525b-82c7-4dce-8a9b-5ccfce2b9876",
                  "version": "1.0"},
                 "sourceConnectionIds": ["src-1"], "targetConnectionIds": ["tgt-1"],
                 "scheduleParams": {"frequency": "minute", "interval": 15}}
                """);
    State state =
        State.empty("dev", "dev", "ORG@AdobeOrg", "test")
            .with(
                ResourceState.pendingCreate(
                    "flow.ingest",
                    "flow",
                    spec,
                    List.of(),
                    new PendingCreate("Ingest", STARTED, "run-1")));
    PendingResolver resolver =
        new PendingResolver(
            Kinds.all(Clock.systemUTC()),
            client,
            new Clock() {
              @Override
              public ZoneId getZone() {
                return ZoneOffset.UTC;
              }

              @Override
              public Clock withZone(ZoneId zone) {
                return this;
              }

              @Override
              public Instant instant() {
                return now;
              }
            },
            grace,
            d -> {
              sleeps.add(d);
              now = now.plus(d);
            },
            (address, until) -> lookedFor.add(address + " until " + until));
    for (UnaryOperator<State> edit : resolver.resolve(state)) {
      state = edit.apply(state);
    }
    return state;
  }

  private static String items(String... flows) {
    return "{\"items\":[" + String.join(",", flows) + "]}";
  }

  /** A flow as GET /flows lists it (sources/tutorials/api/update-dataflows.md). */
  private static String flow(String id, String source, Instant created) {
    return """
        {"id": "%s", "name": "Ingest", "createdAt": %d, "etag": "\\"e1\\"",
         "flowSpec": {"id": "9753525b-82c7-4dce-8a9b-5ccfce2b9876", "version": "1.0"},
         "sourceConnectionIds": ["%s"], "targetConnectionIds": ["tgt-1"],
         "scheduleParams": {"frequency": "minute", "interval": "15"}}
        """
        .formatted(id, created.toEpochMilli(), source);
  }
}
