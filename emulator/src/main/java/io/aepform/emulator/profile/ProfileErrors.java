package io.aepform.emulator.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.ApiError;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Json;

/**
 * Profile errors. profile.yaml declares no body for the merge-policy errors, so the emulator
 * answers AEP's common shape {@code {"type":"http://ns.adobe.com/aep/errors/UPLIB-<code>-<status>",
 * "title","status","detail"}}. UPLIB-101221-404 "Merge policy not found" is AEP's (the contextual
 * help id {@code platform_errors_uplib_101221_404} of profile/merge-policies/ui-guide.md); the
 * others are the emulator's: 101000 invalid body, 101001 media type, 101002 method, 101003 a second
 * edge-active policy, 101004 deleting an edge-active policy, 101005 missing dataset.
 */
final class ProfileErrors {
  private ProfileErrors() {}

  static ApiError invalid(String detail) {
    return error(400, "101000", "Bad Request", detail);
  }

  static ApiError notFound(String id) {
    return error(404, "101221", "Merge policy not found", "No merge policy with id '" + id + "'");
  }

  static ApiError secondEdgePolicy(String currentId) {
    return error(
        400,
        "101003",
        "Only one merge policy can be active on edge",
        "Merge policy "
            + currentId
            + " is already active on edge in this sandbox; set its isActiveOnEdge to false first");
  }

  static ApiError deleteEdgePolicy(String id) {
    return error(
        400,
        "101004",
        "Merge policy is active on edge",
        "Merge policy "
            + id
            + " has isActiveOnEdge set to true and cannot be deleted; PATCH or PUT it to false first");
  }

  static ApiError missingDataset(String id) {
    return error(
        400,
        "101005",
        "Bad Request",
        "attributeMerge.order: dataset '" + id + "' does not exist in this sandbox");
  }

  static ApiError mediaType() {
    return error(415, "101001", "Unsupported Media Type", "Content-Type must be application/json");
  }

  static ApiError method(String method, String path, String allow) {
    ApiError e =
        error(405, "101002", "Method Not Allowed", method + " is not supported on " + path);
    return new ApiError(e.response().withHeader("Allow", allow));
  }

  static ApiError unknownPath(String path) {
    return error(404, "101006", "Not Found", "Unknown path " + path);
  }

  private static ApiError error(int status, String code, String title, String detail) {
    ObjectNode body =
        Json.object()
            .put("type", "http://ns.adobe.com/aep/errors/UPLIB-" + code + "-" + status)
            .put("title", title)
            .put("status", status)
            .put("detail", detail);
    return new ApiError(ApiResponse.json(status, body));
  }
}
