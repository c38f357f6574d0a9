package io.aepform.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request, read fully.
 *
 * @param method upper-case method
 * @param path raw (still URL-encoded) path
 * @param rawQuery raw query string, empty if none
 * @param headers header values by lower-case name (first value)
 * @param body the body bytes, empty if none
 */
public record ApiRequest(
    String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {
  public ApiRequest {
    headers = Map.copyOf(headers);
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  public boolean hasBody() {
    return body.length > 0;
  }

  /** The Content-Type without parameters, lower-cased; empty if absent. */
  public String mediaType() {
    String ct = header("content-type").orElse("");
    int semi = ct.indexOf(';');
    return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  /** Path segments after {@code prefix}, URL-decoded; a trailing slash adds no segment. */
  public List<String> segmentsAfter(String prefix) {
    String rest = path.substring(prefix.length());
    List<String> out = new ArrayList<>();
    for (String s : rest.split("/")) {
      if (!s.isEmpty()) {
        out.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** All values of each query parameter, decoded, in order. */
  public Map<String, List<String>> query() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  public Optional<String> queryParam(String name) {
    List<String> values = query().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public List<String> queryParams(String name) {
    return query().getOrDefault(name, List.of());
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
