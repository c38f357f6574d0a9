package io.aepform.engine.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.error.AepformException;
import io.aepform.error.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code --record-traffic DIR}: writes every exchange with the platform as one {@link
 * TrafficFixture} file, {@code NNNN-METHOD-path.json}, numbered in the order answers arrive and
 * continuing after the files already in the directory (so that apply then plan make one recording).
 *
 * <p>Redacted as the {@code -v} trace is: credential headers masked, every secret registered with
 * the {@link Redactor} (the credentials, the configuration's secrets) masked wherever it appears,
 * token fields masked, and request bodies masked by position as {@link SensitiveFields} does.
 * Answers are not masked by position: AEP already gives "a partial view of the credentials"
 * (flow-service.yaml, Connections; help/sources/tutorials/api/update.md), secrets masked and
 * identifiers in clear, and a replay must compare those identifiers as the platform showed them.
 * Token requests to IMS are not recorded: they hold nothing but credentials.
 */
final class TrafficRecorder {
  private static final Pattern NUMBERED = Pattern.compile("^(\\d{4,})-.*\\.json$");
  private static final int MAX_SLUG = 80;

  private final Optional<Path> dir;
  private final Redactor redactor;
  private final Clock clock;
  private final AtomicInteger sequence;

  private TrafficRecorder(Optional<Path> dir, Redactor redactor, Clock clock, int last) {
    this.dir = dir;
    this.redactor = redactor;
    this.clock = clock;
    this.sequence = new AtomicInteger(last);
  }

  /** Records nothing. */
  static TrafficRecorder none() {
    return new TrafficRecorder(Optional.empty(), new Redactor(), Clock.systemUTC(), 0);
  }

  /**
   * Records into {@code dir}, created when missing.
   *
   * @throws AepformException ({@code USAGE}) when {@code dir} cannot be a directory of fixtures
   */
  static TrafficRecorder to(Path dir, Redactor redactor, Clock clock) {
    try {
      Files.createDirectories(dir);
      try (Stream<Path> files = Files.list(dir)) {
        int last =
            files
                .map(p -> NUMBERED.matcher(p.getFileName().toString()))
                .filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1)))
                .max()
                .orElse(0);
        return new TrafficRecorder(Optional.of(dir), redactor, clock, last);
      }
    } catch (IOException | RuntimeException e) {
      throw new UsageException(
          UsageException.Code.INVALID_ARGUMENTS,
          "--record-traffic " + dir + ": cannot write fixtures there (" + e.getMessage() + ")");
    }
  }

  void exchange(WireRequest request, WireResponse response) {
    if (isPlatform(request)) {
      TrafficFixture.Response answer =
          new TrafficFixture.Response(
              response.status(),
              headers(response.headers()),
              SensitiveFields.maskTokens(Bodies.json(response)));
      write(request, new TrafficFixture(request(request), Optional.of(answer), "", at()));
    }
  }

  void failure(WireRequest request, IOException e) {
    if (isPlatform(request)) {
      String what = IoFailures.describe(e);
      write(request, new TrafficFixture(request(request), Optional.empty(), what, at()));
    }
  }

  private boolean isPlatform(WireRequest request) {
    return dir.isPresent() && request.service().equals(PlatformClient.SERVICE);
  }

  private ObjectNode at() {
    return JsonNodeFactory.instance.objectNode().put("recorded", clock.instant().toString());
  }

  private static TrafficFixture.Request request(WireRequest r) {
    Map<String, String> headers = new LinkedHashMap<>();
    r.headers().forEach((k, v) -> headers.put(k, shown(k, v)));
    if (!r.contentType().isEmpty()) {
      headers.put("content-type", r.contentType());
    }
    String query = r.uri().getRawQuery() == null ? "" : r.uri().getRawQuery();
    return new TrafficFixture.Request(
        r.method().name(), r.uri().getRawPath(), query, headers, body(r.body()));
  }

  private static JsonNode body(byte[] bytes) {
    if (bytes.length == 0) {
      return MissingNode.getInstance();
    }
    JsonNode json = Bodies.json(bytes);
    return json.isTextual() ? json : SensitiveFields.mask(json);
  }

  private static Map<String, String> headers(Map<String, List<String>> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((k, values) -> out.put(k, shown(k, String.join(", ", values))));
    return out;
  }

  private static String shown(String name, String value) {
    return SensitiveFields.isSensitiveHeader(name) ? Redactor.MASK : value;
  }

  private void write(WireRequest request, TrafficFixture fixture) {
    int n = sequence.incrementAndGet();
    String name = String.format(Locale.ROOT, "%04d-%s-%s.json", n, request.method(), slug(request));
    Path file = dir.orElseThrow().resolve(name);
    try {
      Files.writeString(
          file,
          redactor.scrub(fixture.toText()),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw new UsageException(
          UsageException.Code.INVALID_ARGUMENTS,
          "--record-traffic: cannot write " + file + " (" + e.getMessage() + ")");
    }
  }

  /** {@code flowservice-flows-2edc08ac-...}: the path after the API's base, as a file name. */
  private static String slug(WireRequest request) {
    String path = request.uri().getRawPath().replaceFirst("^/data/(foundation|core)/", "");
    String slug = path.replaceAll("%[0-9A-Fa-f]{2}", "-").replaceAll("[^A-Za-z0-9]+", "-");
    slug = slug.replaceAll("^-+|-+$", "");
    return slug.length() > MAX_SLUG ? slug.substring(0, MAX_SLUG) : slug;
  }
}
