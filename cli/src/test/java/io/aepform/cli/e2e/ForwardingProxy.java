package io.aepform.cli.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An HTTP proxy on a loopback port in front of the emulator that lets a test act between the
 * platform's answer and the client receiving it: {@code onAnswer} runs with the request's method
 * and path after the emulator answered and before the answer is passed on. That is the one moment
 * at which a call has done its work and aepform does not know it yet.
 */
final class ForwardingProxy implements AutoCloseable {
  private static final Set<String> NOT_FORWARDED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final String target;
  private final BiConsumer<String, String> onAnswer;

  ForwardingProxy(String target, BiConsumer<String, String> onAnswer) throws IOException {
    this.target = target;
    this.onAnswer = onAnswer;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::forward);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> copy(name, values, request));
      HttpResponse<byte[]> answer =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      onAnswer.accept(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
      answer
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      byte[] out = answer.body();
      exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream o = exchange.getResponseBody()) {
          o.write(out);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void copy(String name, List<String> values, HttpRequest.Builder request) {
    if (!NOT_FORWARDED.contains(name.toLowerCase())) {
      values.forEach(v -> request.header(name, v));
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
