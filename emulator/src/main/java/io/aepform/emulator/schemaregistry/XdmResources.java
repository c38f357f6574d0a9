package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.gateway.Caller;
import io.aepform.emulator.http.ApiRequest;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.http.JsonPatch;
import io.aepform.emulator.http.Violation;
import io.aepform.emulator.store.ObjectStore;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schemas, field groups and data types: the same operations on each (POST, GET by {@code
 * meta:altId} or URL-encoded {@code $id}, list, PUT, PATCH, DELETE; help/xdm/api/schemas.md,
 * field-groups.md, data-types.md), each kind building its own document.
 */
final class XdmResources {
  private static final Pattern LOOKUP_ACCEPT =
      Pattern.compile(
          "application/vnd\\.adobe\\.xed(-full|-notext|-full-notext|-full-desc)?\\+json"
              + "\\s*;\\s*version=1(\\.\\d+)?");

  /** The schemas.md PATCH example also appends to meta:extends; the server recomputes it. */
  private static final String EXTENDS = "meta:extends";

  private final ObjectStore store;
  private final SchemaDocuments schemas;
  private final ComponentDocuments components;

  XdmResources(ObjectStore store, RegistryMetadata metadata) {
    this.store = store;
    this.schemas = new SchemaDocuments(metadata);
    this.components = new ComponentDocuments(metadata);
  }

  ApiResponse handle(XdmKind kind, List<String> ids, ApiRequest request, Caller caller) {
    XdmRegistry registry = new XdmRegistry(store, caller.scope());
    String m = request.method();
    if (ids.isEmpty()) {
      return switch (m) {
        case "GET" ->
            ApiResponse.json(200, SchemaListing.list(kind, request, registry.listed(kind)));
        case "POST" -> save(kind, caller, body(request), Optional.empty(), 201);
        default -> throw XdmErrors.method(m, request.path());
      };
    }
    if (ids.size() != 1) {
      // an unencoded $id splits into several segments: AEP needs it URL-encoded
      throw XdmErrors.notFound(kind.noun(), String.join("/", ids));
    }
    ObjectNode current =
        registry
            .find(kind, ids.get(0))
            .orElseThrow(() -> XdmErrors.notFound(kind.noun(), ids.get(0)));
    return switch (m) {
      case "GET" -> ApiResponse.json(200, lookup(request, current));
      case "PUT" -> save(kind, caller, body(request), Optional.of(current), 200);
      case "PATCH" -> save(kind, caller, patched(request, current), Optional.of(current), 200);
      case "DELETE" -> delete(kind, caller, registry, current);
      default -> throw XdmErrors.method(m, request.path());
    };
  }

  private ObjectNode patched(ApiRequest request, ObjectNode current) {
    requireJson(request);
    JsonNode patch = Json.parse(request.body());
    for (String path : JsonPatch.paths(patch)) {
      String first = path.replaceFirst("^/", "").split("/", 2)[0].replace("~1", "/");
      if (XdmDocuments.SERVER_FIELDS.contains(first) && !first.equals(EXTENDS)) {
        throw new Violation("field '" + first + "' is set by the registry and cannot be patched");
      }
    }
    return JsonPatch.apply(current, patch);
  }

  private ApiResponse save(
      XdmKind kind, Caller caller, ObjectNode body, Optional<ObjectNode> current, int status) {
    XdmRegistry registry = new XdmRegistry(store, caller.scope());
    ObjectNode doc =
        kind == XdmKind.SCHEMA
            ? schemas.build(body, caller, current)
            : components.build(kind, body, caller, current);
    XdmRules.uniqueTitle(doc, registry);
    XdmRules.tenantNamespace(kind, doc, registry.tenant());
    XdmRules.referencesExist(doc, registry);
    if (kind == XdmKind.SCHEMA) {
      ProfileRules.checkSchema(current, doc, registry);
    } else {
      current.ifPresent(c -> ProfileRules.checkComponent(c, doc, registry));
    }
    store.put(caller.scope(), kind.stored(), doc.get("meta:altId").asText(), doc);
    return ApiResponse.json(
        status, kind == XdmKind.SCHEMA ? RegistryMetadata.schemaWriteAnswer(doc) : doc);
  }

  private ApiResponse delete(
      XdmKind kind, Caller caller, XdmRegistry registry, ObjectNode current) {
    if (kind == XdmKind.SCHEMA) {
      ProfileRules.checkDelete(current);
      // A schema's descriptors describe it and go with it (the emulator's choice: Adobe's pages
      // do not say what happens to them).
      for (ObjectNode d : registry.descriptorsOf(current.get("$id").asText())) {
        store.remove(caller.scope(), ResourceKind.DESCRIPTOR, d.get("@id").asText());
      }
    } else {
      XdmRules.notInUse(current, registry);
    }
    store.remove(caller.scope(), kind.stored(), current.get("meta:altId").asText());
    return ApiResponse.empty(204);
  }

  private static ObjectNode lookup(ApiRequest request, ObjectNode current) {
    String accept = request.header("accept").orElse("").trim();
    Matcher m = LOOKUP_ACCEPT.matcher(accept);
    if (!m.matches()) {
      throw XdmErrors.lookupAccept(accept);
    }
    ObjectNode doc = current.deepCopy();
    if (accept.contains("notext")) {
      doc.remove(List.of("title", "description"));
    }
    return doc;
  }

  private static ObjectNode body(ApiRequest request) {
    requireJson(request);
    return Fields.requireObjectBody(Json.parse(request.body()));
  }

  private static void requireJson(ApiRequest request) {
    if (!request.mediaType().equals("application/json")) {
      throw XdmErrors.mediaType();
    }
  }
}
