package io.aepform.engine.manifest;

import io.aepform.engine.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * A resource as declared: its spec still holds unevaluated expressions. {@code source} keeps the
 * positions of everything in its document.
 */
public record ResourceDecl(
    Address address,
    Value spec,
    List<Dependency> dependencies,
    Lifecycle lifecycle,
    YamlDocument source) {
  public ResourceDecl {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(spec, "spec");
    dependencies = List.copyOf(dependencies);
    Objects.requireNonNull(lifecycle, "lifecycle");
    Objects.requireNonNull(source, "source");
  }

  public String kind() {
    return address.kind();
  }

  public String name() {
    return address.name();
  }

  /** Where the document starts. */
  public Position position() {
    return source.start();
  }

  /** Where a value of the spec is written. */
  public Position specPosition(String pointer) {
    return source.valueAt("/spec" + pointer);
  }
}
