package io.aepform.emulator.flowservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.JsonPatch;
import io.aepform.emulator.http.Violation;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** What a Flow Service PATCH may do, beyond being a well-formed RFC 6902 array. */
final class FlowPatches {
  /** help/sources/tutorials/api/update.md: "Operations include: add, replace, and remove." */
  private static final Set<String> OPS = Set.of("add", "replace", "remove");

  private FlowPatches() {}

  /** Checks every operation of a PATCH body against the rules of {@code kind}. */
  static void check(ResourceKind kind, JsonNode patch) {
    JsonPatch.paths(patch);
    for (JsonNode op : patch) {
      String name = op.get("op").asText();
      if (!OPS.contains(name)) {
        throw new Violation(
            "JSON Patch op '" + name + "' is not supported; use add, replace or remove");
      }
      // flow-service.yaml's PatchInstruction requires value, and Adobe's remove examples carry
      // one (help/destinations/api/update-destination-dataflows.md, "Remove an audience").
      if (!op.has("value")) {
        throw new Violation(
            "JSON Patch op '" + name + "' needs a 'value' (for remove: the value removed)");
      }
      checkPath(kind, Fields.requireString(op, "path", "path"));
    }
  }

  private static void checkPath(ResourceKind kind, String path) {
    String[] tokens = path.replaceFirst("^/", "").split("/");
    String first = tokens[0];
    if (first.equals("state")) {
      throw FlowErrors.stateInCreate();
    }
    if (FlowObjects.SERVER_FIELDS.contains(first)) {
      throw new Violation("field '" + first + "' is set by the server and cannot be patched");
    }
    Set<String> immutable =
        kind == ResourceKind.FLOW
            ? Set.of("flowSpec")
            : kind == ResourceKind.CONNECTION
                ? Set.of("connectionSpec")
                : Set.of("connectionSpec", "baseConnectionId");
    if (immutable.contains(first)) {
      throw FlowErrors.immutable(first);
    }
    // help/sources/tutorials/api/update.md documents credentials only as one replace of
    // /auth/params with the whole object; the emulator refuses anything finer (its strict choice).
    if (first.equals("auth") && tokens.length > 2) {
      throw new Violation(
          "credentials are updated as a whole: use 'replace' on /auth/params with every"
              + " parameter, not '"
              + path
              + "'");
    }
  }

  /**
   * help/sources/tutorials/api/update-dataflows.md: "You cannot update the startTime of a dataflow
   * if the initially scheduled startTime has already occurred."
   */
  static void checkStartTime(ObjectNode current, ObjectNode updated, Clock clock) {
    Optional<Long> before = FlowSchedule.startTime(current);
    Optional<Long> after = FlowSchedule.startTime(updated);
    long now = clock.instant().getEpochSecond();
    if (before.isPresent() && !before.equals(after) && before.get() <= now) {
      throw new Violation(
          "scheduleParams.startTime cannot be changed: the flow's start time "
              + before.get()
              + " has already passed (now "
              + now
              + ")");
    }
  }
}
