package io.aepform.emulator.schemaregistry;

import io.aepform.emulator.gateway.Caller;
import io.aepform.emulator.http.ApiError;
import io.aepform.emulator.http.ApiRequest;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Service;
import io.aepform.emulator.http.Violation;
import io.aepform.emulator.store.ObjectStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Schema Registry: {@code /stats} and the tenant container's schemas, field groups, data types
 * (create, look up, list, PUT, PATCH, delete) and descriptors.
 */
public final class SchemaRegistryApi implements Service {
  public static final String PREFIX = "/data/foundation/schemaregistry";

  private final ObjectStore store;
  private final XdmResources resources;
  private final DescriptorApi descriptors;

  public SchemaRegistryApi(ObjectStore store, Clock clock) {
    this.store = store;
    this.resources = new XdmResources(store, new RegistryMetadata(clock));
    this.descriptors = new DescriptorApi(store, clock);
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
    if (seg.size() == 1 && seg.get(0).equals("stats")) {
      if (!request.method().equals("GET")) {
        throw XdmErrors.method(request.method(), request.path());
      }
      // help/xdm/api/getting-started.md: GET /stats answers the org's tenantId.
      return ApiResponse.json(
          200, Stats.answer(caller.orgId(), new XdmRegistry(store, caller.scope())));
    }
    if (seg.size() < 2 || !seg.get(0).equals("tenant")) {
      throw unknown(request);
    }
    List<String> ids = seg.subList(2, seg.size());
    if (seg.get(1).equals("descriptors")) {
      return descriptors.handle(ids, request, caller);
    }
    Optional<XdmKind> kind = XdmKind.ofPath(seg.get(1));
    if (kind.isEmpty()) {
      throw unknown(request);
    }
    return resources.handle(kind.get(), ids, request, caller);
  }

  private static ApiError unknown(ApiRequest request) {
    return XdmErrors.error(404, "1012", "Resource not found", "Unknown path " + request.path());
  }
}
