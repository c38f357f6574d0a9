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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request of the Profile kinds' lifecycle (identity namespaces, data types, field groups,
 * schemas enabled for Profile, descriptors, Profile datasets) validates against Adobe's OpenAPI
 * specs (schema-registry.yaml, identity-service.yaml, catalog.yaml) up to {@link
 * io.aepform.engine.provider.ApiDeviations}: apply, in-place updates of each kind, refresh, state
 * rm and import, export, disabling Profile on a dataset, destroy. As {@link LifecycleRequestsIT},
 * the engine talks to the local platform through a recording WireMock proxy.
 */
class ProfileRequestsIT {
  static final String CONFIGURATION =
      """
      kind: identityNamespace
      name: loyalty
      spec:
        name: Loyalty Member
        code: Loyalty
        idType: Cross_device
        description: loyalty program members
      ---
      kind: dataType
      name: address
      spec:
        title: Loyalty Address
        properties:
          city: {type: string}
      ---
      kind: fieldGroup
      name: loyalty
      spec:
        title: Loyalty Details
        meta:intendedToExtend: [https://ns.adobe.com/xdm/context/profile]
        definitions:
          loyalty:
            properties:
              _${platform.tenantId}:
                type: object
                properties:
                  loyaltyId: {type: string}
                  email: {type: string}
                  address: {$ref: "${dataType.address.id}"}
        allOf:
          - $ref: "#/definitions/loyalty"
      ---
      kind: schema
      name: members
      spec:
        title: Loyalty Members
        allOf:
          - $ref: https://ns.adobe.com/xdm/context/profile
          - $ref: ${fieldGroup.loyalty.id}
        meta:class: https://ns.adobe.com/xdm/context/profile
        meta:immutableTags: [union]
      ---
      kind: descriptor
      name: loyalty_id
      spec:
        "@type": xdm:descriptorIdentity
        xdm:sourceSchema: ${schema.members.id}
        xdm:sourceProperty: /_${platform.tenantId}/loyaltyId
        xdm:namespace: ${identityNamespace.loyalty.code}
        xdm:property: xdm:code
        xdm:isPrimary: true
      ---
      kind: descriptor
      name: email
      spec:
        "@type": xdm:descriptorIdentity
        xdm:sourceSchema: ${schema.members.id}
        xdm:sourceProperty: /_${platform.tenantId}/email
        xdm:namespace: Email
        xdm:property: xdm:code
        xdm:isPrimary: false
      ---
      kind: dataset
      name: members
      spec:
        name: Loyalty Members
        schemaRef:
          id: ${schema.members.id}
          contentType: application/vnd.adobe.xed-full+json;version=1
        tags:
          unifiedProfile: ["enabled:true"]
          unifiedIdentity: ["enabled:true"]
      """;

  static final String EXTRA_FIELD_GROUP =
      """
      kind: fieldGroup
      name: extra
      spec:
        title: Loyalty Extras
        meta:intendedToExtend: [https://ns.adobe.com/xdm/context/profile]
        definitions:
          extra:
            properties:
              _${platform.tenantId}:
                type: object
                properties:
                  tier: {type: string}
        allOf:
          - $ref: "#/definitions/extra"
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
    Files.createDirectories(dir.resolve("environments"));
    Files.writeString(
        dir.resolve("environments/dev.yaml"),
        "sandbox: dev\nplatform: https://platform.adobe.io\n");
    Files.writeString(dir.resolve("profile.yaml"), CONFIGURATION);
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
                EmulatorOptions.LOCAL_CLIENT.orgId()));
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
  void everyRequestOfTheProfileKindsLifecycleValidatesAgainstAdobesOpenApiSpecs()
      throws IOException {
    OpenApiValidation.assumeAvailable();

    assertDone(apply(new PlanOptions(true)), 7);
    assertThat(changes(engine.plan(config, new PlanOptions(true)))).isEmpty();

    // an in-place update of every kind; the schema gains a field group (PATCH add /allOf/-)
    edit("  description: loyalty program members", "  description: members of the program");
    edit("  title: Loyalty Address\n", "  title: Loyalty Address\n  description: where\n");
    edit(
        "            email: {type: string}\n",
        "            email: {type: string}\n            phone: {type: string}\n");
    edit(
        "    - $ref: ${fieldGroup.loyalty.id}\n",
        "    - $ref: ${fieldGroup.loyalty.id}\n    - $ref: ${fieldGroup.extra.id}\n");
    edit("  xdm:namespace: Email\n", "  xdm:namespace: Phone\n");
    edit(
        "  name: Loyalty Members\n  schemaRef",
        "  name: Loyalty Members\n  description: d\n  schemaRef");
    Files.writeString(dir.resolve("extra.yaml"), EXTRA_FIELD_GROUP);
    Map<String, Action> planned = changes(engine.plan(config, new PlanOptions(true)));
    assertThat(planned)
        .containsEntry("identityNamespace.loyalty", Action.UPDATE)
        .containsEntry("dataType.address", Action.UPDATE)
        .containsEntry("fieldGroup.loyalty", Action.UPDATE)
        .containsEntry("fieldGroup.extra", Action.CREATE)
        .containsEntry("schema.members", Action.UPDATE)
        .containsEntry("descriptor.email", Action.UPDATE)
        .containsEntry("dataset.members", Action.UPDATE)
        .hasSize(7);
    assertDone(apply(new PlanOptions(true)), 7);
    assertThat(changes(engine.plan(config, new PlanOptions(true)))).isEmpty();

    // reads: forget resources and import them again by id
    for (String address : List.of("identityNamespace.loyalty", "descriptor.email")) {
      String id = engine.state(config).orElseThrow().find(address).orElseThrow().id();
      engine.stateRemove(config, address, Duration.ofSeconds(5));
      engine.importResource(config, address, id, Duration.ofSeconds(5));
    }
    assertThat(changes(engine.plan(config, new PlanOptions(true)))).isEmpty();
    engine.export(config, exported, List.of(), false);

    // disabling Profile on the dataset, confirmed: a JSON Patch of the single tag
    edit("    unifiedProfile: [\"enabled:true\"]\n", "");
    PlanOptions confirmed =
        new PlanOptions(true, List.of(), List.of(), List.of("dataset.members"), false);
    assertThat(changes(engine.plan(config, confirmed)))
        .containsExactly(Map.entry("dataset.members", Action.UPDATE));
    assertDone(apply(confirmed), 1);

    ApplyResult destroyed = engine.destroy(request(new PlanOptions(true)));
    assertThat(destroyed.outcomes())
        .allSatisfy(o -> assertThat(o.status()).as(o.toString()).isEqualTo(Outcome.Status.DONE));

    List<LoggedRequest> sent = RecordedRequests.journal(proxy);
    Set<String> methods = new TreeSet<>();
    sent.forEach(r -> methods.add(r.getMethod().getName()));
    assertThat(methods).containsExactly("DELETE", "GET", "PATCH", "POST", "PUT");
    assertThat(sent)
        .as("the union tag and the new field group are JSON Patch additions")
        .anyMatch(r -> r.getBodyAsString().contains("\"path\":\"/meta:immutableTags\""))
        .anyMatch(r -> r.getBodyAsString().contains("\"path\":\"/allOf/-\""));
    assertThat(sent).anyMatch(r -> r.getUrl().startsWith("/data/core/idnamespace/identities/"));
    List<String> problems = RecordedRequests.specProblems(sent);
    assertThat(problems).isEmpty();
  }

  private ApplyResult apply(PlanOptions options) {
    return engine.apply(request(options));
  }

  private ApplyRequest request(PlanOptions options) {
    return new ApplyRequest(
        config,
        options,
        4,
        Duration.ofSeconds(5),
        plan -> true,
        ApplyListener.none(),
        new AtomicBoolean());
  }

  private static Map<String, Action> changes(Plan plan) {
    Map<String, Action> out = new TreeMap<>();
    for (ResourceChange c : plan.changes()) {
      if (c.action() != Action.NO_OP) {
        out.put(c.address().toString(), c.action());
      }
    }
    return out;
  }

  private static void assertDone(ApplyResult result, int changes) {
    assertThat(result.outcomes()).hasSize(changes);
    assertThat(result.outcomes())
        .allSatisfy(o -> assertThat(o.status()).as(o.toString()).isEqualTo(Outcome.Status.DONE));
  }

  private void edit(String from, String to) throws IOException {
    Path path = dir.resolve("profile.yaml");
    String text = Files.readString(path, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
  }
}
