package io.aepform.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.FaultKind;
import io.aepform.emulator.RequestLogEntry;
import io.aepform.emulator.gateway.ImsEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Every call received (up to {@link #CAPACITY}), in order, with secrets removed: no Authorization
 * header is kept, auth params and the IMS client secret are replaced by {@code ****}, and a body
 * that is not JSON is only counted, since it could hold anything.
 */
public final class RequestLog {
  /** Oldest entries are dropped beyond this, so a long-running emulator does not grow forever. */
  public static final int CAPACITY = 100_000;

  private static final String MASK = "****";
  private final ArrayDeque<RequestLogEntry> entries = new ArrayDeque<>();
  private long sequence;

  public synchronized void add(ApiRequest r, int status, FaultKind fault) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(
        new RequestLogEntry(
            ++sequence,
            r.method(),
            r.path(),
            r.rawQuery(),
            status,
            r.header("x-gw-ims-org-id").orElse(""),
            r.header("x-sandbox-name").orElse(""),
            redactedBody(r),
            fault));
  }

  public synchronized List<RequestLogEntry> entries() {
    return List.copyOf(entries);
  }

  public synchronized void clear() {
    entries.clear();
  }

  static String redactedBody(ApiRequest r) {
    if (!r.hasBody()) {
      return "";
    }
    String text = new String(r.body(), StandardCharsets.UTF_8);
    if (r.path().equals(ImsEndpoint.PATH)) {
      return ImsEndpoint.redact(text);
    }
    try {
      JsonNode node = Json.read(r.body());
      if (node == null) {
        return "";
      }
      redact(node);
      return new String(Json.bytes(node), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "<" + r.body().length + " bytes, not JSON>";
    }
  }

  private static void redact(JsonNode node) {
    if (node.isObject()) {
      JsonNode params = node.path("auth").path("params");
      if (params.isObject()) {
        ObjectNode p = (ObjectNode) params;
        List<String> names = new ArrayList<>();
        p.fieldNames().forEachRemaining(names::add);
        names.forEach(n -> p.put(n, MASK));
      }
      node.forEach(RequestLog::redact);
    } else if (node.isArray()) {
      for (JsonNode op : (ArrayNode) node) {
        if (op.isObject() && op.path("path").asText("").startsWith("/auth") && op.has("value")) {
          ((ObjectNode) op).put("value", MASK);
        }
      }
    }
  }
}
