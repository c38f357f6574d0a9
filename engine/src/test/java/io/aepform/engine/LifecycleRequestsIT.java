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
import io.aepform.engine.apply.Outcome;
import io.aepform.engine.manifest.VariableValues;
import io.aepform.engine.plan.Action;
import io.aepform.engine.plan.Plan;
import io.aepform.engine.provider.OpenApiValidation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request aepform sends in a whole lifecycle, not only the creates of the example, validates
 * against Adobe's OpenAPI specs up to {@link io.aepform.engine.provider.ApiDeviations}: apply, plan
 * with refresh, in-place updates of every kind (Flow Service and Catalog JSON Patches with their
 * headers, the schema PUT, a flow disabled through its action), state rm and import (reads), export
 * (lists) and destroy (deletes). The engine talks to the local platform through a WireMock proxy
 * that records each request as sent.
 */
class LifecycleRequestsIT {
  private static final Path EXAMPLE = Path.of("../examples/parquet-ingestion");

  @TempDir Path dir;
  @TempDir Path exported;
  private Emulator emulator;
  private WireMockServer proxy;
  private Engine engine;
  private ConfigRequest config;

  @BeforeEach
  void start() throws IOException {
    emulator = Emulator.start(EmulatorOptions.builder().build());
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
    engine = new Engine(env);
    config = new ConfigRequest(dir, "dev", VariableValues.Inputs.none());
  }

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.stop();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void everyRequestOfAWholeLifecycleValidatesAgainstAdobesOpenApiSpecs() throws IOException {
    OpenApiValidation.assumeAvailable();

    assertDone(apply(), 7);
    assertThat(engine.plan(config, new PlanOptions(true)).hasChanges()).isFalse();

    // an in-place update of every kind, and a flow disabled
    edit("schema.yaml", "  description: \"\"", "  description: Leads from S3");
    edit("connections.yaml", "  name: S3 Base Connection", "  name: S3 Base Connection 2");
    edit("connections.yaml", "  name: Dataset Base Connection", "  name: Lake Connection 2");
    edit("source.yaml", "  name: Source Connection S3", "  name: Source Connection S3 2");
    edit("target.yaml", "  name: Target Connection", "  name: Target Connection 2");
    edit("dataset.yaml", "  name: Leads Dataset", "  name: Leads Dataset 2");
    edit("flow.yaml", "    interval: 1000\n", "    interval: 1440\n");
    edit("flow.yaml", "    backfill: true\n", "    backfill: true\n  state: disabled\n");
    Plan updates = engine.plan(config, new PlanOptions(true));
    assertThat(updates.changes())
        .as("every kind updates in place")
        .allSatisfy(c -> assertThat(c.action()).isEqualTo(Action.UPDATE))
        .hasSize(7);
    assertDone(apply(), 7);
    assertThat(engine.plan(config, new PlanOptions(true)).hasChanges()).isFalse();

    // reads: forget a resource and import it again by id
    String flowId = engine.state(config).orElseThrow().find("flow.ingest").orElseThrow().id();
    engine.stateRemove(config, "flow.ingest", Duration.ofSeconds(5));
    engine.importResource(config, "flow.ingest", flowId, Duration.ofSeconds(5));
    // lists of every kind
    engine.export(config, exported, List.of(), false);

    ApplyResult destroyed = engine.destroy(request());
    assertDone(destroyed, 7);

    List<LoggedRequest> sent = RecordedRequests.journal(proxy);
    Set<String> methods = new TreeSet<>();
    sent.forEach(r -> methods.add(r.getMethod().getName()));
    assertThat(methods).containsExactly("DELETE", "GET", "PATCH", "POST", "PUT");
    assertThat(sent)
        .as("the flow was disabled through its action")
        .anyMatch(r -> r.getUrl().contains("/action?op=DISABLE"));

    List<String> problems = RecordedRequests.specProblems(sent);
    assertThat(problems).isEmpty();
    assertThat(sent.stream().filter(r -> r.getUrl().startsWith("/data/")).count())
        .isGreaterThan(30);
  }

  private ApplyResult apply() {
    return engine.apply(request());
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

  private static void assertDone(ApplyResult result, int changes) {
    assertThat(result.outcomes()).hasSize(changes);
    assertThat(result.outcomes())
        .allSatisfy(o -> assertThat(o.status()).as(o.toString()).isEqualTo(Outcome.Status.DONE));
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = dir.resolve(file);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    assertThat(text).as(file).contains(from);
    Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
  }
}
