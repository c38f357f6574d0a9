package io.aepform.emulator.dataprep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.gateway.Caller;
import io.aepform.emulator.http.ApiError;
import io.aepform.emulator.http.ApiRequest;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.http.Service;
import io.aepform.emulator.http.Violation;
import io.aepform.emulator.schemaregistry.SchemaIds;
import io.aepform.emulator.store.ObjectStore;
import io.aepform.emulator.store.Scope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data Prep mapping sets (data-prep/api/mapping-set.md, data-prep.yaml): create, list, look up (any
 * version), replace (a new version), validate, and read their mappings. There is no DELETE.
 */
public final class DataPrepApi implements Service {
  public static final String PREFIX = "/data/foundation/conversion";

  private final ObjectStore store;
  private final MappingSetDocuments documents;

  public DataPrepApi(ObjectStore store, Clock clock) {
    this.store = store;
    this.documents = new MappingSetDocuments(clock);
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
      return DataPrepErrors.invalid(v.getMessage()).response();
    } catch (ApiError e) {
      return e.response();
    }
  }

  private ApiResponse route(ApiRequest request, Caller caller) {
    List<String> seg = request.segmentsAfter(PREFIX);
    if (seg.isEmpty() || !seg.get(0).equals("mappingSets") || seg.size() > 4) {
      throw DataPrepErrors.notFound("Path " + request.path());
    }
    String m = request.method();
    if (seg.size() == 1) {
      return switch (m) {
        case "GET" -> ApiResponse.json(200, MappingSetListing.list(request, all(caller)));
        case "POST" -> create(request, caller);
        default -> throw DataPrepErrors.method(m, request.path(), "GET, POST");
      };
    }
    if (seg.size() == 2 && seg.get(1).equals("validate")) {
      if (!m.equals("POST")) {
        throw DataPrepErrors.method(m, request.path(), "POST");
      }
      return validate(request, caller);
    }
    ObjectNode current = find(caller.scope(), seg.get(1));
    if (seg.size() > 2) {
      return mappings(request, seg, current);
    }
    return switch (m) {
      case "GET" -> ApiResponse.json(200, lookup(request, caller.scope(), current));
      case "PUT" -> update(request, caller, current);
      default -> throw DataPrepErrors.method(m, request.path(), "GET, PUT");
    };
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    ObjectNode body = checked(request, caller.scope());
    ObjectNode doc = documents.build(body, caller, Optional.empty());
    store.put(caller.scope(), ResourceKind.MAPPING_SET, doc.get("id").asText(), doc);
    // mapping-set.md: "A successful response returns HTTP status 200" with the summary
    return ApiResponse.json(200, MappingSetDocuments.summary(doc));
  }

  /** A PUT makes a new version; the superseded one stays readable with {@code ?version=}. */
  private ApiResponse update(ApiRequest request, Caller caller, ObjectNode current) {
    ObjectNode body = checked(request, caller.scope());
    ObjectNode doc = documents.build(body, caller, Optional.of(current));
    String id = doc.get("id").asText();
    store.put(caller.scope(), ResourceKind.MAPPING_SET_VERSION, versionKey(current), current);
    store.put(caller.scope(), ResourceKind.MAPPING_SET, id, doc);
    return ApiResponse.json(200, doc.deepCopy());
  }

  private ApiResponse validate(ApiRequest request, Caller caller) {
    ObjectNode body = body(request);
    ArrayNode mappings = MappingRules.checkBody(body, store, caller.scope());
    List<Optional<String>> problems = MappingRules.problems(mappings);
    ObjectNode out = Json.object();
    ArrayNode results = out.putArray("validationResponse");
    for (int i = 0; i < problems.size(); i++) {
      ObjectNode r = results.addObject();
      if (problems.get(i).isEmpty()) {
        r.put("status", "SUCCESS").putNull("errors");
        continue;
      }
      JsonNode m = mappings.get(i);
      r.put("status", "FAILED");
      r.putArray("errors")
          .addObject()
          .put("destination", m.get("destination").asText())
          .put("source", m.get("source").asText())
          .put("sourceType", m.get("sourceType").asText())
          .put("exception", problems.get(i).get());
    }
    return ApiResponse.json(200, out);
  }

  private ObjectNode lookup(ApiRequest request, Scope scope, ObjectNode current) {
    ObjectNode doc = current;
    Optional<String> version = request.queryParam("version");
    if (version.isPresent() && !version.get().equals(current.get("version").asText())) {
      String key = current.get("id").asText() + "@" + integer(version.get(), "version");
      doc =
          store
              .get(scope, ResourceKind.MAPPING_SET_VERSION, key)
              .orElseThrow(() -> DataPrepErrors.notFound("Mapping set version " + key));
    }
    ObjectNode out = doc.deepCopy();
    if (request.queryParam("expandSchema").orElse("false").equals("true")) {
      SchemaIds.find(store, scope, out.path("xdmSchema").asText())
          .ifPresent(s -> ((ObjectNode) out.get("outputSchema")).set("jsonSchema", s.deepCopy()));
    }
    return out;
  }

  /** {@code GET /mappingSets/{id}/mappings[/{mappingId}]}. */
  private ApiResponse mappings(ApiRequest request, List<String> seg, ObjectNode current) {
    if (!seg.get(2).equals("mappings")) {
      throw DataPrepErrors.notFound("Path " + request.path());
    }
    if (!request.method().equals("GET")) {
      throw DataPrepErrors.method(request.method(), request.path(), "GET");
    }
    JsonNode all = current.get("mappings");
    if (seg.size() == 3) {
      return ApiResponse.json(200, all.deepCopy());
    }
    for (JsonNode m : all) {
      if (m.get("id").asText().equals(seg.get(3))) {
        return ApiResponse.json(200, m.deepCopy());
      }
    }
    throw DataPrepErrors.notFound("Mapping " + seg.get(3));
  }

  /** The body, checked as a whole; a create or PUT refuses any mapping validate would fail. */
  private ObjectNode checked(ApiRequest request, Scope scope) {
    ObjectNode body = body(request);
    ArrayNode mappings = MappingRules.checkBody(body, store, scope);
    List<String> messages = new ArrayList<>();
    List<Optional<String>> problems = MappingRules.problems(mappings);
    for (int i = 0; i < problems.size(); i++) {
      final int index = i;
      problems.get(i).ifPresent(p -> messages.add("mappings[" + index + "]: " + p));
    }
    if (!messages.isEmpty()) {
      throw DataPrepErrors.invalidMappings(String.join("; ", messages));
    }
    return body;
  }

  private ObjectNode find(Scope scope, String id) {
    return store
        .get(scope, ResourceKind.MAPPING_SET, id)
        .orElseThrow(() -> DataPrepErrors.notFound("Mapping set " + id));
  }

  private List<ObjectNode> all(Caller caller) {
    return store.list(caller.scope(), ResourceKind.MAPPING_SET).stream()
        .map(Map.Entry::getValue)
        .toList();
  }

  private static String versionKey(ObjectNode doc) {
    return doc.get("id").asText() + "@" + doc.get("version").asInt();
  }

  private static int integer(String raw, String name) {
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new Violation(name + " must be an integer, got '" + raw + "'");
    }
  }

  private static ObjectNode body(ApiRequest request) {
    if (!request.mediaType().equals("application/json")) {
      throw DataPrepErrors.mediaType();
    }
    return Fields.requireObjectBody(Json.parse(request.body()));
  }
}
