package io.aepform.emulator.dataprep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.ApiError;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Json;

/**
 * Data Prep errors. Neither data-prep.yaml nor the mapping-set pages show an error body, so the
 * emulator answers AEP's common shape {@code {"type":"http://ns.adobe.com/aep/errors/DPS-<code>-
 * <status>","title","status","detail"}} with its own codes: 1000 invalid body, 1001 media type,
 * 1002 method, 1003 missing reference, 1004 not found, 1005 invalid mapping.
 */
final class DataPrepErrors {
  private DataPrepErrors() {}

  static ApiError invalid(String detail) {
    return error(400, "1000", "Bad Request", detail);
  }

  static ApiError invalidMappings(String detail) {
    return error(400, "1005", "Invalid mapping", detail);
  }

  static ApiError missingReference(String detail) {
    return error(400, "1003", "Bad Request", detail);
  }

  static ApiError notFound(String what) {
    return error(404, "1004", "Not Found", what + " not found");
  }

  static ApiError mediaType() {
    return error(415, "1001", "Unsupported Media Type", "Content-Type must be application/json");
  }

  static ApiError method(String method, String path, String allow) {
    ApiError e = error(405, "1002", "Method Not Allowed", method + " is not supported on " + path);
    return new ApiError(e.response().withHeader("Allow", allow));
  }

  private static ApiError error(int status, String code, String title, String detail) {
    ObjectNode body =
        Json.object()
            .put("type", "http://ns.adobe.com/aep/errors/DPS-" + code + "-" + status)
            .put("title", title)
            .put("status", status)
            .put("detail", detail);
    return new ApiError(ApiResponse.json(status, body));
  }
}
