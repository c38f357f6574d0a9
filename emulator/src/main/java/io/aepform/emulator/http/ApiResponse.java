package io.aepform.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the emulator answers. {@code dropped} means: close the connection and send nothing.
 *
 * @param status HTTP status
 * @param headers response headers besides Content-Type
 * @param contentType media type of the body, empty for no body
 * @param body body bytes, empty for no body
 * @param dropped close without answering
 */
public record ApiResponse(
    int status, Map<String, String> headers, String contentType, byte[] body, boolean dropped) {
  public ApiResponse {
    headers = Map.copyOf(headers);
  }

  public static ApiResponse json(int status, JsonNode body) {
    return new ApiResponse(status, Map.of(), "application/json", Json.bytes(body), false);
  }

  public static ApiResponse json(int status, JsonNode body, Map<String, String> headers) {
    return new ApiResponse(status, headers, "application/json", Json.bytes(body), false);
  }

  public static ApiResponse empty(int status) {
    return new ApiResponse(status, Map.of(), "", new byte[0], false);
  }

  public static ApiResponse drop() {
    return new ApiResponse(0, Map.of(), "", new byte[0], true);
  }

  /** The same response with one more header. */
  public ApiResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiResponse(status, h, contentType, body, dropped);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
