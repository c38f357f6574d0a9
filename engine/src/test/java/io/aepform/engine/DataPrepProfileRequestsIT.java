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
import io.aepform.engine.plan.ResourceChange;
import io.aepform.engine.provider.OpenApiValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request of a whole lifecycle of a mapping set (and the flow that uses it) and a merge
 * policy validates against data-prep.yaml, profile.yaml and flow-service.yaml up to {@link
 * io.aepform.engine.provider.ApiDeviations}: creates, Data Prep's validation at plan time, a new
 * mapping version and the flow's PATCH, the policy's PUT, refreshes, imports (reads), export
 * (lists) and destroy (the policy's DELETE; the mapping set is left). Sent through a WireMock proxy
 * to the local platform, which records them as sent.
 */
class DataPrepProfileRequestsIT {
  private static final String CONFIG =
      """
      kind: schema
      name: customers
      spec:
        title: CSV Customers
        allOf: [{$ref: "https://ns.adobe.com/xdm/context/profile"}]
        meta:class: https://ns.adobe.com/xdm/context/profile
      ---
      kind: dataset
      name: customers
      spec:
        name: CSV Customers
        schemaRef: {id: "${schema.customers.id}", contentType: "application/vnd.adobe.xed-full+json;version=1"}
      ---
      kind: connection
      name: s3
      spec:
        name: CSV Bucket
        auth: {specName: Access Key, params: {s3AccessKey: AKIAEXAMPLE, s3SecretKey: "${env.S3_SECRET}"}}
        connectionSpec: {id: amazon-s3}
      ---
      kind: connection
      name: datalake
      spec: {name: CSV Lake, connectionSpec: {id: data-lake}}
      ---
      kind: sourceConnection
      name: csv
      spec:
        name: CSV Files
        baseConnectionId: ${connection.s3.id}
        connectionSpec: {id: amazon-s3}
        data: {format: delimited, properties: {columnDelimiter: ","}}
        params: {path: crm/customers}
      ---
      kind: targetConnection
      name: customers
      spec:
        name: CSV Target
        baseConnectionId: ${connection.datalake.id}
        connectionSpec: {id: data-lake}
        data: {format: parquet_xdm, schema: {id: "${schema.customers.id}", version: "application/vnd.adobe.xed-full+json;version=1.0"}}
        params: {dataSetId: "${dataset.customers.id}"}
      ---
      kind: mappingSet
      name: customers
      spec:
        outputSchema: {schemaRef: {id: "${schema.customers.id}"}}
        mappings:
          - {sourceType: ATTRIBUTE, source: email, destination: personalEmail.address}
          - {sourceType: EXPRESSION, source: "lower(first_name)", destination: person.name.firstName}
      ---
      kind: flow
      name: csv
      spec:
        name: CSV Flow
        flowSpec: {id: cloud-storage}
        sourceConnectionIds: ["${sourceConnection.csv.id}"]
        targetConnectionIds: ["${targetConnection.customers.id}"]
        transformations:
          - name: Mapping
            params: {mappingId: "${mappingSet.customers.id}", mappingVersion: "${mappingSet.customers.version}"}
        scheduleParams: {frequency: hour, interval: 1}
      ---
      kind: mergePolicy
      name: by_dataset
      spec:
        name: CSV First
        schema: {name: _xdm.context.profile}
        identityGraph: {type: pdg}
        attributeMerge: {type: dataSetPrecedence, order: ["${dataset.customers.id}"]}
        default: true
      """;

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
    Files.writeString(dir.resolve("main.yaml"), CONFIG);
    Files.createDirectories(dir.resolve("environments"));
    Files.writeString(
        dir.resolve("environments/dev.yaml"),
        "sandbox: dev\nplatform: https://platform.adobe.io\n");
    String url = "http://localhost:" + proxy.port();
    engine =
        new Engine(
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
                "S3_SECRET",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
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
  void everyRequestOfTheLifecycleValidatesAgainstAdobesOpenApiSpecs() throws IOException {
    OpenApiValidation.assumeAvailable();

    assertDone(engine.apply(request()), 9);
    assertThat(engine.plan(config, new PlanOptions(true)).hasChanges()).isFalse();

    edit("destination: personalEmail.address", "destination: workEmail.address");
    edit("identityGraph: {type: pdg}", "identityGraph: {type: none}");
    Plan updates = engine.plan(config, new PlanOptions(true));
    assertThat(updates.changes().stream().filter(c -> c.action() == Action.UPDATE))
        .extracting(ResourceChange::address)
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("mappingSet.customers", "flow.csv", "mergePolicy.by_dataset");
    assertDone(engine.apply(request()), 3);
    assertThat(engine.plan(config, new PlanOptions(true)).hasChanges()).isFalse();

    for (String address : List.of("mappingSet.customers", "mergePolicy.by_dataset")) {
      String id = engine.state(config).orElseThrow().find(address).orElseThrow().id();
      engine.stateRemove(config, address, Duration.ofSeconds(5));
      engine.importResource(config, address, id, Duration.ofSeconds(5));
    }
    engine.export(config, exported, List.of(), false);
    ApplyResult destroyed = engine.destroy(request());
    assertDone(destroyed, 8); // the mapping set is forgotten, not deleted

    List<LoggedRequest> sent = RecordedRequests.journal(proxy);
    assertThat(sent)
        .extracting(r -> r.getMethod().getName() + " " + r.getUrl().replaceAll("\\?.*", ""))
        .contains(
            "POST /data/foundation/conversion/mappingSets/validate",
            "POST /data/core/ups/config/mergePolicies")
        .anyMatch(r -> r.matches("PUT /data/foundation/conversion/mappingSets/[0-9a-f]{32}"))
        .anyMatch(r -> r.matches("PUT /data/core/ups/config/mergePolicies/[-0-9a-f]{36}"))
        .anyMatch(r -> r.matches("DELETE /data/core/ups/config/mergePolicies/[-0-9a-f]{36}"))
        .noneMatch(r -> r.startsWith("DELETE /data/foundation/conversion"));
    assertThat(RecordedRequests.specProblems(sent)).isEmpty();
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

  private void edit(String from, String to) throws IOException {
    Path path = dir.resolve("main.yaml");
    String text = Files.readString(path);
    assertThat(text).contains(from);
    Files.writeString(path, text.replace(from, to));
  }
}
