package io.aepform.engine.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform's final answer to an {@link ApiRequest}: status, headers (lower-cased names), the
 * JSON body ({@link MissingNode} when the body was empty, a text node when it was not JSON) and the
 * {@code ETag} header when present, kept verbatim (quotes included) for {@code If-Match}.
 */
public record HttpResult(
    int status, Map<String, List<String>> headers, JsonNode body, Optional<String> etag) {

  public HttpResult {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    headers = copyHeaders(headers);
    body = Objects.requireNonNull(body, "body").deepCopy();
    Objects.requireNonNull(etag, "etag");
  }

  /** The first value of header {@code name}, if present. */
  public Optional<String> header(String name) {
    List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    return values.stream().findFirst();
  }

  /** True for a 2xx status. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  private static Map<String, List<String>> copyHeaders(Map<String, List<String>> in) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    in.forEach(
        (k, v) ->
            out.merge(
                k.toLowerCase(Locale.ROOT),
                List.copyOf(v),
                (a, b) -> {
                  List<String> all = new ArrayList<>(a);
                  all.addAll(b);
                  return List.copyOf(all);
                }));
    return Collections.unmodifiableMap(out);
  }
}
