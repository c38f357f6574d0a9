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
 * "status","report":{registryRequestId,timestamp,detailed-message,sub-errors},"detail"}}
 * (help/xdm/troubleshooting-guide.md). Codes 1006-1009, 1012, 1021, 1521, 1526 and 1528 and their
 * texts are AEP's; 1000 (invalid body), 1001 (media type), 1002 (method), 1003 (reference not
 * found), 1004 (resource in use) and 1005 (change refused on a Profile schema) are the emulator's,
 * for cases Adobe documents no error for.
 */
final class XdmErrors {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MM-dd-yyyy HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final String UNION = "Union descriptor validation error";

  private XdmErrors() {}

  static ApiError invalid(String message) {
    return error(400, "1000", "Invalid request", message);
  }

  /** "The requested class resource {id} with version 1 is not found." */
  static ApiError notFound(String noun, String id) {
    return error(
        404,
        "1012",
        "Resource not found",
        "The requested " + noun + " resource " + id + " with version 1 is not found.");
  }

  static ApiError listAccept(String accept) {
    return accept("1006", accept, "application/vnd.adobe.'{xed|xdm'}+json", "");
  }

  static ApiError lookupAccept(String accept) {
    return accept(
        "1007",
        accept,
        "application/vnd.adobe.'{xed|xdm'}+json;",
        " version=1 (Version should be specified)");
  }

  /** Descriptor lists take only the {@code xdm} media types (schema-registry.yaml example). */
  static ApiError descriptorListAccept(String accept) {
    return accept("1008", accept, "application/vnd.adobe.xdm-id+json", "");
  }

  static ApiError descriptorLookupAccept(String accept) {
    return accept("1009", accept, "application/vnd.adobe.xdm+json", "");
  }

  private static ApiError accept(String code, String accept, String valid, String suffix) {
    return error(
        400,
        code,
        "Accept header invalid",
        "The supplied Accept header is not valid: "
            + accept
            + " - A valid Accept value should look like "
            + valid
            + suffix);
  }

  static ApiError titleNotUnique(String existingId) {
    return error(
        400,
        "1521",
        "Title not unique",
        "Object titles must be unique. An object "
            + existingId
            + " already exists with the same title");
  }

  static ApiError namespace(String tenant, String field) {
    return error(
        400,
        "1021",
        "Namespace validation error",
        "A custom field is defined under an invalid namespace. All custom fields must be defined"
            + " under a top-level field named _"
            + tenant
            + ". Found: '"
            + field
            + "'.");
  }

  static ApiError missingReference(String what) {
    return error(400, "1003", "Reference not found", what);
  }

  static ApiError inUse(String id, String userId) {
    return error(
        400,
        "1004",
        "Resource in use",
        "The resource " + id + " cannot be deleted: it is used by " + userId);
  }

  static ApiError profileLocked(String message) {
    return error(400, "1005", "Schema enabled for Profile", message);
  }

  /** The emulator's 1005 too: a breaking change to a schema a dataset was created for. */
  static ApiError schemaInUse(String message) {
    return error(400, "1005", "Breaking change refused", message);
  }

  static ApiError unionIdentity() {
    return error(
        400,
        "1528",
        UNION,
        "To participate in a union, a schema must include an identityMap fieldgroup or a primary"
            + " identity descriptor.");
  }

  static ApiError unionReferenceIdentity() {
    return error(
        400,
        "1526",
        UNION,
        "If a schema contains properties that are associated with an xdm:descriptorOneToOne"
            + " descriptor, those properties must also have a xdm:descriptorReferenceIdentity"
            + " descriptor for that schema to participate in a union.");
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
