package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.gateway.Caller;
import io.aepform.emulator.http.ApiRequest;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.store.ObjectStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code /tenant/descriptors} (help/xdm/api/descriptors.md): POST answers 201 with the descriptor
 * and its {@code @id}; GET by {@code @id} needs no Accept ("Descriptors are not versioned") and
 * adds who and when; PUT answers 201 {@code {"@id"}} as the page shows (schema-registry.yaml says
 * 200 with the whole descriptor); DELETE answers 204.
 */
final class DescriptorApi {
  private final ObjectStore store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  DescriptorApi(ObjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  ApiResponse handle(List<String> ids, ApiRequest request, Caller caller) {
    XdmRegistry registry = new XdmRegistry(store, caller.scope());
    String m = request.method();
    if (ids.isEmpty()) {
      return switch (m) {
        case "GET" -> ApiResponse.json(200, DescriptorListing.list(request, registry));
        case "POST" -> create(request, caller, registry);
        default -> throw XdmErrors.method(m, request.path());
      };
    }
    String id = String.join("/", ids);
    ObjectNode current =
        store
            .get(caller.scope(), ResourceKind.DESCRIPTOR, id)
            .orElseThrow(() -> XdmErrors.notFound("descriptor", id));
    return switch (m) {
      case "GET" -> lookup(request, current);
      case "PUT" -> replace(request, caller, registry, current);
      case "DELETE" -> {
        store.remove(caller.scope(), ResourceKind.DESCRIPTOR, id);
        yield ApiResponse.empty(204);
      }
      default -> throw XdmErrors.method(m, request.path());
    };
  }

  private ApiResponse create(ApiRequest request, Caller caller, XdmRegistry registry) {
    ObjectNode body = body(request);
    Descriptors.check(body, registry, Optional.empty());
    byte[] b = new byte[20];
    random.nextBytes(b);
    String id = HexFormat.of().formatHex(b);
    long now = clock.millis();
    ObjectNode doc = clientFields(body);
    doc.put("createdUser", caller.clientId() + "@AdobeID").put("imsOrg", caller.orgId());
    doc.put("createdClient", caller.clientId());
    doc.put("updatedUser", caller.clientId() + "@AdobeID");
    doc.put("created", now).put("updated", now);
    doc.put("meta:containerId", "tenant").put("@id", id);
    store.put(caller.scope(), ResourceKind.DESCRIPTOR, id, doc);
    // The create answer is the body with meta:containerId and @id ("Create a descriptor").
    ObjectNode answer = clientFields(body);
    answer.put("meta:containerId", "tenant").put("@id", id);
    return ApiResponse.json(201, answer);
  }

  private ApiResponse replace(
      ApiRequest request, Caller caller, XdmRegistry registry, ObjectNode current) {
    ObjectNode body = body(request);
    String id = current.get("@id").asText();
    Descriptors.check(body, registry, Optional.of(id));
    ObjectNode doc = clientFields(body);
    for (String f : List.of("createdUser", "imsOrg", "createdClient", "created")) {
      doc.set(f, current.get(f));
    }
    doc.put("updatedUser", caller.clientId() + "@AdobeID").put("updated", clock.millis());
    doc.put("meta:containerId", "tenant").put("@id", id);
    store.put(caller.scope(), ResourceKind.DESCRIPTOR, id, doc);
    return ApiResponse.json(201, Json.object().put("@id", id));
  }

  /**
   * No Accept is needed; one that is not an {@code xdm} type is XDM-1009-400 (the lookup error
   * example of schema-registry.yaml).
   */
  private static ApiResponse lookup(ApiRequest request, ObjectNode current) {
    String accept = request.header("accept").orElse("").trim();
    boolean ok =
        accept.isEmpty()
            || accept.equals("*/*")
            || accept.startsWith("application/json")
            || accept.startsWith("application/vnd.adobe.xdm+json");
    if (!ok) {
      throw XdmErrors.descriptorLookupAccept(accept);
    }
    return ApiResponse.json(200, current.deepCopy());
  }

  private static ObjectNode clientFields(ObjectNode body) {
    ObjectNode doc = body.deepCopy();
    doc.remove(Descriptors.SERVER_FIELDS);
    return doc;
  }

  private static ObjectNode body(ApiRequest request) {
    if (!request.mediaType().equals("application/json")) {
      throw XdmErrors.mediaType();
    }
    JsonNode body = Json.parse(request.body());
    return Fields.requireObjectBody(body);
  }
}
