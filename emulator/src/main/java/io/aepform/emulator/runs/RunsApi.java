package io.aepform.emulator.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.gateway.Caller;
import io.aepform.emulator.http.ApiError;
import io.aepform.emulator.http.ApiRequest;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.http.Service;
import io.aepform.emulator.http.Violation;
import java.util.List;
import java.util.function.Predicate;

/**
 * Flow Service's {@code /runs}: {@code GET /runs} (help/dataflows/api/monitor.md: {@code GET
 * /runs?property=flowId=={FLOW_ID}}) and {@code GET /runs/{id}} (the spec's retrieveFlowRun,
 * answered as {@code {"items":[run]}} like the other Flow Service reads). Ad hoc runs ({@code POST
 * /runs}) are not emulated.
 */
public final class RunsApi implements Service {
  public static final String PREFIX = "/data/foundation/flowservice/runs";

  private final Runs runs;

  public RunsApi(Runs runs) {
    this.runs = runs;
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
      return RunErrors.invalid(v.getMessage()).response();
    } catch (ApiError e) {
      return e.response();
    }
  }

  private ApiResponse route(ApiRequest request, Caller caller) {
    List<String> seg = request.segmentsAfter(PREFIX);
    if (!request.method().equals("GET") || seg.size() > 1) {
      throw RunErrors.method(request.method(), request.path());
    }
    if (seg.isEmpty()) {
      List<RunView> views =
          runs.refs(caller.scope(), flows(request)).stream()
              .map(r -> new RunView(r, ref -> runs.document(caller.scope(), ref)))
              .toList();
      return ApiResponse.json(200, RunListing.page(request, views));
    }
    RunRef ref =
        runs.find(caller.scope(), seg.get(0)).orElseThrow(() -> RunErrors.notFound(seg.get(0)));
    ObjectNode body = Json.object();
    body.putArray("items").add(runs.document(caller.scope(), ref));
    return ApiResponse.json(200, body);
  }

  /** Only the flows a {@code flowId==} filter names need their runs computed. */
  private static Predicate<String> flows(ApiRequest request) {
    Predicate<String> p = f -> true;
    for (String condition : request.queryParams("property")) {
      RunFilter f = RunFilter.parse(condition);
      if (f.path().equals("flowId") && f.op().equals("==")) {
        p = p.and(id -> f.values().stream().anyMatch(id::equalsIgnoreCase));
      }
    }
    return p;
  }
}
