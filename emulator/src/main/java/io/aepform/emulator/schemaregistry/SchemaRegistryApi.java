package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.gateway.Caller;
import io.aepform.emulator.http.ApiError;
import io.aepform.emulator.http.ApiRequest;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.http.JsonPatch;
import io.aepform.emulator.http.Service;
import io.aepform.emulator.http.Violation;
import io.aepform.emulator.store.ObjectStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Schema Registry: tenant schemas (create, look up, list, PUT, PATCH, delete). */
public final class SchemaRegistryApi implements Service {
  public static final String PREFIX = "/data/foundation/schemaregistry";

  private static final Pattern LOOKUP_ACCEPT =
      Pattern.compile(
          "application/vnd\\.adobe\\.xed(-full|-notext|-full-notext|-full-desc)?\\+json"
              + "\\s*;\\s*version=1(\\.\\d+)?");

  private final ObjectStore store;
  private final SchemaDocuments documents;

  public SchemaRegistryApi(ObjectStore store, Clock clock) {
    this.store = store;
    this.documents = new SchemaDocuments(clock);
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public ApiResponse handle(ApiRequest request, Caller caller) {
    try {
      return route(request, caller);
    } catch (Violation v) {
      return XdmErrors.invalid(v.getMessage()).response();
    } catch (ApiError e) {
      return e.response();
    }
  }

  private ApiResponse route(ApiRequest request, Caller caller) {
    List<String> seg = request.segmentsAfter(PREFIX);
    if (seg.size() < 2 || !seg.get(0).equals("tenant") || !seg.get(1).equals("schemas")) {
      throw XdmErrors.error(404, "1012", "Resource Not Found", "Unknown path " + request.path());
    }
    String m = request.method();
    if (seg.size() == 2) {
      return switch (m) {
        case "GET" ->
            ApiResponse.json(
                200,
                SchemaListing.list(
                    request,
                    store.listVisible(caller.scope(), ResourceKind.SCHEMA).stream()
                        .map(Map.Entry::getValue)
                        .toList()));
        case "POST" -> create(request, caller);
        default -> throw XdmErrors.method(m, request.path());
      };
    }
    if (seg.size() != 3) {
      // an unencoded $id splits into several segments: AEP needs it URL-encoded
      throw XdmErrors.notFound(String.join("/", seg.subList(2, seg.size())));
    }
    ObjectNode current =
        SchemaIds.find(store, caller.scope(), seg.get(2))
            .orElseThrow(() -> XdmErrors.notFound(seg.get(2)));
    return switch (m) {
      case "GET" -> ApiResponse.json(200, lookup(request, current));
      case "PUT" -> save(caller, body(request), Optional.of(current), 200);
      case "PATCH" -> patch(request, caller, current);
      case "DELETE" -> delete(caller, current);
      default -> throw XdmErrors.method(m, request.path());
    };
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    return save(caller, body(request), Optional.empty(), 201);
  }

  private ApiResponse patch(ApiRequest request, Caller caller, ObjectNode current) {
    requireJson(request);
    JsonNode patch = Json.parse(request.body());
    for (String path : JsonPatch.paths(patch)) {
      String first = path.replaceFirst("^/", "").split("/", 2)[0].replace("~1", "/");
      if (SchemaDocuments.SERVER_FIELDS.contains(first)) {
        throw new Violation("field '" + first + "' is set by the registry and cannot be patched");
      }
    }
    return save(caller, JsonPatch.apply(current, patch), Optional.of(current), 200);
  }

  private ApiResponse save(
      Caller caller, ObjectNode body, Optional<ObjectNode> current, int status) {
    SchemaDocuments.check(body);
    String title = body.get("title").asText();
    String ownAltId = current.map(c -> c.get("meta:altId").asText()).orElse("");
    for (ObjectNode other : schemas(caller)) {
      if (other.path("title").asText().equals(title)
          && !other.path("meta:altId").asText().equals(ownAltId)) {
        throw XdmErrors.titleNotUnique(title, other.path("$id").asText());
      }
    }
    ObjectNode doc = documents.build(body, caller, current);
    store.put(caller.scope(), ResourceKind.SCHEMA, doc.get("meta:altId").asText(), doc);
    return ApiResponse.json(status, doc);
  }

  private ApiResponse delete(Caller caller, ObjectNode current) {
    store.remove(caller.scope(), ResourceKind.SCHEMA, current.get("meta:altId").asText());
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
    } else if (accept.contains("full-desc")) {
      doc.remove("title");
    }
    return doc;
  }

  private ObjectNode body(ApiRequest request) {
    requireJson(request);
    return Fields.requireObjectBody(Json.parse(request.body()));
  }

  private List<ObjectNode> schemas(Caller caller) {
    return store.list(caller.scope(), ResourceKind.SCHEMA).stream()
        .map(Map.Entry::getValue)
        .toList();
  }

  private static void requireJson(ApiRequest request) {
    if (!request.mediaType().equals("application/json")) {
      throw XdmErrors.mediaType();
    }
  }
}
