package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.provider.http.ApiRequest;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data Prep mapping sets ({@code /data/foundation/conversion/mappingSets}, data-prep/api/
 * mapping-set.md, data-prep.yaml): POST answers 200 with {@code {id, version, createdDate, ...}}
 * (version 0), GET answers the whole set, PUT makes the next version and answers it, lists need
 * {@code limit} and {@code start} and answer {@code {"data": [...]}}. There is no DELETE.
 */
final class DataPrepApi implements Crud {
  static final String PATH = "/data/foundation/conversion/mappingSets";
  private static final int PAGE = 100;

  private final Clock clock;

  DataPrepApi(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Remote create(PlatformClient client, JsonNode body) {
    Instant now = clock.instant();
    JsonNode answer = client.send(ApiRequest.post(PATH, body)).body();
    return remote(answer, body, now);
  }

  @Override
  public Optional<Remote> read(PlatformClient client, String id) {
    return client
        .sendOrAbsent(ApiRequest.get(PATH + "/" + ApiRequest.segment(id)))
        .map(r -> remote(r.body(), r.body(), Instant.EPOCH));
  }

  /** Every mapping set of the sandbox, oldest first, page by page until a page is empty. */
  @Override
  public List<Remote> list(PlatformClient client) {
    List<Remote> found = new ArrayList<>();
    for (int start = 0; start < 10_000_000; ) {
      ApiRequest page =
          ApiRequest.get(PATH)
              .withQuery("limit", Integer.toString(PAGE))
              .withQuery("start", Integer.toString(start))
              .withQuery("orderBy", "+createdDate");
      JsonNode data = client.send(page).body().path("data");
      if (!data.isArray() || data.isEmpty()) {
        break;
      }
      data.forEach(set -> found.add(remote(set, set, Instant.EPOCH)));
      start += data.size();
    }
    return found;
  }

  /** Replaces the set's mappings: Data Prep keeps the id and answers the next version. */
  Remote replace(PlatformClient client, Remote current, JsonNode body) {
    ApiRequest put = ApiRequest.put(PATH + "/" + ApiRequest.segment(current.id()), body);
    JsonNode answer = client.send(put).body();
    return remote(answer.has("id") ? answer : body, body, current.createdAt());
  }

  /** {@code POST /mappingSets/validate}: one {@code {status, errors}} per mapping, in order. */
  JsonNode validate(PlatformClient client, JsonNode body) {
    return client.send(ApiRequest.post(PATH + "/validate", body)).body();
  }

  /**
   * A mapping set from an answer: {@code answer} carries the id and version, {@code body} the
   * content (the whole set for GET and lists, what was sent for a create).
   */
  private static Remote remote(JsonNode answer, JsonNode body, Instant fallback) {
    String id = answer.path("id").asText();
    Map<String, Value> attributes =
        Map.of("id", new Value.Str(id), "version", Value.Num.of(answer.path("version").asLong(0)));
    return new Remote(
        id,
        body.path("name").asText(""),
        "",
        attributes,
        Values.fromJson(body),
        created(answer.path("createdDate"), fallback));
  }

  /**
   * The creation time: epoch milliseconds in Adobe's answers (mapping-set.md), a date-time in
   * data-prep.yaml; either is read.
   */
  private static Instant created(JsonNode date, Instant fallback) {
    if (date.isNumber()) {
      return Instant.ofEpochMilli(date.asLong());
    }
    try {
      return date.isTextual() ? Instant.parse(date.asText()) : fallback;
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
