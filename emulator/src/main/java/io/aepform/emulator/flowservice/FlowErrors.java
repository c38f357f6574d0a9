package io.aepform.emulator.flowservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.ApiError;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Json;

/**
 * Flow Service errors, shaped as help/sources/tutorials/api/labels.md shows them: {@code
 * {"type":".../FLOW-1439-404","title","status","report":{"detailed-message","request-id",...},
 * "errorMessage","errorDetails"}}. Codes 1403, 1404, 1410, 1414, 1418 and 1439 are AEP's; the
 * others (1401 invalid body, 1402 missing reference, 1405 media type, 1406 method) are the
 * emulator's choice.
 */
final class FlowErrors {
  private FlowErrors() {}

  /** The text and report of help/sources/tutorials/api/labels.md's FLOW-1439-404 example. */
  static ApiError notFound(String collection, String id) {
    String message =
        "The requested "
            + collection
            + " resource "
            + id
            + " is not found. Verify the resource ID before trying again.";
    ObjectNode report =
        Json.object().put("detailed-message", message).put("id", id).put("type", collection);
    return error(404, "1439", "Resource not found", message, report);
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
    return error(status, code, title, message, Json.object().put("detailed-message", message));
  }

  private static ApiError error(
      int status, String code, String title, String message, ObjectNode report) {
    ObjectNode body =
        Json.object()
            .put("type", "https://ns.adobe.com/aep/errors/FLOW-" + code + "-" + status)
            .put("title", title)
            .put("status", status);
    body.set("report", report);
    body.put("errorMessage", message).put("errorDetails", message);
    return new ApiError(ApiResponse.json(status, body));
  }

  /**
   * Adds the call's request id to an error's {@code report}, as AEP's reports carry it ({@code
   * "request-id"}, help/sources/tutorials/api/labels.md); other answers pass unchanged.
   */
  static ApiResponse traced(ApiResponse response, String requestId) {
    if (response.status() < 400 || requestId.isEmpty() || response.body().length == 0) {
      return response;
    }
    JsonNode body = Json.parse(response.body());
    if (!(body.get("report") instanceof ObjectNode report)) {
      return response;
    }
    report.put("request-id", requestId);
    return new ApiResponse(
        response.status(),
        response.headers(),
        response.contentType(),
        Json.bytes(body),
        response.dropped());
  }
}
