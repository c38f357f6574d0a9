package io.aepform.emulator.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.ApiError;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Json;

/**
 * Errors of {@code /runs} in Flow Service's format ({@code FLOW-<code>-<status>}): 1439 (not found)
 * is AEP's; 1401 (invalid request) and 1406 (method) are the emulator's, as for the other Flow
 * Service paths.
 */
final class RunErrors {
  private RunErrors() {}

  static ApiError notFound(String id) {
    return error(404, "1439", "Resource not found", "No runs object with id '" + id + "'");
  }

  static ApiError invalid(String message) {
    return error(400, "1401", "Invalid request", message);
  }

  static ApiError method(String method, String path) {
    return error(405, "1406", "Method not allowed", method + " is not supported on " + path);
  }

  private static ApiError error(int status, String code, String title, String message) {
    ObjectNode body =
        Json.object()
            .put("type", "https://ns.adobe.com/aep/errors/FLOW-" + code + "-" + status)
            .put("title", title)
            .put("status", status);
    body.putObject("report").put("detailed-message", message);
    body.put("errorMessage", message);
    return new ApiError(ApiResponse.json(status, body));
  }
}
