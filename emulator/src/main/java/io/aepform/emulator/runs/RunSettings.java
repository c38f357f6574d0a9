package io.aepform.emulator.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.RunOptions;
import io.aepform.emulator.http.Json;

/**
 * What decides a run's course, recorded with each stretch of a flow's schedule so that a run keeps
 * the outcome it had when it started, whatever the emulator is told later.
 *
 * @param durationMillis how long a run stays in progress
 * @param failureRate fraction of runs that fail
 * @param partialFailureRate fraction of runs that succeed with failed records
 */
record RunSettings(long durationMillis, double failureRate, double partialFailureRate) {
  static RunSettings of(RunOptions o) {
    return new RunSettings(o.duration().toMillis(), o.failureRate(), o.partialFailureRate());
  }

  ObjectNode toJson() {
    return Json.object()
        .put("durationMillis", durationMillis)
        .put("failureRate", failureRate)
        .put("partialFailureRate", partialFailureRate);
  }

  static RunSettings fromJson(JsonNode n) {
    return new RunSettings(
        n.path("durationMillis").asLong(),
        n.path("failureRate").asDouble(),
        n.path("partialFailureRate").asDouble());
  }
}
