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

  // Written out rather than generated: records' generated equals/hashCode go through method
  // handles, which is slow until the JIT has compiled them, and graphs of 10,000 resources hash
  // these a lot before it has.
  @Override
  public boolean equals(Object o) {
    return o instanceof Dependency d
        && target.equals(d.target)
        && at.equals(d.at)
        && via.equals(d.via);
  }

  @Override
  public int hashCode() {
    return (31 * target.hashCode() + at.hashCode()) * 31 + via.hashCode();
  }
}
