package io.aepform.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts an object as the API returns it down to its create request body.
 *
 * <p>Flow Service and Catalog objects keep only the fields their create request declares in Adobe's
 * specs (CreateConnectionRequest, CreateSourceConnectionRequest, CreateTargetConnectionRequest,
 * CreateFlowRequest, dataSetRequest): what GET adds (ids, etags, timestamps, owners, sandbox and
 * org, {@code state}, {@code version}, {@code inheritedAttributes}, {@code runs}, {@code
 * lastOperation}, a dataset's {@code created}, {@code files}, {@code dataSourceId}, ...) varies
 * between the live API and the emulator, so naming what to keep is the robust side. A schema is the
 * other way round: a client may send any XDM ({@code properties}, {@code definitions}, {@code
 * meta:immutableTags}), so only what the registry sets is dropped.
 */
final class CreateBodies {
  /** Top-level fields of each create request, in the order a manifest shows them. */
  private static final Map<String, List<String>> KEEP =
      Map.of(
          "connection", List.of("name", "description", "auth", "connectionSpec"),
          "sourceConnection",
              List.of(
                  "name", "description", "baseConnectionId", "connectionSpec", "data", "params"),
          "targetConnection",
              List.of(
                  "name", "description", "baseConnectionId", "connectionSpec", "data", "params"),
          "dataset",
              List.of(
                  "name",
                  "description",
                  "schemaRef",
                  "fileDescription",
                  "enableErrorDiagnostics",
                  "tags"),
          "flow",
              List.of(
                  "name",
                  "description",
                  "flowSpec",
                  "sourceConnectionIds",
                  "targetConnectionIds",
                  "transformations",
                  "scheduleParams"));

  /** What the Schema Registry sets on a schema; a client's values for them are ignored. */
  static final Set<String> SCHEMA_SERVER_FIELDS =
      Set.of(
          "$id",
          "meta:altId",
          "meta:resourceType",
          "version",
          "refs",
          "imsOrg",
          "meta:extensible",
          "meta:abstract",
          "meta:extends",
          "meta:xdmType",
          "meta:registryMetadata",
          "meta:containerId",
          "meta:sandboxId",
          "meta:sandboxType",
          "meta:tenantNamespace");

  /** Keys the registry adds to each {@code allOf} entry next to the client's {@code $ref}. */
  static final Set<String> ALL_OF_SERVER_FIELDS = Set.of("type", "meta:xdmType");

  /** Catalog's own tags (e.g. {@code adobe/pqs/table}) are set by the platform, not the client. */
  static final String PLATFORM_TAG_PREFIX = "adobe/";

  private CreateBodies() {}

  /** The create request body of {@code kind} for the returned object {@code body}. */
  static ObjectNode of(String kind, JsonNode body) {
    return kind.equals("schema") ? schema(body) : kept(kind, body);
  }

  private static ObjectNode kept(String kind, JsonNode body) {
    List<String> keep = KEEP.get(kind);
    if (keep == null) {
      throw new IllegalArgumentException("no create body known for kind " + kind);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String field : keep) {
      JsonNode v = body.get(field);
      if (v != null && !v.isNull()) {
        out.set(field, v.deepCopy());
      }
    }
    if (kind.equals("dataset")) {
      dropPlatformTags(out);
    }
    if (kind.equals("flow") && body.path("state").asText("").equals("disabled")) {
      // aepform's own field: a flow is enabled unless declared disabled (see FlowHandler)
      out.put("state", "disabled");
    }
    return out;
  }

  private static void dropPlatformTags(ObjectNode dataset) {
    if (dataset.get("tags") instanceof ObjectNode tags) {
      List<String> platform = new java.util.ArrayList<>();
      tags.fieldNames()
          .forEachRemaining(
              k -> {
                if (k.startsWith(PLATFORM_TAG_PREFIX)) {
                  platform.add(k);
                }
              });
      tags.remove(platform);
      if (tags.isEmpty()) {
        dataset.remove("tags");
      }
    }
  }

  private static ObjectNode schema(JsonNode body) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    body.properties()
        .forEach(
            e -> {
              if (!SCHEMA_SERVER_FIELDS.contains(e.getKey()) && !e.getValue().isNull()) {
                out.set(e.getKey(), e.getValue().deepCopy());
              }
            });
    if (out.get("allOf") instanceof ArrayNode allOf) {
      allOf.forEach(
          item -> {
            if (item instanceof ObjectNode o && o.has("$ref")) {
              o.remove(ALL_OF_SERVER_FIELDS);
            }
          });
    }
    return out;
  }
}
