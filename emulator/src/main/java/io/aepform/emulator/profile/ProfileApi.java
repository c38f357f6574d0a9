package io.aepform.emulator.profile;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.aepform.emulator.store.ObjectStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Real-Time Customer Profile merge policies (profile/api/merge-policies.md, profile.yaml): create,
 * list, look up, bulk-get, PUT, PATCH, DELETE.
 */
public final class ProfileApi implements Service {
  public static final String PREFIX = "/data/core/ups";

  private final ObjectStore store;
  private final MergePolicies policies;

  public ProfileApi(ObjectStore store, Clock clock) {
    this.store = store;
    this.policies = new MergePolicies(store, clock);
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
      return ProfileErrors.invalid(v.getMessage()).response();
    } catch (ApiError e) {
      return e.response();
    }
  }

  private ApiResponse route(ApiRequest request, Caller caller) {
    List<String> seg = request.segmentsAfter(PREFIX);
    if (seg.size() < 2
        || seg.size() > 3
        || !seg.get(0).equals("config")
        || !seg.get(1).equals("mergePolicies")) {
      throw ProfileErrors.unknownPath(request.path());
    }
    policies.seed(caller.scope());
    String m = request.method();
    if (seg.size() == 2) {
      return switch (m) {
        case "GET" ->
            ApiResponse.json(200, MergePolicyListing.list(request, policies.all(caller.scope())));
        case "POST" -> save(caller, body(request), Optional.empty());
        default -> throw ProfileErrors.method(m, request.path(), "GET, POST");
      };
    }
    if (seg.get(2).equals("bulk-get")) {
      if (!m.equals("POST")) {
        throw ProfileErrors.method(m, request.path(), "POST");
      }
      return bulkGet(request, caller);
    }
    String id = seg.get(2);
    ObjectNode current = find(caller, id);
    return switch (m) {
      case "GET" -> ApiResponse.json(200, current.deepCopy());
      case "PUT" -> save(caller, body(request), Optional.of(current));
      case "PATCH" -> patch(request, caller, current);
      case "DELETE" -> delete(caller, current);
      default -> throw ProfileErrors.method(m, request.path(), "GET, PUT, PATCH, DELETE");
    };
  }

  /** POST and PUT both answer 200 with the whole policy (profile.yaml). */
  private ApiResponse save(Caller caller, ObjectNode body, Optional<ObjectNode> current) {
    ObjectNode spec = MergePolicyRules.check(body, store, caller.scope());
    return ApiResponse.json(200, policies.save(caller, spec, current).deepCopy());
  }

  private ApiResponse patch(ApiRequest request, Caller caller, ObjectNode current) {
    requireJson(request);
    JsonNode patch = Json.parse(request.body());
    ObjectNode patched = MergePolicyPatch.apply(current, patch);
    return save(caller, patched, Optional.of(current));
  }

  // merge-policies.md: "If the merge policy has isActiveOnEdge set to true, the merge policy
  // cannot be deleted"; a successful delete "returns HTTP Status 200 (OK) and an empty response
  // body".
  private ApiResponse delete(Caller caller, ObjectNode current) {
    String id = current.get("id").asText();
    if (current.path("isActiveOnEdge").asBoolean()) {
      throw ProfileErrors.deleteEdgePolicy(id);
    }
    store.remove(caller.scope(), ResourceKind.MERGE_POLICY, id);
    return ApiResponse.empty(200);
  }

  /** {@code POST /config/mergePolicies/bulk-get}: 207 with the policies found, keyed by id. */
  private ApiResponse bulkGet(ApiRequest request, Caller caller) {
    ObjectNode body = body(request);
    JsonNode ids = body.get("ids");
    if (ids == null || !ids.isArray()) {
      throw new Violation("field 'ids' must be an array of {\"id\": ...} objects");
    }
    ObjectNode out = Json.object();
    ObjectNode results = out.putObject("results");
    for (JsonNode entry : ids) {
      String id = Fields.requireString(entry, "id", "ids[].id");
      store
          .get(caller.scope(), ResourceKind.MERGE_POLICY, id)
          .ifPresent(p -> results.set(id, p.deepCopy()));
    }
    return ApiResponse.json(207, out);
  }

  private ObjectNode find(Caller caller, String id) {
    return store
        .get(caller.scope(), ResourceKind.MERGE_POLICY, id)
        .orElseThrow(() -> ProfileErrors.notFound(id));
  }

  private static ObjectNode body(ApiRequest request) {
    requireJson(request);
    return Fields.requireObjectBody(Json.parse(request.body()));
  }

  private static void requireJson(ApiRequest request) {
    if (!request.mediaType().equals("application/json")) {
      throw ProfileErrors.mediaType();
    }
  }
}
