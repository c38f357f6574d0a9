package io.aepform.emulator;

import java.util.Objects;

/**
 * One call the emulator received, in arrival order.
 *
 * @param sequence 1-based arrival number
 * @param method HTTP method, e.g. {@code POST}
 * @param path raw path without the query, e.g. {@code /data/foundation/flowservice/flows}
 * @param query raw query string, empty if none
 * @param status HTTP status answered; 0 when the connection was dropped
 * @param orgId the {@code x-gw-ims-org-id} header, empty if absent
 * @param sandbox the {@code x-sandbox-name} header, empty if absent
 * @param body the request body with secrets replaced by {@code ****} (auth params, IMS
 *     client_secret); empty if none
 * @param fault the fault injected, {@link FaultKind#NONE} if none
 */
public record RequestLogEntry(
    long sequence,
    String method,
    String path,
    String query,
    int status,
    String orgId,
    String sandbox,
    String body,
    FaultKind fault) {
  public RequestLogEntry {
    Objects.requireNonNull(method);
    Objects.requireNonNull(path);
    Objects.requireNonNull(query);
    Objects.requireNonNull(orgId);
    Objects.requireNonNull(sandbox);
    Objects.requireNonNull(body);
    Objects.requireNonNull(fault);
  }

  /** {@code METHOD path[?query] -> status}, the form tests compare against. */
  public String summary() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status;
  }
}
