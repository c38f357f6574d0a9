package io.aepform.emulator.flowservice;

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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Flow Service: base, source and target connections and flows. */
public final class FlowServiceApi implements Service {
  public static final String PREFIX = "/data/foundation/flowservice";

  private static final Map<String, ResourceKind> KINDS =
      Map.of(
          "connections", ResourceKind.CONNECTION,
          "sourceConnections", ResourceKind.SOURCE_CONNECTION,
          "targetConnections", ResourceKind.TARGET_CONNECTION,
          "flows", ResourceKind.FLOW);

  private final ObjectStore store;
  private final FlowObjects objects;
  private final Clock clock;

  public FlowServiceApi(ObjectStore store, FlowObjects objects, Clock clock) {
    this.store = store;
    this.objects = objects;
    this.clock = clock;
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public ApiResponse handle(ApiRequest request, Caller caller) {
    ApiResponse response;
    try {
      response = route(request, caller);
    } catch (Violation v) {
      response = FlowErrors.invalid(v.getMessage()).response();
    } catch (ApiError e) {
      response = e.response();
    }
    return FlowErrors.traced(response, request.header("x-request-id").orElse(""));
  }

  private ApiResponse route(ApiRequest request, Caller caller) {
    List<String> seg = request.segmentsAfter(PREFIX);
    ResourceKind kind = seg.isEmpty() ? null : KINDS.get(seg.get(0));
    if (kind == null) {
      throw FlowErrors.error(404, "1439", "Resource not found", "Unknown path " + request.path());
    }
    String m = request.method();
    if (seg.size() == 1 && m.equals("GET")) {
      List<ObjectNode> all =
          store.listVisible(caller.scope(), kind).stream().map(Map.Entry::getValue).toList();
      return ApiResponse.json(200, FlowListing.page(request, kind.collection(), all));
    }
    if (seg.size() == 1 && m.equals("POST")) {
      return create(request, caller, kind);
    }
    if (seg.size() == 2 && m.equals("GET")) {
      ObjectNode body = Json.object();
      body.putArray("items").add(FlowObjects.answer(existing(caller, kind, seg.get(1))));
      return ApiResponse.json(200, body);
    }
    if (seg.size() == 2 && m.equals("PATCH")) {
      return patch(request, caller, kind, seg.get(1));
    }
    if (seg.size() == 2 && m.equals("DELETE")) {
      return delete(caller, kind, seg.get(1));
    }
    if (seg.size() == 3 && kind == ResourceKind.FLOW && seg.get(2).equals("action")) {
      if (m.equals("POST")) {
        return action(request, caller, seg.get(1));
      }
    }
    throw FlowErrors.method(m, request.path());
  }

  private ApiResponse create(ApiRequest request, Caller caller, ResourceKind kind) {
    requireJson(request, false);
    ObjectNode body = Fields.requireObjectBody(Json.parse(request.body()));
    if (body.has("state")) {
      throw FlowErrors.stateInCreate();
    }
    for (String field : FlowObjects.SERVER_FIELDS) {
      if (body.has(field)) {
        throw new Violation("field '" + field + "' is set by the server");
      }
    }
    validate(kind, body, caller);
    String id = UUID.randomUUID().toString();
    ObjectNode stored = objects.created(kind, id, body, caller);
    store.put(caller.scope(), kind, id, stored);
    return idAndEtag(201, stored)
        .withHeader("Location", PREFIX + "/" + kind.collection() + "/" + id);
  }

  private ApiResponse patch(ApiRequest request, Caller caller, ResourceKind kind, String id) {
    requireJson(request, true);
    String ifMatch = request.header("if-match").orElse("").trim();
    if (ifMatch.isEmpty()) {
      throw FlowErrors.ifMatchMissing();
    }
    ObjectNode current = existing(caller, kind, id);
    requireEtag(current, ifMatch);
    JsonNode patch = Json.parse(request.body());
    FlowPatches.check(kind, patch);
    ObjectNode updated = JsonPatch.apply(FlowObjects.userView(current), patch);
    validate(kind, updated, caller);
    if (kind == ResourceKind.FLOW) {
      FlowPatches.checkStartTime(current, updated, clock);
    }
    ObjectNode stored = objects.updated(kind, current, updated, caller);
    store.put(caller.scope(), kind, id, stored);
    return idAndEtag(200, stored);
  }

  private ApiResponse delete(Caller caller, ResourceKind kind, String id) {
    existing(caller, kind, id);
    if (kind == ResourceKind.CONNECTION) {
      objects
          .flowUsingBase(caller.scope(), id)
          .ifPresent(
              f -> {
                throw FlowErrors.inUse(id, f);
              });
    }
    store.remove(caller.scope(), kind, id);
    return ApiResponse.empty(204);
  }

  private ApiResponse action(ApiRequest request, Caller caller, String id) {
    ObjectNode current = existing(caller, ResourceKind.FLOW, id);
    String ifMatch = request.header("if-match").orElse("").trim();
    if (!ifMatch.isEmpty()) {
      requireEtag(current, ifMatch);
    }
    // help/destinations/api/update-destination-dataflows.md sends op=enable; the spec's enum says
    // ENABLE: any case is taken.
    String op = request.queryParam("op").orElse("");
    String state =
        switch (op.toUpperCase(Locale.ROOT)) {
          case "ENABLE" -> "enabled";
          case "DISABLE" -> "disabled";
          default ->
              throw new Violation("query parameter op must be enable or disable, got '" + op + "'");
        };
    ObjectNode stored = objects.withState(current, state, caller);
    store.put(caller.scope(), ResourceKind.FLOW, id, stored);
    return idAndEtag(200, stored);
  }

  private void validate(ResourceKind kind, ObjectNode body, Caller caller) {
    switch (kind) {
      case CONNECTION -> ConnectionRules.checkBase(body);
      case SOURCE_CONNECTION -> ConnectionRules.checkSource(body, store, caller.scope());
      case TARGET_CONNECTION -> ConnectionRules.checkTarget(body, store, caller.scope());
      default -> FlowRules.check(body, store, caller.scope());
    }
  }

  private ObjectNode existing(Caller caller, ResourceKind kind, String id) {
    return store
        .get(caller.scope(), kind, id)
        .orElseThrow(() -> FlowErrors.notFound(kind.collection(), id));
  }

  /** Compares etags; quotes are optional because HTTP clients differ in keeping them. */
  private static void requireEtag(ObjectNode current, String ifMatch) {
    String etag = current.path("etag").asText();
    if (!unquote(etag).equals(unquote(ifMatch))) {
      throw FlowErrors.stale(etag);
    }
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }

  private static void requireJson(ApiRequest request, boolean patch) {
    String mt = request.mediaType();
    if (!mt.equals("application/json") && !(patch && mt.equals("application/json-patch+json"))) {
      throw FlowErrors.mediaType();
    }
  }

  private static ApiResponse idAndEtag(int status, ObjectNode stored) {
    ObjectNode body =
        Json.object()
            .put("id", stored.path("id").asText())
            .put("etag", stored.path("etag").asText());
    return ApiResponse.json(status, body);
  }
}
