package io.aepform.emulator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.flowservice.FlowObjects;
import io.aepform.emulator.gateway.Caller;
import io.aepform.emulator.http.ApiError;
import io.aepform.emulator.http.ApiRequest;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.http.JsonPatch;
import io.aepform.emulator.http.MergePatch;
import io.aepform.emulator.http.Service;
import io.aepform.emulator.http.Violation;
import io.aepform.emulator.store.ObjectStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Catalog: datasets (create, look up, list, PATCH, delete). */
public final class CatalogApi implements Service {
  public static final String PREFIX = "/data/foundation/catalog";

  private final ObjectStore store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private volatile int pageCap;

  public CatalogApi(ObjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** At most this many datasets per list page whatever the limit; 0 for Catalog's own limits. */
  public void setPageCap(int cap) {
    if (cap < 0) {
      throw new IllegalArgumentException("page cap must be >= 0, got " + cap);
    }
    this.pageCap = cap;
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
      return CatalogErrors.invalid(v.getMessage()).response();
    } catch (ApiError e) {
      return e.response();
    }
  }

  private ApiResponse route(ApiRequest request, Caller caller) {
    List<String> seg = request.segmentsAfter(PREFIX);
    if (seg.isEmpty() || !seg.get(0).equals("dataSets") || seg.size() > 2) {
      throw CatalogErrors.error(404, "1004", "Not Found", "Unknown path " + request.path());
    }
    String m = request.method();
    if (seg.size() == 1) {
      return switch (m) {
        case "GET" -> ApiResponse.json(200, DataSetListing.list(request, listed(caller), pageCap));
        case "POST" -> create(request, caller);
        default -> throw CatalogErrors.method(m, request.path());
      };
    }
    String id = seg.get(1);
    ObjectNode current =
        store
            .get(caller.scope(), ResourceKind.DATASET, id)
            .orElseThrow(() -> CatalogErrors.notFound(id));
    return switch (m) {
      case "GET" -> ApiResponse.json(200, keyed(id, DataSetListing.project(request, current)));
      case "PATCH" -> patch(request, caller, id, current);
      case "DELETE" -> {
        store.remove(caller.scope(), ResourceKind.DATASET, id);
        yield ApiResponse.json(200, ref(id));
      }
      default -> throw CatalogErrors.method(m, request.path());
    };
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    if (!request.mediaType().equals("application/json")) {
      throw CatalogErrors.mediaType("application/json");
    }
    String rds = request.queryParam("requestDataSource").orElse("false");
    if (!rds.equals("true") && !rds.equals("false")) {
      throw new Violation("requestDataSource must be true or false");
    }
    ObjectNode body = Fields.requireObjectBody(Json.parse(request.body()));
    DataSetRules.rejectServerFields(fieldNames(body));
    DataSetRules.check(body, store, caller.scope());
    String id = newId();
    long now = clock.millis();
    ObjectNode ds = body.deepCopy();
    ds.put("version", "1.0.0").put("imsOrg", caller.orgId());
    ds.put("sandboxId", FlowObjects.sandboxId(caller.scope()));
    ds.put("created", now).put("updated", now).put("createdClient", caller.clientId());
    ds.put("createdUser", caller.clientId() + "@AdobeID")
        .put("updatedUser", caller.clientId() + "@AdobeID");
    ds.put("viewId", newId()).put("files", "@/dataSetFiles?dataSetId=" + id);
    ProfileTags.addPlatformTags(ds, store, caller.scope());
    if (rds.equals("true")) {
      ds.put("dataSourceId", 1 + random.nextInt(1_000_000));
    }
    store.put(caller.scope(), ResourceKind.DATASET, id, ds);
    return ApiResponse.json(201, ref(id)).withHeader("Location", PREFIX + "/dataSets/" + id);
  }

  private ApiResponse patch(ApiRequest request, Caller caller, String id, ObjectNode current) {
    String mt = request.mediaType();
    JsonNode patch = Json.parse(request.body());
    ObjectNode updated;
    if (mt.equals("application/json-patch+json")) {
      List<String> firsts = new ArrayList<>();
      JsonPatch.paths(patch).forEach(p -> firsts.add(p.replaceFirst("^/", "").split("/", 2)[0]));
      DataSetRules.rejectServerFields(firsts);
      updated = JsonPatch.apply(current, patch);
    } else if (mt.equals("application/json")) {
      if (patch.isArray()) {
        throw new Violation("a JSON Patch array needs Content-Type application/json-patch+json");
      }
      DataSetRules.rejectServerFields(fieldNames(patch));
      updated = MergePatch.apply(current, patch);
    } else {
      throw CatalogErrors.mediaType("application/json or application/json-patch+json");
    }
    DataSetRules.check(updated, store, caller.scope());
    updated.put("version", nextVersion(current.path("version").asText("1.0.0")));
    updated.put("updated", clock.millis()).put("updatedUser", caller.clientId() + "@AdobeID");
    store.put(caller.scope(), ResourceKind.DATASET, id, updated);
    return ApiResponse.json(200, ref(id));
  }

  private List<Map.Entry<String, ObjectNode>> listed(Caller caller) {
    return store.listVisible(caller.scope(), ResourceKind.DATASET);
  }

  static ObjectNode keyed(String id, ObjectNode ds) {
    ObjectNode out = Json.object();
    out.set(id, ds);
    return out;
  }

  private static JsonNode ref(String id) {
    return Json.array().add("@/dataSets/" + id);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** 24 hex characters, like Catalog's ids: a seconds timestamp, then random bytes. */
  private String newId() {
    byte[] b = new byte[8];
    random.nextBytes(b);
    return String.format("%08x", clock.millis() / 1000) + HexFormat.of().formatHex(b);
  }

  private static String nextVersion(String v) {
    String[] p = v.split("\\.");
    try {
      return p[0] + "." + p[1] + "." + (Integer.parseInt(p[2]) + 1);
    } catch (RuntimeException e) {
      return "1.0.1";
    }
  }
}
