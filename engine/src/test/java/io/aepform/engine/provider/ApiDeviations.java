package io.aepform.engine.provider;

import java.util.List;
import java.util.Objects;

/**
 * Where Adobe's OpenAPI specs ({@code flow-service.yaml}, {@code schema-registry.yaml}, {@code
 * catalog.yaml}, {@code data-prep.yaml}, {@code profile.yaml}, {@code identity-service.yaml})
 * differ from what the live API takes, per Adobe's docs (AEP-API.md). The one list of these: the
 * handlers send what {@link Deviation#liveApiDoes()} says, the emulator accepts it, and request
 * validation in tests ignores exactly the {@link Deviation#explains() reports} a spec validator
 * makes about it, and only on the deviation's operations.
 */
public final class ApiDeviations {
  /**
   * The API a spec describes: its spec file, the path the spec's paths are relative to, and the
   * paths it covers (APIs under {@code /data/core} share a base path).
   */
  public enum Api {
    FLOW_SERVICE("flow-service.yaml", "/data/foundation/flowservice"),
    SCHEMA_REGISTRY("schema-registry.yaml", "/data/foundation/schemaregistry"),
    CATALOG("catalog.yaml", "/data/foundation/catalog"),
    DATA_PREP("data-prep.yaml", "/data/foundation/conversion"),
    PROFILE("profile.yaml", "/data/core", "/data/core/ups"),
    IDENTITY_SERVICE("identity-service.yaml", "/data/core", "/data/core/idnamespace");

    private final String specFile;
    private final String basePath;
    private final String covers;

    Api(String specFile, String basePath) {
      this(specFile, basePath, basePath);
    }

    Api(String specFile, String basePath, String covers) {
      this.specFile = specFile;
      this.basePath = basePath;
      this.covers = covers;
    }

    /** True for a request path of this API. */
    public boolean covers(String path) {
      return path.startsWith(covers + "/");
    }

    public String specFile() {
      return specFile;
    }

    public String basePath() {
      return basePath;
    }
  }

  /** The part of a request a spec check is about. */
  public enum Part {
    QUERY,
    HEADER,
    ACCEPT,
    BODY
  }

  /**
   * A spec check a request that follows the live API fails: the part of the request and what in it
   * (a query or header parameter name, or a JSON pointer into the body where {@code *} stands for
   * any array index).
   */
  public record Report(Part part, String field) {
    public Report {
      Objects.requireNonNull(part, "part");
      Objects.requireNonNull(field, "field");
    }
  }

  /**
   * One deviation: on which operations (the spec's {@code operationId}s), what the spec says, what
   * the live API does (and so what aepform sends), and the spec checks that this explains. A
   * deviation where aepform follows the spec explains none: it is listed so that the handlers and
   * the emulator know the live API also takes the other form.
   */
  public record Deviation(
      String id,
      Api api,
      List<String> operations,
      String specSays,
      String liveApiDoes,
      List<Report> explains) {
    public Deviation {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(api, "api");
      operations = List.copyOf(operations);
      Objects.requireNonNull(specSays, "specSays");
      Objects.requireNonNull(liveApiDoes, "liveApiDoes");
      explains = List.copyOf(explains);
    }
  }

  public static final Deviation FLOW_SERVICE_PATCH_IS_JSON_PATCH =
      new Deviation(
          "flow-service-patch-is-json-patch",
          Api.FLOW_SERVICE,
          List.of("patchConnection", "patchSourceConnection", "patchTargetConnection", "patchFlow"),
          "the body is PatchInstruction: one object {op: ADD|REPLACE|REMOVE, path, value: object}",
          "the body is an RFC 6902 JSON Patch array with lowercase ops (add, replace, remove) and"
              + " values of any JSON type (Adobe's update tutorials)",
          List.of(
              new Report(Part.BODY, ""),
              new Report(Part.BODY, "/*/op"),
              new Report(Part.BODY, "/*/value")));

  public static final Deviation FLOW_ACTION_TAKES_OP =
      new Deviation(
          "flow-action-takes-op",
          Api.FLOW_SERVICE,
          List.of("postStateTransition"),
          "POST /flows/{id}/action requires both op and subOp (APPLY|ROLLBACK|PROGRESS)",
          "flows are enabled and disabled with op=ENABLE or op=DISABLE alone (Adobe's docs)",
          List.of(new Report(Part.QUERY, "subOp")));

  public static final Deviation CONNECTION_PATH_TRAILING_SLASH =
      new Deviation(
          "connection-path-trailing-slash",
          Api.FLOW_SERVICE,
          List.of("patchConnection", "deleteConnection"),
          "PATCH and DELETE of a base connection are under /connections/{id}/ (trailing slash)",
          "the docs address /connections/{id}; aepform sends that, the emulator takes both. Spec"
              + " validators that match paths regardless of a trailing slash report nothing",
          List.of());

  public static final Deviation SPEC_VERSION_IS_STRING =
      new Deviation(
          "spec-version-is-string",
          Api.FLOW_SERVICE,
          List.of(
              "createConnection", "createSourceConnection", "createTargetConnection", "createFlow"),
          "connectionSpec.version and flowSpec.version are strings (\"1.0\")",
          "the tutorial sends the number 1 and the live API takes it; aepform sends the declared"
              + " string \"1.0\" (a number 1 in a manifest becomes \"1.0\")",
          List.of());

  public static final Deviation SCHEDULE_PARAMS_TYPES =
      new Deviation(
          "schedule-params-types",
          Api.FLOW_SERVICE,
          List.of("createFlow"),
          "scheduleParams.interval is a string (\"15\"), scheduleParams.startTime an integer (epoch"
              + " seconds)",
          "the tutorial sends interval as a number (1000); aepform sends the declared types",
          List.of());

  public static final Deviation SCHEMA_PATCH_VALUE_IS_ANY_JSON =
      new Deviation(
          "schema-patch-value-is-any-json",
          Api.SCHEMA_REGISTRY,
          List.of("patchSchema"),
          "patchSchema types each JSON Patch operation's value as a string",
          "value takes any JSON value (an object for allOf entries, an array, ...)",
          List.of(new Report(Part.BODY, "/*/value")));

  public static final Deviation SCHEMA_DESCRIPTION_REQUIRED =
      new Deviation(
          "schema-description-required",
          Api.SCHEMA_REGISTRY,
          List.of("createSchema"),
          "createSchema requires description",
          "the docs create schemas without one; aepform sends \"\" when the user gives none",
          List.of());

  public static final Deviation SCHEMA_REGISTRY_VENDOR_ACCEPT =
      new Deviation(
          "schema-registry-vendor-accept",
          Api.SCHEMA_REGISTRY,
          List.of(
              "listSchemas",
              "retrieveSchema",
              "listFieldGroups",
              "retrieveFieldGroup",
              "listDataTypes",
              "retrieveDataType"),
          "the GETs produce application/json",
          "GETs need a vendor Accept header: application/vnd.adobe.xed-id+json or"
              + " application/vnd.adobe.xed+json for lists, application/vnd.adobe.xed+json;"
              + " version=1 for one resource (406 otherwise; xdm/api/getting-started.md)",
          List.of(new Report(Part.ACCEPT, "Accept")));

  public static final Deviation CATALOG_JSON_PATCH_CONTENT_TYPE =
      new Deviation(
          "catalog-json-patch-content-type",
          Api.CATALOG,
          List.of("patchDataset"),
          "the content-type header must be application/json, and the application/json-patch+json"
              + " body is typed as a dataset object",
          "a JSON Patch array is sent with Content-Type: application/json-patch+json; with"
              + " application/json the body is a merge patch",
          List.of(new Report(Part.HEADER, "content-type"), new Report(Part.BODY, "")));

  public static final Deviation CATALOG_REQUEST_DATA_SOURCE =
      new Deviation(
          "catalog-request-data-source",
          Api.CATALOG,
          List.of("createDataset"),
          "createDataset declares no query parameters",
          "the docs create datasets with ?requestDataSource=true, as aepform does",
          List.of(new Report(Part.QUERY, "requestDataSource")));

  public static final Deviation RUN_ACTIVITIES_SPELLING =
      new Deviation(
          "run-activities-spelling",
          Api.FLOW_SERVICE,
          List.of("listFlowRuns", "retrieveFlowRun"),
          "a run (FlowRunItemDTO) spells its list of activities 'activites' and its etag 'eTag'",
          "the runs Adobe's pages show spell them 'activities' and 'etag' (dataflows/api/monitor.md,"
              + " sources/notifications.md); aepform reads 'activities', and 'activites' only when"
              + " a run has no 'activities'. An answer, not a request: no request check reports it",
          List.of());

  public static final Deviation PROFILE_INSTANCE_ID_HEADER =
      new Deviation(
          "profile-instance-id-header",
          Api.PROFILE,
          List.of("createMergePolicy", "updateMergePolicy", "patchMergePolicy"),
          "POST, PUT and PATCH of merge policies require the header x-profile-instance-id"
              + " (example: ups)",
          "no page sends it: profile/api/merge-policies.md creates, overwrites and patches"
              + " policies with the common headers only, and aepform does the same",
          List.of(new Report(Part.HEADER, "x-profile-instance-id")));

  public static final Deviation DATA_TYPE_PUT_DESCRIPTION_IS_TEXT =
      new Deviation(
          "data-type-put-description-is-text",
          Api.SCHEMA_REGISTRY,
          List.of("replaceDatatype"),
          "replaceDataType adds a description property without a type to createDataType, which the"
              + " converted spec reads as an object",
          "description is a string, as in createDataType and the PUT example of"
              + " xdm/api/data-types.md (\"Update a data type\")",
          List.of(new Report(Part.BODY, "/description")));

  public static final Deviation DESCRIPTOR_LIST_XDM_ACCEPT =
      new Deviation(
          "descriptor-list-xdm-accept",
          Api.SCHEMA_REGISTRY,
          List.of("listDescriptors"),
          "listDescriptors produces application/json",
          "descriptor lists need an xdm Accept header: application/vnd.adobe.xdm-id+json,"
              + " xdm-link+json or xdm+json (\"Descriptors require unique Accept headers that"
              + " replace xed with xdm\", xdm/api/descriptors.md)",
          List.of(new Report(Part.ACCEPT, "Accept")));

  public static final Deviation DESCRIPTOR_SOURCE_VERSION_IS_INTEGER =
      new Deviation(
          "descriptor-source-version-is-integer",
          Api.SCHEMA_REGISTRY,
          List.of("createDescriptor", "updateDescriptor"),
          "createDescriptor types xdm:sourceVersion as a string",
          "every request and answer of xdm/api/descriptors.md carries \"xdm:sourceVersion\": 1, a"
              + " number, as the spec's own example does; aepform sends the number",
          List.of(new Report(Part.BODY, "/xdm:sourceVersion")));

  public static final Deviation DESCRIPTOR_PUT_ANSWERS_ID =
      new Deviation(
          "descriptor-put-answers-id",
          Api.SCHEMA_REGISTRY,
          List.of("updateDescriptor"),
          "updateDescriptor answers 200 with the whole descriptor",
          "the PUT answers 201 with {\"@id\"} alone (xdm/api/descriptors.md, \"Update a"
              + " descriptor\"): aepform reads nothing else from it",
          List.of());

  private static final List<Deviation> ALL =
      List.of(
          FLOW_SERVICE_PATCH_IS_JSON_PATCH,
          FLOW_ACTION_TAKES_OP,
          CONNECTION_PATH_TRAILING_SLASH,
          SPEC_VERSION_IS_STRING,
          SCHEDULE_PARAMS_TYPES,
          SCHEMA_PATCH_VALUE_IS_ANY_JSON,
          SCHEMA_DESCRIPTION_REQUIRED,
          SCHEMA_REGISTRY_VENDOR_ACCEPT,
          CATALOG_JSON_PATCH_CONTENT_TYPE,
          CATALOG_REQUEST_DATA_SOURCE,
          RUN_ACTIVITIES_SPELLING,
          PROFILE_INSTANCE_ID_HEADER,
          DATA_TYPE_PUT_DESCRIPTION_IS_TEXT,
          DESCRIPTOR_LIST_XDM_ACCEPT,
          DESCRIPTOR_SOURCE_VERSION_IS_INTEGER,
          DESCRIPTOR_PUT_ANSWERS_ID);

  private ApiDeviations() {}

  /** Every known deviation. */
  public static List<Deviation> all() {
    return ALL;
  }

  /** The deviations that concern {@code operationId} of {@code api}. */
  public static List<Deviation> forOperation(Api api, String operationId) {
    return ALL.stream()
        .filter(d -> d.api() == api && d.operations().contains(operationId))
        .toList();
  }
}
