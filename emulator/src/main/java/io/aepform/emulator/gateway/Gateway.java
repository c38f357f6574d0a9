package io.aepform.emulator.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ClientCredentials;
import io.aepform.emulator.http.ApiError;
import io.aepform.emulator.http.ApiRequest;
import io.aepform.emulator.http.ApiResponse;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.store.Scope;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks Adobe's API gateway makes before a call reaches a service, in the gateway's order,
 * answered in the gateway's error format {@code {"error_code","message"}}.
 */
public final class Gateway {
  private static final Pattern SANDBOX = Pattern.compile("[a-z0-9][a-z0-9-]{0,254}");

  private final TokenService tokens;

  public Gateway(TokenService tokens) {
    this.tokens = tokens;
  }

  /** The caller, or an {@link ApiError} with the gateway's answer. */
  public Caller admit(ApiRequest request) {
    String auth = request.header("authorization").orElse("").trim();
    if (auth.isEmpty()) {
      throw error(403, "403010", "Oauth token is missing.");
    }
    ClientCredentials client = bearer(auth).flatMap(tokens::verify).orElse(null);
    if (client == null) {
      throw error(401, "401013", "Oauth token is not valid");
    }
    String apiKey = request.header("x-api-key").orElse("").trim();
    if (apiKey.isEmpty()) {
      throw error(403, "403000", "Api Key is required");
    }
    if (!apiKey.equals(client.clientId())) {
      throw error(403, "403003", "Api Key is invalid");
    }
    String org = request.header("x-gw-ims-org-id").orElse("").trim();
    if (org.isEmpty()) {
      throw error(400, "400003", "Missing header: x-gw-ims-org-id");
    }
    if (!org.equals(client.orgId())) {
      throw error(403, "403025", "Profile is not valid");
    }
    return new Caller(client.clientId(), new Scope(org, sandbox(request)));
  }

  private static String sandbox(ApiRequest request) {
    String sandbox = request.header("x-sandbox-name").orElse("").trim();
    if (sandbox.isEmpty()) {
      throw error(400, "400101", "Missing header: x-sandbox-name");
    }
    if (!SANDBOX.matcher(sandbox).matches()) {
      throw error(
          400,
          "400102",
          "Invalid x-sandbox-name '" + sandbox + "': lower-case letters, digits and '-' only");
    }
    return sandbox;
  }

  private static Optional<String> bearer(String header) {
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(header.substring(7).trim());
    }
    return Optional.empty();
  }

  public static ApiError error(int status, String code, String message) {
    ObjectNode body = Json.object().put("error_code", code).put("message", message);
    return new ApiError(ApiResponse.json(status, body));
  }
}
