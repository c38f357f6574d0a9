package io.aepform.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.aepform.engine.provider.http.TrafficFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Serves a directory of fixtures ({@link TrafficFixture}, as {@code --record-traffic} writes them)
 * through WireMock, by request and in order: a request gets the first fixture not yet served with
 * the same method, path and query parameters (any order), preferring, among requests with a body,
 * the one whose {@code name} or {@code title} is the same; once all are served, the last one again
 * (the platform keeps answering with the latest state). A request no fixture matches gets a 404 and
 * is listed by {@link #unmatched()}.
 */
final class FixtureReplay implements ResponseDefinitionTransformerV2 {
  private static final Set<String> NOT_REPLAYED =
      Set.of("content-length", "transfer-encoding", "date", "connection");

  private record Entry(String file, TrafficFixture fixture) {}

  private final List<Entry> fixtures;
  private final boolean[] served;
  private final List<String> unmatched = new ArrayList<>();

  private FixtureReplay(List<Entry> fixtures) {
    this.fixtures = List.copyOf(fixtures);
    this.served = new boolean[fixtures.size()];
  }

  /** Every {@code *.json} fixture of {@code dir} but {@code replay.json}, by file name. */
  static FixtureReplay of(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return new FixtureReplay(
          files
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .filter(p -> !p.getFileName().toString().equals(ReplayScenario.FILE))
              .sorted()
              .map(p -> new Entry(p.getFileName().toString(), TrafficFixture.read(p)))
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixtures read, to derive what a scenario needs from them. */
  List<TrafficFixture> fixtures() {
    return fixtures.stream().map(Entry::fixture).toList();
  }

  /** The fixtures never served: calls the recording holds that the engine no longer makes. */
  synchronized List<String> unserved() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < fixtures.size(); i++) {
      if (!served[i]) {
        out.add(fixtures.get(i).file());
      }
    }
    return out;
  }

  /** Fixtures that say neither which page they follow nor when they were recorded. */
  List<String> unsourced() {
    return fixtures.stream()
        .filter(e -> !e.fixture().annotations().path("documentation").has("page"))
        .filter(e -> !e.fixture().annotations().has("recorded"))
        .map(Entry::file)
        .toList();
  }

  /** The requests no fixture answered, {@code METHOD path?query}. */
  synchronized List<String> unmatched() {
    return List.copyOf(unmatched);
  }

  @Override
  public String getName() {
    return "fixture-replay";
  }

  @Override
  public synchronized ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    Optional<Integer> at = pick(request);
    if (at.isEmpty()) {
      unmatched.add(request.getMethod().getName() + " " + request.getUrl());
      return new ResponseDefinitionBuilder()
          .withStatus(404)
          .withBody("{\"title\":\"no fixture for this request\"}")
          .build();
    }
    served[at.get()] = true;
    return answer(fixtures.get(at.get()).fixture());
  }

  private Optional<Integer> pick(Request request) {
    String url = request.getUrl();
    int q = url.indexOf('?');
    String path = decode(q < 0 ? url : url.substring(0, q));
    List<String> query = params(q < 0 ? "" : url.substring(q + 1));
    String name = nameOf(ReplayScenario.json(request.getBodyAsString()));
    Optional<Integer> first = Optional.empty();
    Optional<Integer> last = Optional.empty();
    for (int i = 0; i < fixtures.size(); i++) {
      TrafficFixture.Request r = fixtures.get(i).fixture().request();
      if (!r.method().equals(request.getMethod().getName())
          || !decode(r.path()).equals(path)
          || !params(r.query()).equals(query)) {
        continue;
      }
      last = Optional.of(i);
      if (!served[i] && first.isEmpty()) {
        first = Optional.of(i);
      }
      if (!served[i] && !name.isEmpty() && nameOf(r.body()).equals(name)) {
        return Optional.of(i);
      }
    }
    return first.isPresent() ? first : last;
  }

  private static ResponseDefinition answer(TrafficFixture fixture) {
    if (fixture.response().isEmpty()) {
      return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }
    TrafficFixture.Response r = fixture.response().get();
    List<HttpHeader> headers = new ArrayList<>();
    r.headers().entrySet().stream()
        .filter(h -> !NOT_REPLAYED.contains(h.getKey().toLowerCase(Locale.ROOT)))
        .forEach(h -> headers.add(new HttpHeader(h.getKey(), h.getValue())));
    ResponseDefinitionBuilder out =
        new ResponseDefinitionBuilder()
            .withStatus(r.status())
            .withHeaders(new HttpHeaders(headers));
    JsonNode body = r.body();
    if (body.isMissingNode()) {
      return out.build();
    }
    boolean json = r.headers().getOrDefault("content-type", "").contains("json");
    return out.withBody(body.isTextual() && !json ? body.asText() : body.toString()).build();
  }

  private static String nameOf(JsonNode body) {
    JsonNode name = body.has("title") ? body.path("title") : body.path("name");
    return name.isTextual() ? name.asText() : "";
  }

  private static List<String> params(String query) {
    if (query.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(query.split("&")).map(FixtureReplay::decode).sorted().toList();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
