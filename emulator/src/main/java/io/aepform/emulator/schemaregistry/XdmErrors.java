package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.ApiError;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Json;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Schema Registry errors: {@code {"type":"http://ns.adobe.com/aep/errors/XDM-1012-404","title",
 * "status","report":{registryRequestId,timestamp,detailed-message,sub-errors},"detail"}}. Codes
 * 1006, 1007, 1012 and 1521 are AEP's; 1000 (invalid body), 1001 (media type) and 1002 (method) are
 * the emulator's choice.
 */
final class XdmErrors {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MM-dd-yyyy HH:mm:ss").withZone(ZoneOffset.UTC);

  private XdmErrors() {}

  static ApiError invalid(String message) {
    return error(400, "1000", "Invalid request", message);
  }

  static ApiError notFound(String id) {
    return error(
        404,
        "1012",
        "Resource Not Found",
        "Requested resource " + id + " with version 1 is not found");
  }

  static ApiError listAccept(String accept) {
    return error(
        400,
        "1006",
        "Accept header invalid",
        "The supplied Accept header is not valid: "
            + accept
            + " - A valid Accept value should look like application/vnd.adobe.'{xed|xdm'}+json");
  }

  static ApiError lookupAccept(String accept) {
    return error(
        400,
        "1007",
        "Accept header invalid",
        "The supplied Accept header is not valid: "
            + accept
            + " - A valid Accept value should look like application/vnd.adobe.'{xed|xdm'}+json;"
            + " version=1 (Version should be specified)");
  }

  static ApiError titleNotUnique(String title, String existingId) {
    return error(
        400,
        "1521",
        "Title must be unique",
        "Title must be unique. An object "
            + existingId
            + " already exists with the same title '"
            + title
            + "'");
  }

  static ApiError mediaType() {
    return error(415, "1001", "Unsupported media type", "Content-Type must be application/json");
  }

  static ApiError method(String method, String path) {
    return error(405, "1002", "Method not allowed", method + " is not supported on " + path);
  }

  static ApiError error(int status, String code, String title, String message) {
    ObjectNode report =
        Json.object()
            .put("registryRequestId", UUID.randomUUID().toString())
            .put("timestamp", TIME.format(Clock.systemUTC().instant()))
            .put("detailed-message", message);
    report.putArray("sub-errors");
    ObjectNode body =
        Json.object()
            .put("type", "http://ns.adobe.com/aep/errors/XDM-" + code + "-" + status)
            .put("title", title)
            .put("status", status);
    body.set("report", report);
    body.put("detail", message);
    return new ApiError(ApiResponse.json(status, body));
  }
}
