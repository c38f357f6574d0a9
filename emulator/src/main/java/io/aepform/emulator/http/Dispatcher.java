package io.aepform.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.aepform.emulator.FaultKind;
import io.aepform.emulator.faults.FaultInjector;
import io.aepform.emulator.gateway.Caller;
import io.aepform.emulator.gateway.Gateway;
import io.aepform.emulator.gateway.ImsEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads each call, injects faults, passes the gateway, hands it to its service under the store's
 * lock, logs it, and writes the answer. The log entry is added before the answer is sent so a
 * client that has its answer always finds its call in the log.
 */
public final class Dispatcher implements HttpHandler {
  // Data calls: /data/foundation/... (Flow Service, Schema Registry, Catalog, Data Prep) and
  // /data/core/... (Identity Service, Profile), all behind the same gateway.
  private static final String DATA = "/data/";

  private final ImsEndpoint ims;
  private final Gateway gateway;
  private final List<Service> services;
  private final FaultInjector faults;
  private final RequestLog log;
  private final Object lock;

  public Dispatcher(
      ImsEndpoint ims,
      Gateway gateway,
      List<Service> services,
      FaultInjector faults,
      RequestLog log,
      Object lock) {
    this.ims = ims;
    this.gateway = gateway;
    this.services = List.copyOf(services);
    this.faults = faults;
    this.log = log;
    this.lock = lock;
  }

  private record Outcome(ApiResponse response, FaultKind fault) {}

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      ApiRequest request = RequestIds.assign(read(exchange));
      Outcome outcome;
      try {
        outcome = answer(request);
      } catch (RuntimeException e) {
        // An emulator bug: answer it visibly, with its cause, rather than drop the call.
        ApiResponse bug = gatewayError(500, "500000", "Emulator error: " + e);
        outcome = new Outcome(bug, FaultKind.NONE);
      }
      log.add(request, outcome.response().status(), outcome.fault());
      if (!outcome.response().dropped()) {
        write(exchange, RequestIds.echo(request, outcome.response()));
      }
    } finally {
      // Closing before any answer is sent is what drops the connection.
      exchange.close();
    }
  }

  private Outcome answer(ApiRequest request) {
    if (request.path().equals(ImsEndpoint.PATH)) {
      return new Outcome(ims.handle(request), FaultKind.NONE);
    }
    if (!request.path().startsWith(DATA)) {
      return new Outcome(gatewayError(404, "404000", "Not found"), FaultKind.NONE);
    }
    sleep(faults.latency());
    if (faults.overRateLimit(System.nanoTime())) {
      return new Outcome(tooMany(), FaultKind.RATE_LIMITED);
    }
    FaultInjector.Roll roll = faults.roll();
    switch (roll.before()) {
      case SERVER_ERROR:
        return new Outcome(gatewayError(500, "500000", "Internal Server Error"), roll.before());
      case TOO_MANY_REQUESTS:
        return new Outcome(tooMany(), roll.before());
      case DROP:
        return new Outcome(ApiResponse.drop(), roll.before());
      case SLOW:
        sleep(faults.slowDelay());
        break;
      default:
        break;
    }
    ApiResponse response = serve(request);
    boolean created = request.method().equals("POST") && response.status() == 201;
    if (roll.createThenFail() && created) {
      return new Outcome(
          gatewayError(500, "500000", "Internal Server Error"), FaultKind.CREATE_THEN_FAIL);
    }
    if (roll.createThenTimeout() && created) {
      // The work is done but the gateway gives up waiting for it (AEP's gateway answers after at
      // most 60 s); no 504 body is documented, so it takes the gateway format of the 500 above.
      sleep(faults.timeoutDelay());
      return new Outcome(
          gatewayError(504, "504000", "Gateway Timeout"), FaultKind.CREATE_THEN_TIMEOUT);
    }
    return new Outcome(response, roll.before());
  }

  private ApiResponse serve(ApiRequest request) {
    Caller caller;
    try {
      caller = gateway.admit(request);
    } catch (ApiError e) {
      return e.response();
    }
    for (Service s : services) {
      if (request.path().equals(s.prefix()) || request.path().startsWith(s.prefix() + "/")) {
        synchronized (lock) {
          return s.handle(request, caller);
        }
      }
    }
    return gatewayError(404, "404000", "Not found");
  }

  private ApiResponse tooMany() {
    return gatewayError(429, "429050", "Too many requests")
        .withHeader("Retry-After", String.valueOf(faults.retryAfterSeconds()));
  }

  private static ApiResponse gatewayError(int status, String code, String message) {
    ObjectNode body = Json.object().put("error_code", code).put("message", message);
    return ApiResponse.json(status, body);
  }

  private static ApiRequest read(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    String rawQuery = exchange.getRequestURI().getRawQuery();
    return new ApiRequest(
        exchange.getRequestMethod().toUpperCase(Locale.ROOT),
        exchange.getRequestURI().getRawPath(),
        rawQuery == null ? "" : rawQuery,
        headers,
        body);
  }

  private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    if (!response.contentType().isEmpty()) {
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
    }
    boolean noBody = response.body().length == 0;
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
  }

  private static void sleep(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
