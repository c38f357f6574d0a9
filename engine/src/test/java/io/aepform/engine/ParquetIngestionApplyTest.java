package io.aepform.engine;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.aepform.engine.ParquetIngestionStubs.DATASETS;
import static io.aepform.engine.ParquetIngestionStubs.FS;
import static io.aepform.engine.ParquetIngestionStubs.SCHEMAS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.aepform.engine.apply.ApplyListener;
import io.aepform.engine.apply.ApplyResult;
import io.aepform.engine.manifest.VariableValues;
import io.aepform.engine.plan.Plan;
import io.aepform.engine.provider.OpenApiValidation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3: {@code apply} of examples/parquet-ingestion against an empty sandbox (WireMock) sends
 * the tutorial's seven creates, in dependency order, with the AEP headers and the checked-in golden
 * bodies; every request validates against Adobe's OpenAPI specs up to {@link
 * io.aepform.engine.provider.ApiDeviations}; a second plan has nothing to do and writes nothing.
 *
 * <p>Regenerate the golden bodies with {@code -Daepform.golden.update=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParquetIngestionApplyTest {
  private static final Path EXAMPLE = Path.of("../examples/parquet-ingestion");
  private static final Path GOLDEN = Path.of("src/test/resources/requests/parquet-ingestion");
  private static final boolean UPDATE = Boolean.getBoolean("aepform.golden.update");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.test-token";
  private static final String API_KEY = "acme-client-id";
  private static final String ORG = "0A1B2C3D4E5F60718293A4B5@AdobeOrg";
  private static final String S3_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  /** 2026-01-15T10:00:00Z: the flow's scheduleParams.startTime is this, in epoch seconds. */
  private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

  /** The tutorial's creates: golden file, collection path and the name that tells it apart. */
  private record Create(String golden, String path, String name, List<String> needs) {}

  private static final List<Create> TUTORIAL =
      List.of(
          new Create("01-connection", FS + "/connections", "S3 Base Connection", List.of()),
          new Create("02-schema", SCHEMAS, "Sample Demo Profile XDM", List.of()),
          new Create(
              "03-sourceConnection",
              FS + "/sourceConnections",
              "Source Connection S3",
              List.of("01-connection", "02-schema")),
          new Create("04-dataset", DATASETS, "Leads Dataset", List.of("02-schema")),
          new Create("05-connection", FS + "/connections", "Dataset Base Connection", List.of()),
          new Create(
              "06-targetConnection",
              FS + "/targetConnections",
              "Target Connection",
              List.of("02-schema", "04-dataset", "05-connection")),
          new Create(
              "07-flow",
              FS + "/flows",
              "Demo Parquet Ingestion Flow",
              List.of("03-sourceConnection", "06-targetConnection")));

  @TempDir static Path dir;
  private WireMockServer server;
  private Engine engine;
  private ConfigRequest config;
  private ApplyResult result;

  /** Every request of the apply, in the order the server received them. */
  private List<LoggedRequest> applied;

  @BeforeAll
  void applyTheExample() throws IOException {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    ParquetIngestionStubs.emptySandbox(server);
    RecordedRequests.copyConfiguration(EXAMPLE, dir);
    Map<String, String> env =
        Map.of(
            "AEP_PLATFORM_URL", "http://localhost:" + server.port(),
            "AEP_ACCESS_TOKEN", TOKEN,
            "AEP_API_KEY", API_KEY,
            "AEP_ORG_ID", ORG,
            "S3_ACCESS_KEY", "AKIAIOSFODNN7EXAMPLE",
            "S3_SECRET_KEY", S3_SECRET);
    engine =
        new Engine(
            new EngineSettings(
                env, LocalPlatform.none(), Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC)));
    config = new ConfigRequest(dir, "dev", VariableValues.Inputs.none());
    result =
        engine.apply(
            new ApplyRequest(
                config,
                new PlanOptions(true),
                4,
                Duration.ZERO,
                plan -> true,
                ApplyListener.none(),
                new AtomicBoolean()));
    applied = journal();
  }

  @AfterAll
  void stop() {
    server.stop();
  }

  @Test
  void applySendsExactlyTheSevenCreatesOfTheTutorial() {
    assertThat(result.failures()).isEmpty();
    assertThat(result.succeeded()).isTrue();
    assertThat(result.added()).isEqualTo(7);
    assertThat(server.findAllUnmatchedRequests()).isEmpty();
    List<String> creates =
        applied.stream()
            .filter(r -> !r.getMethod().getName().equals("GET"))
            .map(r -> r.getMethod().getName() + " " + r.getUrl())
            .toList();
    assertThat(creates)
        .containsExactlyInAnyOrder(
            "POST " + FS + "/connections",
            "POST " + FS + "/connections",
            "POST " + SCHEMAS,
            "POST " + FS + "/sourceConnections",
            "POST " + DATASETS + "?requestDataSource=true",
            "POST " + FS + "/targetConnections",
            "POST " + FS + "/flows");
    assertThat(creates().keySet())
        .containsExactlyElementsOf(TUTORIAL.stream().map(Create::golden).toList());
  }

  @Test
  void everyCallCarriesTheCredentialsSandboxAndContentType() {
    assertThat(applied).isNotEmpty();
    assertThat(applied)
        .allSatisfy(
            r -> {
              assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
              assertThat(r.getHeader("x-api-key")).isEqualTo(API_KEY);
              assertThat(r.getHeader("x-gw-ims-org-id")).isEqualTo(ORG);
              assertThat(r.getHeader("x-sandbox-name")).isEqualTo("dev");
              if (r.getBody().length > 0) {
                assertThat(r.getHeader("Content-Type")).isEqualTo("application/json");
              }
            });
  }

  @Test
  void createBodiesEqualTheGoldenRequests() throws IOException {
    for (Map.Entry<String, LoggedRequest> e : creates().entrySet()) {
      Path golden = GOLDEN.resolve(e.getKey() + ".json");
      JsonNode sent = JSON.readTree(e.getValue().getBodyAsString());
      if (UPDATE) {
        Files.createDirectories(GOLDEN);
        Files.writeString(golden, JSON.writeValueAsString(sent) + "\n");
      }
      assertThat(golden).as("golden body; regenerate with -Daepform.golden.update=true").exists();
      assertThat(sent).as(e.getKey()).isEqualTo(JSON.readTree(golden.toFile()));
    }
  }

  @Test
  void eachCreateStartsAfterTheCreatesWhoseIdsItSends() {
    Map<String, LoggedRequest> creates = creates();
    for (Create c : TUTORIAL) {
      int at = applied.indexOf(creates.get(c.golden()));
      for (String need : c.needs()) {
        assertThat(applied.indexOf(creates.get(need)))
            .as("%s is sent after %s", c.golden(), need)
            .isLessThan(at);
      }
    }
  }

  @Test
  void everyRequestValidatesAgainstAdobesOpenApiSpecs() {
    OpenApiValidation.assumeAvailable();
    List<String> problems = RecordedRequests.specProblems(applied);
    assertThat(problems).isEmpty();
  }

  @Test
  void aSecondPlanShowsNoChangesAndWritesNothing() throws IOException {
    Path state = dir.resolve(".aepform/dev.state.json");
    byte[] before = Files.readAllBytes(state);
    ParquetIngestionStubs.createdObjects(
        server, Path.of("src/test/resources/requests/parquet-ingestion"));
    int calls = server.getAllServeEvents().size();

    Plan plan = engine.plan(config, new PlanOptions(true));

    assertThat(plan.hasChanges()).as("changes: %s", plan.changes()).isFalse();
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
    assertThat(journal().subList(calls, server.getAllServeEvents().size()))
        .allSatisfy(r -> assertThat(r.getMethod().getName()).isEqualTo("GET"));
  }

  @Test
  void theS3SecretNeverReachesTheStateFile() throws IOException {
    String state = Files.readString(dir.resolve(".aepform/dev.state.json"), StandardCharsets.UTF_8);
    assertThat(state).contains(ParquetIngestionStubs.FLOW_ID).doesNotContain(S3_SECRET);
    // it was sent, once, to create the S3 base connection
    assertThat(creates().get("01-connection").getBodyAsString()).contains(S3_SECRET);
  }

  /** The creates of the apply by golden file name, in tutorial order. */
  private Map<String, LoggedRequest> creates() {
    Map<String, LoggedRequest> out = new LinkedHashMap<>();
    for (Create c : TUTORIAL) {
      List<LoggedRequest> matching =
          applied.stream()
              .filter(r -> r.getMethod().getName().equals("POST"))
              .filter(r -> r.getUrl().split("\\?")[0].equals(c.path()))
              .filter(r -> name(r).equals(c.name()))
              .toList();
      if (matching.size() != 1) {
        fail("expected one create of " + c.golden() + ", got " + matching.size());
      }
      out.put(c.golden(), matching.get(0));
    }
    return out;
  }

  private static String name(LoggedRequest r) {
    try {
      JsonNode body = JSON.readTree(r.getBodyAsString());
      return body.has("title") ? body.path("title").asText() : body.path("name").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<LoggedRequest> journal() {
    return RecordedRequests.journal(server);
  }
}
