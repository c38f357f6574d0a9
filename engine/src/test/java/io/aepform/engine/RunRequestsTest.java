package io.aepform.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.aepform.emulator.Emulator;
import io.aepform.emulator.EmulatorOptions;
import io.aepform.engine.apply.ApplyListener;
import io.aepform.engine.apply.ApplyResult;
import io.aepform.engine.manifest.VariableValues;
import io.aepform.engine.monitor.FlowStatus;
import io.aepform.engine.monitor.RunWaitResult;
import io.aepform.engine.monitor.StatusResult;
import io.aepform.engine.monitor.WaitedRun;
import io.aepform.engine.provider.OpenApiValidation;
import io.aepform.engine.runs.Run;
import io.aepform.engine.runs.RunStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status and wait-for-runs against the local platform through a recording proxy: what they find,
 * that they only read, that the runs of a flow are asked for newest first and only as many as
 * shown, and that every request validates against Adobe's flow-service.yaml.
 */
class RunRequestsTest {
  private static final Path EXAMPLE = Path.of("../examples/parquet-ingestion");

  @TempDir Path dir;
  private Emulator emulator;
  private WireMockServer proxy;
  private Engine engine;
  private ConfigRequest config;
  private final List<LoggedRequest> sent = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    emulator = Emulator.start(EmulatorOptions.builder().runDuration(Duration.ofSeconds(5)).build());
    proxy = new WireMockServer(options().dynamicPort());
    proxy.start();
    proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(emulator.baseUrl())));
    RecordedRequests.copyConfiguration(EXAMPLE, dir);
    String url = "http://localhost:" + proxy.port();
    Map<String, String> env =
        Map.of(
            "AEP_PLATFORM_URL",
            url,
            "AEP_IMS_URL",
            url,
            "AEP_CLIENT_ID",
            EmulatorOptions.LOCAL_CLIENT.clientId(),
            "AEP_CLIENT_SECRET",
            EmulatorOptions.LOCAL_CLIENT.clientSecret(),
            "AEP_ORG_ID",
            EmulatorOptions.LOCAL_CLIENT.orgId(),
            "S3_ACCESS_KEY",
            "AKIAIOSFODNN7EXAMPLE",
            "S3_SECRET_KEY",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    engine =
        new Engine(
            new EngineSettings(env, LocalPlatform.none(), Optional.empty(), Clock.systemUTC()));
    config = new ConfigRequest(dir, "dev", VariableValues.Inputs.none());
  }

  @AfterEach
  void stop() {
    proxy.stop();
    emulator.close();
  }

  @Test
  void waitsForTheFirstRunsOfCreatedAndReEnabledFlowsAndShowsThemOnlyReading() throws IOException {
    // a run long enough to be found in progress, then followed by its id
    ApplyResult created = applyAndWait(WaitedRun.Verdict.FINISHED);
    assertThat(platformCalls()).anyMatch(r -> r.getUrl().matches(".*/runs/[0-9a-f-]+$"));

    resetJournal();
    StatusResult status = engine.status(config, new StatusOptions(List.of(), 3));
    FlowStatus flow = status.flows().get(0);
    assertThat(flow.address().toString()).isEqualTo("flow.ingest");
    assertThat(flow.state()).isEqualTo(FlowStatus.State.ENABLED);
    assertThat(flow.schedule().orElseThrow().period()).contains(Duration.ofMinutes(1000));
    Instant start = flow.schedule().orElseThrow().start();
    assertThat(flow.nextRun()).contains(start.plus(Duration.ofMinutes(1000)));
    Run run = flow.latest().orElseThrow();
    assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.records().read()).hasValue(100);
    assertThat(run.records().written()).hasValue(100);
    assertThat(run.files().read()).hasValue(1);
    assertThat(status.latestFailedOrPartly()).isFalse();
    List<LoggedRequest> statusCalls = platformCalls();
    assertThat(statusCalls).allMatch(r -> r.getMethod().getName().equals("GET"));
    assertThat(statusCalls.stream().map(LoggedRequest::getUrl).filter(u -> u.contains("/runs")))
        .singleElement()
        .satisfies(
            u ->
                assertThat(u)
                    .isEqualTo(
                        "/data/foundation/flowservice/runs?property=flowId%3D%3D"
                            + flow.id()
                            + "&orderby=-createdAt&limit=3"));

    edit("flow.yaml", "    backfill: true\n", "    backfill: true\n  state: disabled\n");
    assertThat(engine.apply(request()).succeeded()).isTrue();
    FlowStatus disabled =
        engine.status(config, new StatusOptions(List.of("flow.ingest"), 5)).flows().get(0);
    assertThat(disabled.state()).isEqualTo(FlowStatus.State.DISABLED);
    assertThat(disabled.nextRun()).isEmpty();

    edit("flow.yaml", "  state: disabled\n", "");
    emulator.setRunDuration(Duration.ofMillis(300));
    applyAndWait(WaitedRun.Verdict.FINISHED);
    assertThat(engine.status(config, new StatusOptions(List.of(), 5)).flows().get(0).runs())
        .as("the re-enabled flow ran again")
        .hasSize(2);
    assertThat(created.changes()).hasSize(7);

    OpenApiValidation.assumeAvailable();
    resetJournal();
    assertThat(sent).anyMatch(r -> r.getUrl().matches(".*/runs/[0-9a-f-]+$"));
    assertThat(RecordedRequests.specProblems(sent)).isEmpty();
  }

  private ApplyResult applyAndWait(WaitedRun.Verdict expected) {
    Instant started = Instant.now();
    ApplyResult applied = engine.apply(request());
    assertThat(applied.succeeded()).isTrue();
    resetJournal();
    RunWaitResult waited =
        engine.waitForRuns(
            config,
            applied,
            new WaitOptions(
                started, Duration.ofSeconds(30), ApplyListener.none(), new AtomicBoolean()));
    assertThat(waited.flows())
        .singleElement()
        .satisfies(w -> assertThat(w.verdict()).isEqualTo(expected));
    assertThat(platformCalls()).allMatch(r -> r.getMethod().getName().equals("GET"));
    return applied;
  }

  /** Starts a new journal, keeping what was sent for the spec check at the end. */
  private void resetJournal() {
    sent.addAll(RecordedRequests.journal(proxy));
    proxy.resetRequests();
  }

  private List<LoggedRequest> platformCalls() {
    return RecordedRequests.journal(proxy).stream()
        .filter(r -> r.getUrl().startsWith("/data/"))
        .toList();
  }

  private ApplyRequest request() {
    return new ApplyRequest(
        config,
        new PlanOptions(true),
        4,
        Duration.ofSeconds(5),
        plan -> true,
        ApplyListener.none(),
        new AtomicBoolean());
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = dir.resolve(file);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    assertThat(text).as(file).contains(from);
    Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
  }
}
