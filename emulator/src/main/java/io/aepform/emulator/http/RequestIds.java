package io.aepform.emulator.http;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code x-request-id} of each call: the caller's own if it sent one (identity-service.yaml:
 * "Request id to be used for tracing this request"), else a new one in the shape of Adobe's
 * examples (profile.yaml: {@code q0gf6caRuRtX2s5khaN1Zgd1OoEXcPJA}). Every answer carries it as a
 * header, and Flow Service error reports as {@code request-id}, because Adobe support asks for it.
 */
public final class RequestIds {
  public static final String HEADER = "x-request-id";
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private RequestIds() {}

  /** The request with its id among its headers, so services can quote it. */
  static ApiRequest assign(ApiRequest request) {
    if (!request.header(HEADER).orElse("").isBlank()) {
      return request;
    }
    Map<String, String> headers = new HashMap<>(request.headers());
    headers.put(HEADER, newId());
    return new ApiRequest(
        request.method(), request.path(), request.rawQuery(), headers, request.body());
  }

  /** The answer with the request's id as a header. */
  static ApiResponse echo(ApiRequest request, ApiResponse response) {
    return response.withHeader(HEADER, request.header(HEADER).orElse(""));
  }

  private static String newId() {
    StringBuilder id = new StringBuilder(32);
    for (int i = 0; i < 32; i++) {
      id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }
}
