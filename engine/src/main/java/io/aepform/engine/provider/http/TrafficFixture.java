package io.aepform.engine.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.error.InternalException;
import io.aepform.error.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One exchange with the platform as a fixture file: what {@code --record-traffic} writes and what
 * the replay tests serve. The format (docs/local-platform.md, "Recording traffic"):
 *
 * <pre>
 * {"aepformFixture": 1,
 *  "documentation": {...},           hand-written fixtures: the page whose answer this follows
 *  "recorded": "2026-01-15T10:00:00Z", recorded fixtures: when
 *  "request": {"method", "path", "query", "headers": {name: value}, "body"},
 *  "response": {"status", "headers": {name: value}, "body"}
 *  (or "failure": "what went wrong" when no answer came)}
 * </pre>
 *
 * {@code query} is the raw query string as sent (empty when none); a body is JSON when it parsed as
 * JSON, else a string, and absent when empty.
 */
public record TrafficFixture(
    Request request, Optional<Response> response, String failure, ObjectNode annotations) {
  /** The version of the format written in {@code aepformFixture}. */
  public static final int FORMAT = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public TrafficFixture {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(failure, "failure");
    annotations = annotations.deepCopy();
    if (response.isEmpty() == failure.isEmpty()) {
      throw new IllegalArgumentException("a fixture has either a response or a failure");
    }
  }

  /** The request side; {@code body} is {@link MissingNode} when there was none. */
  public record Request(
      String method, String path, String query, Map<String, String> headers, JsonNode body) {
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(query, "query");
      headers = Map.copyOf(headers);
      body = body.deepCopy();
    }
  }

  /** The answer; {@code body} is {@link MissingNode} when it was empty. */
  public record Response(int status, Map<String, String> headers, JsonNode body) {
    public Response {
      headers = Map.copyOf(headers);
      body = body.deepCopy();
    }
  }

  /** The fixture as the JSON object of its file; annotations first, then request and answer. */
  public ObjectNode toJson() {
    ObjectNode out = JSON.createObjectNode().put("aepformFixture", FORMAT);
    out.setAll(annotations);
    ObjectNode req = out.putObject("request").put("method", request.method());
    req.put("path", request.path()).put("query", request.query());
    req.set("headers", headers(request.headers()));
    if (!request.body().isMissingNode()) {
      req.set("body", request.body());
    }
    response.ifPresent(
        r -> {
          ObjectNode res = out.putObject("response").put("status", r.status());
          res.set("headers", headers(r.headers()));
          if (!r.body().isMissingNode()) {
            res.set("body", r.body());
          }
        });
    if (!failure.isEmpty()) {
      out.put("failure", failure);
    }
    return out;
  }

  /** The file's text: indented JSON ending with a newline. */
  public String toText() {
    try {
      return JSON.writeValueAsString(toJson()) + "\n";
    } catch (IOException e) {
      throw new InternalException("cannot write a fixture as JSON", e);
    }
  }

  /** Reads a fixture file; a file that is not one is a usage error naming it. */
  public static TrafficFixture read(Path file) {
    try {
      return of(JSON.readTree(file.toFile()));
    } catch (IOException | RuntimeException e) {
      throw new UsageException(
          UsageException.Code.INVALID_ARGUMENTS,
          file + ": not an aepform fixture: " + e.getMessage());
    }
  }

  /** The fixture a JSON object of the format describes. */
  public static TrafficFixture of(JsonNode json) {
    if (json.path("aepformFixture").asInt(0) != FORMAT) {
      throw new IllegalArgumentException("aepformFixture must be " + FORMAT);
    }
    JsonNode req = json.path("request");
    Request request =
        new Request(
            required(req, "method"),
            required(req, "path"),
            req.path("query").asText(""),
            headers(req.path("headers")),
            req.path("body"));
    Optional<Response> response =
        json.has("response")
            ? Optional.of(
                new Response(
                    json.path("response").path("status").asInt(),
                    headers(json.path("response").path("headers")),
                    json.path("response").path("body")))
            : Optional.empty();
    ObjectNode annotations = ((ObjectNode) json).deepCopy();
    annotations.remove(List.of("aepformFixture", "request", "response", "failure"));
    return new TrafficFixture(request, response, json.path("failure").asText(""), annotations);
  }

  private static String required(JsonNode node, String name) {
    String value = node.path(name).asText("");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("request." + name + " is required");
    }
    return value;
  }

  private static ObjectNode headers(Map<String, String> headers) {
    ObjectNode out = JSON.createObjectNode();
    new TreeMap<>(headers).forEach(out::put);
    return out;
  }

  private static Map<String, String> headers(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
