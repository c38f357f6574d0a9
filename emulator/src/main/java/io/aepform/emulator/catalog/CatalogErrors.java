package io.aepform.emulator.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.ApiError;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Json;

/**
 * Catalog errors. catalog.yaml declares no error body, so the emulator answers a flat {@code
 * {"type":"http://ns.adobe.com/aep/errors/CAT-<code>-<status>","title","status","detail"}}; the
 * codes are the emulator's own (1000 invalid body, 1001 media type, 1002 method, 1003 missing
 * reference, 1004 not found).
 */
final class CatalogErrors {
  private CatalogErrors() {}

  static ApiError invalid(String message) {
    return error(400, "1000", "Bad Request", message);
  }

  static ApiError missingReference(String message) {
    return error(400, "1003", "Bad Request", message);
  }

  static ApiError notFound(String id) {
    return error(404, "1004", "Not Found", "No dataSet with id '" + id + "'");
  }

  static ApiError mediaType(String expected) {
    return error(415, "1001", "Unsupported Media Type", "Content-Type must be " + expected);
  }

  static ApiError method(String method, String path) {
    return error(405, "1002", "Method Not Allowed", method + " is not supported on " + path);
  }

  static ApiError error(int status, String code, String title, String detail) {
    ObjectNode body =
        Json.object()
            .put("type", "http://ns.adobe.com/aep/errors/CAT-" + code + "-" + status)
            .put("title", title)
            .put("status", status)
            .put("detail", detail);
    return new ApiError(ApiResponse.json(status, body));
  }
}
