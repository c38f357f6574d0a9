package io.aepform.emulator.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.Json;
import java.util.HexFormat;

/**
 * A run as {@code GET /runs} answers it, in the shape of help/dataflows/api/monitor.md's example:
 * the flow's audit fields, {@code metrics} (duration, size, records, files, status) and {@code
 * activities} (the page's spelling; the spec's FlowRunItemDTO says {@code activites}).
 */
final class RunDocument {
  static final String IN_PROGRESS = "inProgress";

  private RunDocument() {}

  static ObjectNode write(RunRef ref, JsonNode flow, RunOutcome drawn, Intake in, long now) {
    boolean done = ref.completedBy(now);
    long updated = done ? ref.completesAt() : ref.at();
    String id = ref.id();
    ObjectNode o = Json.object().put("id", id).put("flowId", ref.flowId());
    o.put("createdAt", ref.at()).put("updatedAt", updated);
    for (String f : new String[] {"createdBy", "createdClient"}) {
      String by = flow.path(f).asText();
      o.put(f, by).put(f.replace("created", "updated"), by);
    }
    for (String f : new String[] {"sandboxId", "sandboxName", "imsOrgId"}) {
      o.put(f, flow.path(f).asText());
    }
    o.set("flowSpec", flow.path("flowSpec").deepCopy());
    o.put("etag", etag(id, updated));
    if (!done) {
      ObjectNode m = o.putObject("metrics");
      m.putObject("durationSummary").put("startedAtUTC", ref.at());
      m.putObject("statusSummary").put("status", IN_PROGRESS);
      o.putArray("activities");
      return o;
    }
    RunOutcome outcome = effective(drawn, in);
    RunActivities acts = new RunActivities(ref, flow, in, outcome, batchId(id));
    o.set("metrics", outcome.failed() ? acts.failedMetrics() : acts.metrics());
    o.set("activities", acts.activities());
    return o;
  }

  /** A run that picked up no records has none that can fail. */
  static RunOutcome effective(RunOutcome drawn, Intake in) {
    return drawn == RunOutcome.PARTIAL_FAILURE && in.records() == 0 ? RunOutcome.SUCCESS : drawn;
  }

  /** The {@code state} of a flow's {@code lastRunDetails} (pendo-webhook.md: partialSuccess). */
  static String state(RunRef ref, RunOutcome outcome, long now) {
    if (!ref.completedBy(now)) {
      return IN_PROGRESS;
    }
    return switch (outcome) {
      case SUCCESS -> "success";
      case PARTIAL_FAILURE -> "partialSuccess";
      default -> "failed";
    };
  }

  /** AEP's etag shape, e.g. {@code "b8003af1-0000-0200-0000-5f2b09f10000"}, stable per version. */
  static String etag(String id, long updated) {
    String head = String.format("%08x", (id + "@" + updated).hashCode());
    String time = String.format("%012x", updated / 1000 * 0x10000L & 0xffffffffffffL);
    return "\"" + head + "-0000-0200-0000-" + time + "\"";
  }

  /** A batch id shaped like AEP's ({@code 01EF01X41KJD82Y9ZX6ET54PCZ}), stable per run. */
  static String batchId(String runId) {
    String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    byte[] b = HexFormat.of().parseHex(runId.replace("-", ""));
    StringBuilder s = new StringBuilder("01");
    for (int i = 0; s.length() < 26; i++) {
      s.append(alphabet.charAt((b[i % b.length] & 0xff) % 32));
    }
    return s.toString();
  }
}
