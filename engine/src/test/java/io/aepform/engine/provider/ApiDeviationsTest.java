package io.aepform.engine.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.atlassian.oai.validator.model.SimpleRequest;
import io.aepform.engine.provider.ApiDeviations.Api;
import io.aepform.engine.provider.ApiDeviations.Deviation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ApiDeviationsTest {
  private static final String FS = "/data/foundation/flowservice";
  private static final String SR = "/data/foundation/schemaregistry";
  private static final String CAT = "/data/foundation/catalog";
  private static final String UPS = "/data/core/ups";
  private static final String POLICY =
      "{\"name\":\"n\",\"schema\":{\"name\":\"_xdm.context.profile\"},"
          + "\"identityGraph\":{\"type\":\"none\"},"
          + "\"attributeMerge\":{\"type\":\"timestampOrdered\"}}";
  private static final String JSON_PATCH =
      "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"n\"}]";

  /** Adobe's identity descriptor (xdm/api/descriptors.md, "Create a descriptor"). */
  private static final String DESCRIPTOR =
      "{\"@type\":\"xdm:descriptorIdentity\",\"xdm:sourceSchema\":\"https://ns.adobe.com/acme/schemas/1\","
          + "\"xdm:sourceVersion\":1,\"xdm:sourceProperty\":\"/personalEmail/address\","
          + "\"xdm:namespace\":\"Email\",\"xdm:property\":\"xdm:code\",\"xdm:isPrimary\":false}";

  /** For each deviation that explains reports, requests that follow the live API. */
  private static final Map<String, List<SimpleRequest>> LIVE_REQUESTS =
      Map.of(
          ApiDeviations.FLOW_SERVICE_PATCH_IS_JSON_PATCH.id(),
          List.of(
              patch(FS + "/flows/f-1", "application/json", JSON_PATCH),
              patch(FS + "/connections/c-1", "application/json", JSON_PATCH),
              patch(FS + "/sourceConnections/s-1", "application/json", JSON_PATCH),
              patch(FS + "/targetConnections/t-1", "application/json", JSON_PATCH)),
          ApiDeviations.FLOW_ACTION_TAKES_OP.id(),
          List.of(
              aep(SimpleRequest.Builder.post(FS + "/flows/f-1/action"))
                  .withQueryParam("op", "ENABLE")
                  .build()),
          ApiDeviations.SCHEMA_PATCH_VALUE_IS_ANY_JSON.id(),
          List.of(
              patch(
                  SR + "/tenant/schemas/_acme.schemas.1",
                  "application/json",
                  "[{\"op\":\"add\",\"path\":\"/allOf/-\",\"value\":{\"$ref\":\"https://x\"}}]")),
          ApiDeviations.SCHEMA_REGISTRY_VENDOR_ACCEPT.id(),
          List.of(
              aep(SimpleRequest.Builder.get(SR + "/tenant/schemas"))
                  .withQueryParam("property", "title==T")
                  .withAccept("application/vnd.adobe.xed-id+json")
                  .build(),
              aep(SimpleRequest.Builder.get(SR + "/tenant/schemas/_acme.schemas.1"))
                  .withAccept("application/vnd.adobe.xed+json; version=1")
                  .build()),
          ApiDeviations.CATALOG_JSON_PATCH_CONTENT_TYPE.id(),
          List.of(patch(CAT + "/dataSets/d1", "application/json-patch+json", JSON_PATCH)),
          ApiDeviations.DATA_TYPE_PUT_DESCRIPTION_IS_TEXT.id(),
          List.of(
              aep(SimpleRequest.Builder.put(SR + "/tenant/datatypes/_acme.datatypes.1"))
                  .withContentType("application/json")
                  .withBody(
                      "{\"title\":\"Address\",\"description\":\"where\",\"type\":\"object\","
                          + "\"properties\":{\"city\":{\"type\":\"string\"}}}")
                  .build()),
          ApiDeviations.DESCRIPTOR_LIST_XDM_ACCEPT.id(),
          List.of(
              aep(SimpleRequest.Builder.get(SR + "/tenant/descriptors"))
                  .withAccept("application/vnd.adobe.xdm+json")
                  .build()),
          ApiDeviations.DESCRIPTOR_SOURCE_VERSION_IS_INTEGER.id(),
          List.of(
              aep(SimpleRequest.Builder.post(SR + "/tenant/descriptors"))
                  .withContentType("application/json")
                  .withBody(DESCRIPTOR)
                  .build(),
              aep(SimpleRequest.Builder.put(SR + "/tenant/descriptors/d1"))
                  .withContentType("application/json")
                  .withBody(DESCRIPTOR)
                  .build()),
          ApiDeviations.CATALOG_REQUEST_DATA_SOURCE.id(),
          List.of(
              aep(SimpleRequest.Builder.post(CAT + "/dataSets"))
                  .withQueryParam("requestDataSource", "true")
                  .withContentType("application/json")
                  .withBody("{\"name\":\"n\",\"schemaRef\":{\"id\":\"x\",\"contentType\":\"y\"}}")
                  .build()),
          ApiDeviations.PROFILE_INSTANCE_ID_HEADER.id(),
          List.of(
              aep(SimpleRequest.Builder.post(UPS + "/config/mergePolicies"))
                  .withContentType("application/json")
                  .withBody(POLICY)
                  .build(),
              put(UPS + "/config/mergePolicies/p-1", POLICY)));

  @Test
  void eachDeviationSaysWhereWhatTheSpecSaysAndWhatTheLiveApiDoes() {
    assertThat(ApiDeviations.all())
        .allSatisfy(
            d -> {
              assertThat(d.id()).matches("[a-z0-9-]+");
              assertThat(d.operations()).isNotEmpty().doesNotHaveDuplicates();
              assertThat(d.specSays()).isNotBlank();
              assertThat(d.liveApiDoes()).isNotBlank();
            });
    assertThat(ApiDeviations.all().stream().map(Deviation::id)).doesNotHaveDuplicates();
  }

  @Test
  void listsEveryDeviationOfTheApiNotes() {
    assertThat(ApiDeviations.all())
        .extracting(Deviation::id)
        .contains(
            "flow-service-patch-is-json-patch",
            "flow-action-takes-op",
            "connection-path-trailing-slash",
            "spec-version-is-string",
            "schema-patch-value-is-any-json",
            "schema-description-required",
            "schema-registry-vendor-accept",
            "catalog-json-patch-content-type",
            "run-activities-spelling",
            "profile-instance-id-header",
            "data-type-put-description-is-text",
            "descriptor-list-xdm-accept",
            "descriptor-source-version-is-integer",
            "descriptor-put-answers-id");
  }

  @Test
  void deviationsAreFoundByOperationOfTheirApiOnly() {
    assertThat(ApiDeviations.forOperation(Api.FLOW_SERVICE, "patchConnection"))
        .containsExactlyInAnyOrder(
            ApiDeviations.FLOW_SERVICE_PATCH_IS_JSON_PATCH,
            ApiDeviations.CONNECTION_PATH_TRAILING_SLASH);
    assertThat(ApiDeviations.forOperation(Api.SCHEMA_REGISTRY, "listSchemas"))
        .containsExactly(ApiDeviations.SCHEMA_REGISTRY_VENDOR_ACCEPT);
    assertThat(ApiDeviations.forOperation(Api.CATALOG, "patchConnection")).isEmpty();
    assertThat(ApiDeviations.forOperation(Api.FLOW_SERVICE, "listConnections")).isEmpty();
  }

  @Test
  void everyNamedOperationExistsInItsSpec() {
    OpenApiValidation validation = specsOrSkip();
    assertThat(ApiDeviations.all())
        .allSatisfy(
            d ->
                assertThat(d.operations())
                    .allSatisfy(
                        op ->
                            assertThat(validation.hasOperation(d.api(), op))
                                .as("%s names %s of %s", d.id(), op, d.api().specFile())
                                .isTrue()));
  }

  /**
   * A deviation is still needed (the spec reports the live form) and explains all the spec says
   * about it: the reports are exactly the ones it lists, and with the whitelist none remain.
   */
  @Test
  void eachDeviationExplainsExactlyWhatTheSpecReportsOnTheLiveRequest() {
    OpenApiValidation validation = specsOrSkip();
    Set<String> explaining =
        ApiDeviations.all().stream()
            .filter(d -> !d.explains().isEmpty())
            .map(Deviation::id)
            .collect(Collectors.toSet());
    assertThat(LIVE_REQUESTS.keySet()).isEqualTo(explaining);
    for (Deviation d : ApiDeviations.all()) {
      for (SimpleRequest request : LIVE_REQUESTS.getOrDefault(d.id(), List.of())) {
        List<OpenApiValidation.Reported> reports = validation.reports(d.api(), request);
        assertThat(reports)
            .as("%s: %s %s", d.id(), request.getMethod(), request.getPath())
            .isNotEmpty()
            .allSatisfy(r -> assertThat(r.explainedBy()).as(r.toString()).contains(d.id()));
        assertThat(validation.problems(d.api(), request)).as(d.id()).isEmpty();
      }
    }
  }

  @Test
  void whatADeviationExplainsIsStillReportedOnOtherOperations() {
    OpenApiValidation validation = specsOrSkip();
    // a JSON Patch array is right for patchConnection, wrong for createConnection
    SimpleRequest create =
        aep(SimpleRequest.Builder.post(FS + "/connections"))
            .withContentType("application/json")
            .withBody(JSON_PATCH)
            .build();
    assertThat(validation.problems(Api.FLOW_SERVICE, create))
        .anySatisfy(p -> assertThat(p).startsWith("createConnection: validation.request.body"));
    // the vendor Accept header is right for schemas, not for Flow Service lists
    SimpleRequest list =
        aep(SimpleRequest.Builder.get(FS + "/connections"))
            .withAccept("application/vnd.adobe.xed-id+json")
            .build();
    assertThat(validation.problems(Api.FLOW_SERVICE, list))
        .anySatisfy(p -> assertThat(p).contains("validation.request.accept.notAllowed"));
  }

  static OpenApiValidation specsOrSkip() {
    Optional<String> why = OpenApiValidation.unavailable();
    why.ifPresent(w -> System.out.println("Skipping OpenAPI validation: " + w));
    assumeTrue(why.isEmpty(), () -> "Adobe's OpenAPI specs are not available: " + why.get());
    return OpenApiValidation.load();
  }

  @Test
  void aSchemaReplacementIsCheckedThroughItsComposition() {
    OpenApiValidation validation = specsOrSkip();
    String schema = SR + "/tenant/schemas/_acme.schemas.1";
    String full =
        "{\"title\":\"T\",\"type\":\"object\",\"description\":\"\","
            + "\"allOf\":[{\"$ref\":\"https://ns.adobe.com/xdm/context/profile\"}],"
            + "\"meta:class\":\"https://ns.adobe.com/xdm/context/profile\"}";
    // replaceSchema is allOf [createSchema]: properties neither lists are allowed ...
    assertThat(validation.problems(Api.SCHEMA_REGISTRY, put(schema, full))).isEmpty();
    // ... a missing required one is still reported
    String untitled = full.replace("\"title\":\"T\",", "");
    assertThat(validation.problems(Api.SCHEMA_REGISTRY, put(schema, untitled)))
        .anySatisfy(p -> assertThat(p).contains("updateSchema").contains("title"));
  }

  private static SimpleRequest put(String path, String body) {
    return aep(SimpleRequest.Builder.put(path))
        .withContentType("application/json")
        .withBody(body)
        .build();
  }

  private static SimpleRequest patch(String path, String contentType, String body) {
    return aep(SimpleRequest.Builder.patch(path))
        .withHeader("If-Match", "\"e-1\"")
        .withContentType(contentType)
        .withBody(body)
        .build();
  }

  private static SimpleRequest.Builder aep(SimpleRequest.Builder b) {
    return b.withHeader("Authorization", "Bearer t")
        .withHeader("x-api-key", "k")
        .withHeader("x-gw-ims-org-id", "O@AdobeOrg")
        .withHeader("x-sandbox-name", "dev");
  }
}
