package io.aepform.engine.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link ApiException}s users read: what was called, what came back, what to do next.
 * Every message goes through the {@link Redactor}, since error bodies may echo what was sent.
 */
final class ApiErrors {
  private static final String LOOK_UP =
      " It may or may not have been applied: look the object up by name before trying again.";

  private final Redactor redactor;

  ApiErrors(Redactor redactor) {
    this.redactor = redactor;
  }

  Redactor redactor() {
    return redactor;
  }

  /** A final non-2xx answer, with its headers (for the request id). */
  ApiException rejected(
      WireRequest r, int status, JsonNode body, Map<String, List<String>> headers) {
    AepError error = AepError.parse(body);
    String id = AepError.requestId(headers, body);
    String message =
        r.service()
            + " rejected "
            + r.label()
            + ": "
            + status
            + tail(error)
            + idTail(id)
            + hint(status);
    return build(message, status, error, id, false, null);
  }

  /** IMS refused to issue a token. */
  ApiException imsRejected(WireRequest r, WireResponse response, JsonNode body) {
    AepError error = AepError.parse(body);
    String id = AepError.requestId(response.headers(), body);
    String message =
        r.service()
            + " refused a token for "
            + r.label()
            + ": "
            + response.status()
            + tail(error)
            + idTail(id)
            + ". Check AEP_CLIENT_ID, AEP_CLIENT_SECRET, AEP_SCOPES and AEP_IMS_URL.";
    return build(message, response.status(), error, id, false, null);
  }

  /** A 5xx answer to a request that must not be repeated blindly. */
  ApiException unknownAfterStatus(WireRequest r, WireResponse response) {
    JsonNode body = Bodies.json(response);
    AepError error = AepError.parse(body);
    String id = AepError.requestId(response.headers(), body);
    String message =
        r.service() + " failed " + r.label() + ": " + response.status() + tail(error) + idTail(id);
    return build(message + "." + LOOK_UP, response.status(), error, id, true, null);
  }

  /** No answer to a request that must not be repeated blindly. */
  ApiException unknownAfterIo(WireRequest r, IOException e) {
    String message =
        "No answer from " + r.service() + " to " + r.label() + " (" + IoFailures.describe(e) + ").";
    return build(message + LOOK_UP, 0, AepError.NONE, "", true, e);
  }

  /** A failure before sending that another attempt would meet again. */
  ApiException unreachable(WireRequest r, IOException e) {
    String message =
        "Could not reach "
            + r.service()
            + " at "
            + r.uri().getScheme()
            + "://"
            + r.uri().getAuthority()
            + " for "
            + r.label()
            + ": "
            + IoFailures.describe(e)
            + ". Check the URL, the network and HTTPS_PROXY.";
    return build(message, 0, AepError.NONE, "", false, e);
  }

  /** Attempts or budget spent; {@code last} is the last response, or {@code failure} the I/O. */
  ApiException exhausted(
      WireRequest r,
      Optional<WireResponse> last,
      Optional<IOException> failure,
      int attempts,
      Duration waited,
      Optional<Duration> refusedWait) {
    String spent =
        " after "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + " ("
            + seconds(waited)
            + " waited"
            + refusedWait.map(d -> "; it asked to wait " + seconds(d) + " more").orElse("")
            + ").";
    if (last.isPresent()) {
      int status = last.get().status();
      JsonNode body = Bodies.json(last.get());
      AepError error = AepError.parse(body);
      String id = AepError.requestId(last.get().headers(), body);
      boolean unknown = status != 429 && r.method() != HttpMethod.GET;
      String what = status == 429 ? " kept throttling " : " kept failing ";
      String next =
          status == 429 ? " Try again later or lower the parallelism." : " Try again later.";
      String message =
          r.service() + what + r.label() + ": " + status + tail(error) + idTail(id) + spent + next;
      return build(message, status, error, id, unknown, null);
    }
    IOException e = failure.orElseThrow();
    boolean unknown = !IoFailures.beforeSend(e) && r.method() != HttpMethod.GET;
    String message =
        "Could not get an answer from "
            + r.service()
            + " for "
            + r.label()
            + " at "
            + r.uri().getAuthority()
            + ": "
            + IoFailures.describe(e)
            + spent
            + " Check the network and HTTPS_PROXY, or try again later.";
    return build(message, 0, AepError.NONE, "", unknown, e);
  }

  private ApiException build(
      String message,
      int status,
      AepError error,
      String requestId,
      boolean unknown,
      Throwable cause) {
    return new ApiException(
        redactor.scrub(message),
        status,
        error.code(),
        redactor.scrub(error.title()),
        requestId,
        unknown,
        cause);
  }

  /** Adobe support asks for the request id of a failed call: every message that has one says it. */
  private static String idTail(String requestId) {
    return requestId.isEmpty() ? "" : " (x-request-id: " + requestId + ")";
  }

  private static String tail(AepError error) {
    String summary = error.summary();
    return summary.isEmpty() ? "" : " " + summary;
  }

  private static String hint(int status) {
    return switch (status) {
      case 401 -> ". Check the credentials: the token may have expired or been revoked.";
      case 403 ->
          ". Check that AEP_API_KEY/AEP_CLIENT_ID and AEP_ORG_ID belong together and that the"
              + " project's product profile grants access to this sandbox.";
      case 412 -> ". The object changed since it was read: refresh and try again.";
      default -> "";
    };
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
