package io.aepform.emulator.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.ApiError;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Json;
import java.time.Instant;

/**
 * Identity Service errors, in the shape identity-service.yaml shows for its 400, 404 and 409
 * answers: {@code {"timestamp","type":".../namespacevalidation","status","error","title",
 * "description","report":{"code"}}}. 400 INVALID_REQUEST_PARAMS, 404 NAMESPACE_NOT_FOUND and 409
 * NAMESPACE_CODE_CONFLICT are the spec's; the name conflict, 405 and 415 are the emulator's.
 */
final class IdentityErrors {
  static final String TYPE = "http://ns.adobe.com/adobecloud/problem/namespacevalidation";

  private IdentityErrors() {}

  static ApiError invalid(String description) {
    return error(
        400,
        "Namespace Validation",
        "INVALID_REQUEST_PARAMS",
        description,
        "INVALID_REQUEST_PARAMS");
  }

  static ApiError notFound(String id, String orgId) {
    return error(
        404,
        "Namespace validation",
        "NAMESPACE_NOT_FOUND",
        "Namespace id " + id + " not found for given IMS Org " + orgId,
        "NAMESPACE_NOT_FOUND");
  }

  // identity-service.yaml, POST 409: "Namespace code already exists. Please use a different code"
  static ApiError codeConflict(String code) {
    return error(
        409,
        "NAMESPACE_CODE_CONFLICT",
        "NAMESPACE_CODE_CONFLICT",
        "Namespace code already exists. Please use a different code (code '" + code + "')",
        "INTEGRATION_CODE_EXISTS");
  }

  // features/namespaces.md: "You cannot use an existing display name and identity symbol"
  static ApiError nameConflict(String name) {
    return error(
        409,
        "NAMESPACE_NAME_CONFLICT",
        "NAMESPACE_NAME_CONFLICT",
        "Namespace name already exists. Please use a different name (name '" + name + "')",
        "INTEGRATION_NAME_EXISTS");
  }

  static ApiError method(String method, String path, String allow) {
    ApiError e =
        error(
            405,
            "Method Not Allowed",
            "METHOD_NOT_ALLOWED",
            method + " is not supported on " + path + " (namespaces cannot be deleted)",
            "METHOD_NOT_ALLOWED");
    return new ApiError(e.response().withHeader("Allow", allow));
  }

  static ApiError mediaType() {
    return error(
        415,
        "Unsupported Media Type",
        "UNSUPPORTED_MEDIA_TYPE",
        "Content-Type must be application/json",
        "UNSUPPORTED_MEDIA_TYPE");
  }

  static ApiError unknownPath(String path) {
    return error(404, "Not Found", "NOT_FOUND", "Unknown path " + path, "NOT_FOUND");
  }

  private static ApiError error(
      int status, String title, String error, String description, String reportCode) {
    ObjectNode body =
        Json.object()
            .put("timestamp", Instant.now().toString())
            .put("type", TYPE)
            .put("status", status)
            .put("error", error)
            .put("title", title)
            .put("description", description);
    body.putObject("report").put("code", reportCode);
    return new ApiError(ApiResponse.json(status, body));
  }
}
