package io.aepform.engine.kind;

import io.aepform.engine.value.Value;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A remote object as the platform describes it: its id, name, etag ({@code ""} when the API has
 * none), the attributes expressions may read, the body the platform returned (for drift), and when
 * it was created ({@link Instant#EPOCH} when the API does not say).
 */
public record Remote(
    String id,
    String name,
    String etag,
    Map<String, Value> attributes,
    Value body,
    Instant createdAt) {
  public Remote {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(etag, "etag");
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
