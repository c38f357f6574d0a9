package io.aepform.emulator.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.gateway.Caller;
import io.aepform.emulator.http.ApiRequest;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.http.Service;
import java.util.List;

/**
 * Flow Service with runs: answers as the wrapped service does, then keeps each flow's runs in step
 * with what a successful call did to it (created, patched, enabled, disabled, deleted), and adds
 * {@code lastRunDetails} to the flows GET returns (help/sources/tutorials/api/create/analytics/
 * pendo-webhook.md shows {@code {"id","state","startedAtUTC","completedAtUTC"}}).
 */
public final class FlowsWithRuns implements Service {
  private final Service flowService;
  private final Runs runs;

  public FlowsWithRuns(Service flowService, Runs runs) {
    this.flowService = flowService;
    this.runs = runs;
  }

  @Override
  public String prefix() {
    return flowService.prefix();
  }

  @Override
  public ApiResponse handle(ApiRequest request, Caller caller) {
    ApiResponse response = flowService.handle(request, caller);
    List<String> seg = request.segmentsAfter(prefix());
    if (seg.isEmpty() || !seg.get(0).equals("flows") || response.status() >= 300) {
      return response;
    }
    String method = request.method();
    if (method.equals("GET")) {
      return withLastRuns(response, caller);
    }
    String id = seg.size() > 1 ? seg.get(1) : Json.parse(response.body()).path("id").asText();
    if (method.equals("DELETE")) {
      runs.flowDeleted(caller.scope(), id);
    } else {
      runs.flowChanged(caller.scope(), id);
    }
    return response;
  }

  private ApiResponse withLastRuns(ApiResponse response, Caller caller) {
    JsonNode body = Json.parse(response.body());
    for (JsonNode item : body.path("items")) {
      if (item.isObject() && item.has("id")) {
        runs.lastRunDetails(caller.scope(), item.get("id").asText())
            .ifPresent(d -> ((ObjectNode) item).set("lastRunDetails", d));
      }
    }
    return new ApiResponse(
        response.status(), response.headers(), response.contentType(), Json.bytes(body), false);
  }
}
