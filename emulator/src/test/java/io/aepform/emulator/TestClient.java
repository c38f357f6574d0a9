package io.aepform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A minimal AEP client for tests: default headers for one client and sandbox, overridable. */
final class TestClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One answer. */
  record Res(int status, String body, HttpHeaders headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse("");
    }
  }

  private final String baseUrl;
  private final Map<String, String> headers;

  private TestClient(String baseUrl, Map<String, String> headers) {
    this.baseUrl = baseUrl;
    this.headers = headers;
  }

  /** The local client, sandbox {@code prod}, with a token minted without HTTP. */
  static TestClient local(Emulator emulator) {
    ClientCredentials c = EmulatorOptions.LOCAL_CLIENT;
    return of(emulator, c.clientId(), c.orgId(), "prod");
  }

  static TestClient of(Emulator emulator, String clientId, String orgId, String sandbox) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Authorization", "Bearer " + emulator.issueToken(clientId));
    h.put("x-api-key", clientId);
    h.put("x-gw-ims-org-id", orgId);
    h.put("x-sandbox-name", sandbox);
    h.put("Content-Type", "application/json");
    return new TestClient(emulator.baseUrl(), h);
  }

  /** A copy with one header set. */
  TestClient with(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.remove(name);
    h.put(name, value);
    return new TestClient(baseUrl, h);
  }

  /** A copy without one header. */
  TestClient without(String name) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.remove(name);
    return new TestClient(baseUrl, h);
  }

  Res get(String path) {
    return send("GET", path, null);
  }

  Res post(String path, String body) {
    return send("POST", path, body);
  }

  Res put(String path, String body) {
    return send("PUT", path, body);
  }

  Res patch(String path, String body) {
    return send("PATCH", path, body);
  }

  Res delete(String path) {
    return send("DELETE", path, null);
  }

  Res send(String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
    headers.forEach(
        (k, v) -> {
          if (body != null || !k.equals("Content-Type")) {
            b.header(k, v);
          }
        });
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Res(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
