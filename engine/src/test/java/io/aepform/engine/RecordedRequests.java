package io.aepform.engine;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.aepform.engine.provider.OpenApiValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What the tests that record aepform's requests with WireMock share. */
final class RecordedRequests {
  private RecordedRequests() {}

  /** The requests {@code server} received, oldest first (WireMock lists the newest first). */
  static List<LoggedRequest> journal(WireMockServer server) {
    List<LoggedRequest> out =
        new ArrayList<>(server.getAllServeEvents().stream().map(ServeEvent::getRequest).toList());
    Collections.reverse(out);
    return out;
  }

  /**
   * What Adobe's OpenAPI specs report on {@code requests}, up to the known deviations: one line per
   * report, naming the request; requests to IMS are not the platform's and are skipped.
   */
  static List<String> specProblems(List<LoggedRequest> requests) {
    OpenApiValidation validation = OpenApiValidation.load();
    List<String> problems = new ArrayList<>();
    for (LoggedRequest r : requests) {
      if (r.getUrl().startsWith("/ims/")) {
        continue;
      }
      var api = OpenApiValidation.apiOf(r.getUrl());
      if (api.isEmpty()) {
        problems.add(r.getMethod() + " " + r.getUrl() + ": under no known API");
        continue;
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (HttpHeader h : r.getHeaders().all()) {
        headers.put(h.key(), h.values());
      }
      var request =
          OpenApiValidation.request(
              r.getMethod().getName(), r.getUrl(), headers, r.getBodyAsString());
      for (String p : validation.problems(api.get(), request)) {
        problems.add(r.getMethod() + " " + r.getUrl() + ": " + p + "\n  body: " + body(r));
      }
    }
    return problems;
  }

  private static String body(LoggedRequest r) {
    String body = r.getBodyAsString();
    return body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
  }

  /** Copies a configuration directory, without its .aepform state. */
  static void copyConfiguration(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.filter(p -> !p.toString().contains(".aepform")).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
