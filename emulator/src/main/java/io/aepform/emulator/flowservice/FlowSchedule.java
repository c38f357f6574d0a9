package io.aepform.emulator.flowservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Violation;
import java.util.Optional;
import java.util.Set;

/**
 * A flow's {@code scheduleParams} and mapping version: what create and PATCH accept, and the form
 * GET answers them in.
 *
 * <p>Adobe's own tutorials send these values with different JSON types, and AEP takes them all:
 * help/sources/tutorials/api/collect/cloud-storage.md sends {@code "startTime": "1597784298"} and
 * {@code "interval": "30"} (strings) with {@code "mappingVersion": 0}; the seed tutorial sends an
 * integer {@code startTime}, {@code "interval": 1000} and {@code "backfill": true}. Whatever was
 * sent, GET answers strings: help/sources/tutorials/api/update-dataflows.md shows {@code
 * "startTime": "1612310466"}, {@code "interval": "15"}, {@code "backfill": "true"} and {@code
 * "mappingVersion": "0"}.
 */
final class FlowSchedule {
  private static final Set<String> FREQUENCIES = Set.of("once", "minute", "hour", "day", "week");

  private FlowSchedule() {}

  /** Checks {@code scheduleParams}; numbers may come as JSON numbers or as digit strings. */
  static void check(ObjectNode s) {
    requireCount(s, "startTime", "scheduleParams.startTime", true);
    String frequency = Fields.requireString(s, "frequency", "scheduleParams.frequency");
    if (!FREQUENCIES.contains(frequency)) {
      throw new Violation(
          "scheduleParams.frequency must be one of " + FREQUENCIES + ", got '" + frequency + "'");
    }
    backfill(s);
    if (frequency.equals("once")) {
      if (s.has("interval") || s.has("backfill")) {
        throw new Violation("scheduleParams with frequency 'once' take no interval or backfill");
      }
      return;
    }
    // The CloudStorageToAEP flow spec's scheduleSpec: interval minimum 15 for minute, else 1.
    long interval = requireCount(s, "interval", "scheduleParams.interval", true).orElseThrow();
    long min = frequency.equals("minute") ? 15 : 1;
    if (interval < min) {
      throw new Violation(
          "scheduleParams.interval must be >= " + min + " for frequency '" + frequency + "'");
    }
  }

  /** {@code transformations[].params.mappingVersion}, if present, is a whole number. */
  static void checkMappingVersion(JsonNode params) {
    if (params.isObject()) {
      requireCount(params, "mappingVersion", "transformations[].params.mappingVersion", false);
    }
  }

  /** Rewrites the schedule and mapping versions of a checked flow as GET answers them. */
  static void normalise(ObjectNode flow) {
    JsonNode s = flow.get("scheduleParams");
    if (s instanceof ObjectNode schedule) {
      for (String field : new String[] {"startTime", "interval", "backfill"}) {
        asString(schedule, field);
      }
    }
    for (JsonNode t : flow.path("transformations")) {
      if (t.get("params") instanceof ObjectNode params) {
        asString(params, "mappingVersion");
      }
    }
  }

  /** The start time in epoch seconds, if the flow has a readable one. */
  static Optional<Long> startTime(JsonNode flow) {
    return parseCount(flow.path("scheduleParams").get("startTime"));
  }

  private static void asString(ObjectNode parent, String field) {
    JsonNode v = parent.get(field);
    if (v != null && (v.isNumber() || v.isBoolean())) {
      parent.put(field, v.asText());
    }
  }

  private static void backfill(ObjectNode s) {
    JsonNode b = s.get("backfill");
    boolean ok = b == null || b.isBoolean() || (b.isTextual() && b.asText().matches("true|false"));
    if (!ok) {
      throw new Violation(
          "field 'scheduleParams.backfill' must be true or false, got " + Fields.type(b));
    }
  }

  private static Optional<Long> requireCount(
      JsonNode parent, String field, String path, boolean required) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        throw new Violation("missing required field '" + path + "'");
      }
      return Optional.empty();
    }
    return Optional.of(
        parseCount(n)
            .orElseThrow(
                () ->
                    new Violation(
                        "field '"
                            + path
                            + "' must be a whole number (e.g. 15 or \"15\"), got "
                            + (n.isTextual() ? "'" + n.asText() + "'" : Fields.type(n)))));
  }

  private static Optional<Long> parseCount(JsonNode n) {
    if (n == null) {
      return Optional.empty();
    }
    if (n.isIntegralNumber() && n.canConvertToLong() && n.asLong() >= 0) {
      return Optional.of(n.asLong());
    }
    if (n.isTextual() && n.asText().matches("\\d{1,18}")) {
      return Optional.of(Long.parseLong(n.asText()));
    }
    return Optional.empty();
  }
}
