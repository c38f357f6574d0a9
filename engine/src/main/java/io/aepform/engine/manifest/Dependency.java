package io.aepform.engine.manifest;

import java.util.Objects;

/**
 * An edge: the declaring resource needs {@code target}, because of what is written at {@code at}.
 */
public record Dependency(Address target, Position at, String via) {
  public Dependency {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(via, "via");
  }
}
