package io.aepform.engine.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One call to the platform: a method, a path under the platform's base URL (already
 * percent-encoded; see {@link #segment(String)}), query parameters in order (a name may repeat, as
 * in {@code property=name==a&property=state==enabled}), extra headers (lower-cased names, e.g.
 * {@code accept}, {@code if-match}, {@code content-type}) and an optional JSON body.
 */
public record ApiRequest(
    HttpMethod method,
    String path,
    List<QueryParam> query,
    Map<String, String> headers,
    Optional<JsonNode> body) {

  /** One query parameter; its name and value are encoded when the URL is built. */
  public record QueryParam(String name, String value) {
    public QueryParam {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("query parameter name must not be empty");
      }
    }
  }

  public ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
      throw new IllegalArgumentException(
          "path must start with / and carry no query or fragment: " + path);
    }
    query = List.copyOf(query);
    headers = lowerCaseKeys(headers);
    body = body.map(JsonNode::deepCopy);
    if (method == HttpMethod.GET && body.isPresent()) {
      throw new IllegalArgumentException("a GET carries no body: " + path);
    }
  }

  /** A GET of {@code path}. */
  public static ApiRequest get(String path) {
    return new ApiRequest(HttpMethod.GET, path, List.of(), Map.of(), Optional.empty());
  }

  /** A DELETE of {@code path}. */
  public static ApiRequest delete(String path) {
    return new ApiRequest(HttpMethod.DELETE, path, List.of(), Map.of(), Optional.empty());
  }

  /** A POST of {@code body} to {@code path}. */
  public static ApiRequest post(String path, JsonNode body) {
    return new ApiRequest(HttpMethod.POST, path, List.of(), Map.of(), Optional.of(body));
  }

  /** A PUT of {@code body} to {@code path}. */
  public static ApiRequest put(String path, JsonNode body) {
    return new ApiRequest(HttpMethod.PUT, path, List.of(), Map.of(), Optional.of(body));
  }

  /** A PATCH of {@code body} (usually a JSON Patch array) to {@code path}. */
  public static ApiRequest patch(String path, JsonNode body) {
    return new ApiRequest(HttpMethod.PATCH, path, List.of(), Map.of(), Optional.of(body));
  }

  /** This request with one more query parameter appended. */
  public ApiRequest withQuery(String name, String value) {
    List<QueryParam> q = new ArrayList<>(query);
    q.add(new QueryParam(name, value));
    return new ApiRequest(method, path, q, headers, body);
  }

  /** This request with header {@code name} set to {@code value}, replacing any earlier value. */
  public ApiRequest withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, "value"));
    return new ApiRequest(method, path, query, h, body);
  }

  /** The header {@code name} given by the caller, if any. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The path and encoded query, as sent after the base URL. */
  public String pathAndQuery() {
    if (query.isEmpty()) {
      return path;
    }
    StringBuilder sb = new StringBuilder(path).append('?');
    for (int i = 0; i < query.size(); i++) {
      QueryParam p = query.get(i);
      sb.append(i == 0 ? "" : "&").append(encode(p.name())).append('=').append(encode(p.value()));
    }
    return sb.toString();
  }

  /**
   * Percent-encodes one path segment, e.g. a schema {@code $id} used as an id: {@code
   * https://ns.adobe.com/t/schemas/1} becomes {@code https%3A%2F%2Fns.adobe.com%2Ft%2Fschemas%2F1}.
   */
  public static String segment(String raw) {
    return encode(raw);
  }

  private static String encode(String s) {
    // URLEncoder is form encoding; the only difference that matters in a URL is the space
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Map<String, String> lowerCaseKeys(Map<String, String> in) {
    Map<String, String> out = new LinkedHashMap<>();
    in.forEach(
        (k, v) -> {
          String key = k.toLowerCase(Locale.ROOT);
          if (out.put(key, Objects.requireNonNull(v, k)) != null) {
            throw new IllegalArgumentException("header given twice: " + k);
          }
        });
    return Collections.unmodifiableMap(out);
  }
}
