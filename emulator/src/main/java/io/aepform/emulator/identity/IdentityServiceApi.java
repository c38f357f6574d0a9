package io.aepform.emulator.identity;

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
import io.aepform.emulator.store.ObjectStore;
import io.aepform.emulator.store.Scope;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Identity Service namespaces (identity-service/api/*.md, identity-service.yaml): list, create,
 * look up and replace; no DELETE ("once a namespace has been created, it cannot be deleted").
 */
public final class IdentityServiceApi implements Service {
  public static final String PREFIX = "/data/core/idnamespace";

  private final ObjectStore store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public IdentityServiceApi(ObjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
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
      return IdentityErrors.invalid(v.getMessage()).response();
    } catch (ApiError e) {
      return e.response();
    }
  }

  private ApiResponse route(ApiRequest request, Caller caller) {
    List<String> seg = request.segmentsAfter(PREFIX);
    if (seg.isEmpty() || !seg.get(0).equals("identities") || seg.size() > 2) {
      throw IdentityErrors.unknownPath(request.path());
    }
    StandardNamespaces.seed(store, caller.scope());
    String m = request.method();
    if (seg.size() == 1) {
      return switch (m) {
        case "GET" -> ApiResponse.json(200, list(caller.scope()));
        case "POST" -> create(request, caller);
        default -> throw IdentityErrors.method(m, request.path(), "GET, POST");
      };
    }
    String id = numericId(seg.get(1));
    ObjectNode current =
        store
            .get(caller.scope(), ResourceKind.IDENTITY_NAMESPACE, id)
            .orElseThrow(() -> IdentityErrors.notFound(id, caller.orgId()));
    return switch (m) {
      case "GET" -> ApiResponse.json(200, current.deepCopy());
      case "PUT" -> update(request, caller, id, current);
      default -> throw IdentityErrors.method(m, request.path(), "GET, PUT");
    };
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    ObjectNode body = body(request);
    String sentType = NamespaceRules.checkCreate(body);
    String code = body.get("code").asText();
    String name = body.get("name").asText();
    rejectConflicts(caller.scope(), code, name, Optional.empty());
    long id = newId(caller.scope());
    long now = clock.millis();
    ObjectNode ns = Json.object().put("updateTime", now).put("code", code).put("status", "ACTIVE");
    copyDescription(body, ns);
    ns.put("id", id).put("createTime", now).put("idType", NamespaceRules.upper(sentType));
    ns.put("name", name).put("custom", true);
    store.put(caller.scope(), ResourceKind.IDENTITY_NAMESPACE, String.valueOf(id), ns);
    // create-custom-namespace.md answers the idType as it was sent ("Cross_device"), while
    // list-namespaces.md answers upper case ("COOKIE"): only the create answer echoes it.
    ObjectNode answer = ns.deepCopy().put("idType", sentType);
    return ApiResponse.json(200, answer);
  }

  private ApiResponse update(ApiRequest request, Caller caller, String id, ObjectNode current) {
    if (!current.path("custom").asBoolean()) {
      throw IdentityErrors.invalid(
          "standard namespace '" + current.path("code").asText() + "' cannot be edited");
    }
    ObjectNode body = body(request);
    String idType = NamespaceRules.checkUpdate(body);
    // identity-service.yaml, PUT 400: "code and idType are non editable fields"
    boolean sameCode = body.get("code").asText().equalsIgnoreCase(current.path("code").asText());
    if (!sameCode || !NamespaceRules.upper(idType).equals(current.path("idType").asText())) {
      throw IdentityErrors.invalid("code and idType are non editable fields");
    }
    String name = body.get("name").asText();
    rejectConflicts(caller.scope(), null, name, Optional.of(id));
    ObjectNode updated = current.deepCopy().put("updateTime", clock.millis()).put("name", name);
    updated.remove("description");
    copyDescription(body, updated);
    store.put(caller.scope(), ResourceKind.IDENTITY_NAMESPACE, id, updated);
    // identity-service.yaml types the PUT answer as an array of the updated namespace
    ArrayNode answer = Json.array().add(updated.deepCopy());
    return ApiResponse.json(200, answer);
  }

  /** Codes and display names are unique per sandbox, compared case-insensitively. */
  private void rejectConflicts(Scope scope, String code, String name, Optional<String> ownId) {
    for (ObjectNode other : namespaces(scope)) {
      if (ownId.isPresent() && ownId.get().equals(other.path("id").asText())) {
        continue;
      }
      if (code != null && other.path("code").asText().equalsIgnoreCase(code)) {
        throw IdentityErrors.codeConflict(code);
      }
      if (other.path("name").asText().equalsIgnoreCase(name)) {
        throw IdentityErrors.nameConflict(name);
      }
    }
  }

  private ArrayNode list(Scope scope) {
    ArrayNode out = Json.array();
    namespaces(scope).forEach(n -> out.add(n.deepCopy()));
    return out;
  }

  private List<ObjectNode> namespaces(Scope scope) {
    return store.list(scope, ResourceKind.IDENTITY_NAMESPACE).stream()
        .map(Map.Entry::getValue)
        .toList();
  }

  /** Eight digits like the documented custom ids (10093197); standard ids are below 1000. */
  private long newId(Scope scope) {
    while (true) {
      long id = 10_000_000L + random.nextInt(90_000_000);
      if (store.get(scope, ResourceKind.IDENTITY_NAMESPACE, String.valueOf(id)).isEmpty()) {
        return id;
      }
    }
  }

  private static String numericId(String raw) {
    try {
      return String.valueOf(Long.parseLong(raw));
    } catch (NumberFormatException e) {
      throw IdentityErrors.invalid("namespace id must be the numeric id, got '" + raw + "'");
    }
  }

  private static void copyDescription(JsonNode body, ObjectNode target) {
    if (body.hasNonNull("description")) {
      target.put("description", body.get("description").asText());
    }
  }

  private static ObjectNode body(ApiRequest request) {
    if (!request.mediaType().equals("application/json")) {
      throw IdentityErrors.mediaType();
    }
    return Fields.requireObjectBody(Json.parse(request.body()));
  }
}
