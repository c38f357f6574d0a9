package io.aepform.engine.manifest;

import io.aepform.engine.value.Value;
import java.util.Map;
import java.util.Objects;

/**
 * A resource as the configuration wants it: spec evaluated, normalised to the API's types, with
 * secrets marked; {@code attributes} are what expressions may read of it (unknown ids included).
 */
public record Desired(ResourceDecl decl, Value spec, Map<String, Value> attributes) {
  public Desired {
    Objects.requireNonNull(decl, "decl");
    Objects.requireNonNull(spec, "spec");
    attributes = Map.copyOf(attributes);
  }

  public Address address() {
    return decl.address();
  }
}
