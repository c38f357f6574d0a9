package io.aepform.emulator.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ClientCredentials;
import io.aepform.emulator.http.ApiRequest;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** {@code POST /ims/token/v3}: the OAuth server-to-server (client credentials) grant. */
public final class ImsEndpoint {
  public static final String PATH = "/ims/token/v3";

  private final TokenService tokens;

  public ImsEndpoint(TokenService tokens) {
    this.tokens = tokens;
  }

  public ApiResponse handle(ApiRequest request) {
    if (!request.method().equals("POST")) {
      return error(405, "invalid_request", "method not allowed; use POST");
    }
    if (!request.mediaType().equals("application/x-www-form-urlencoded")) {
      return error(
          400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
    }
    Map<String, String> form = form(new String(request.body(), StandardCharsets.UTF_8));
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return error(400, "unsupported_grant_type", "grant_type must be client_credentials");
    }
    String clientId = form.getOrDefault("client_id", "");
    if (clientId.isEmpty() || tokens.client(clientId).isEmpty()) {
      return error(400, "invalid_client", "invalid client_id parameter");
    }
    ClientCredentials client =
        tokens.authenticate(clientId, form.getOrDefault("client_secret", "")).orElse(null);
    if (client == null) {
      return error(401, "invalid_client", "invalid client_secret parameter");
    }
    if (form.getOrDefault("scope", "").isBlank()) {
      return error(400, "invalid_scope", "scope parameter is required");
    }
    ObjectNode body =
        Json.object()
            .put("access_token", tokens.issue(client))
            .put("token_type", "bearer")
            .put("expires_in", TokenService.EXPIRES_IN);
    return ApiResponse.json(200, body);
  }

  /** The form with {@code client_secret} replaced, for the request log. */
  public static String redact(String formBody) {
    StringBuilder out = new StringBuilder();
    for (String pair : formBody.split("&")) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(pair.startsWith("client_secret=") ? "client_secret=****" : pair);
    }
    return out.toString();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static ApiResponse error(int status, String code, String description) {
    return ApiResponse.json(
        status, Json.object().put("error", code).put("error_description", description));
  }
}
