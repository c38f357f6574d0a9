package io.aepform.emulator.flowservice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.ApiError;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Json;

/**
 * Flow Service errors, {@code {"type":".../FLOW-1439-404","title","status","report":{...},
 * "errorMessage"}}. Codes 1403, 1404, 1410, 1414, 1418 and 1439 are AEP's; the others (1401 invalid
 * body, 1402 missing reference, 1405 media type, 1406 method) are the emulator's choice.
 */
final class FlowErrors {
  private FlowErrors() {}

  static ApiError notFound(String collection, String id) {
    return error(
        404, "1439", "Resource not found", "No " + collection + " object with id '" + id + "'");
  }

  static ApiError invalid(String message) {
    return error(400, "1401", "Invalid request", message);
  }

  static ApiError missingReference(String message) {
    return error(400, "1402", "Referenced resource not found", message);
  }

  static ApiError ifMatchMissing() {
    return error(
        400,
        "1403",
        "If-Match header is missing",
        "PATCH requires an If-Match header with the object's current etag");
  }

  static ApiError stale(String current) {
    return error(
        412,
        "1404",
        "Precondition failed",
        "If-Match does not match the current etag " + current + "; read the object again");
  }

  static ApiError stateInCreate() {
    return error(
        400,
        "1410",
        "State is not allowed",
        "'state' cannot be set on create or by PATCH; use POST /flows/{id}/action?op=ENABLE|DISABLE");
  }

  static ApiError immutable(String field) {
    return error(400, "1414", "Immutable field", "Field '" + field + "' cannot be changed");
  }

  static ApiError inUse(String id, String flowId) {
    return error(
        400,
        "1418",
        "Connection in use",
        "Connection '" + id + "' is used by flow '" + flowId + "'; delete the flow first");
  }

  static ApiError mediaType() {
    return error(415, "1405", "Unsupported media type", "Content-Type must be application/json");
  }

  static ApiError method(String method, String path) {
    return error(405, "1406", "Method not allowed", method + " is not supported on " + path);
  }

  static ApiError error(int status, String code, String title, String message) {
    ObjectNode report = Json.object().put("detailed-message", message);
    ObjectNode body =
        Json.object()
            .put("type", "https://ns.adobe.com/aep/errors/FLOW-" + code + "-" + status)
            .put("title", title)
            .put("status", status);
    body.set("report", report);
    body.put("errorMessage", message);
    return new ApiError(ApiResponse.json(status, body));
  }
}
