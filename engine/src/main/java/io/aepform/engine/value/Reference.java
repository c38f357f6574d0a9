package io.aepform.engine.value;

import java.util.Objects;

/**
 * What a {@code ${...}} expression names: {@code var.NAME}, {@code env.NAME}, or {@code
 * kind.name.attribute} of a resource.
 */
public record Reference(Scope scope, String kind, String name, String attribute) {
  /** The namespace an expression reads from. */
  public enum Scope {
    VAR,
    ENV,
    RESOURCE,
    /** Facts of the platform the configuration is applied to, such as its tenant id. */
    PLATFORM
  }

  public Reference {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(attribute, "attribute");
  }

  public static Reference var(String name) {
    return new Reference(Scope.VAR, "var", name, "");
  }

  public static Reference env(String name) {
    return new Reference(Scope.ENV, "env", name, "");
  }

  public static Reference platform(String name) {
    return new Reference(Scope.PLATFORM, "platform", name, "");
  }

  public static Reference resource(String kind, String name, String attribute) {
    return new Reference(Scope.RESOURCE, kind, name, attribute);
  }

  /** The address of the referenced resource, e.g. {@code schema.demo}. */
  public String address() {
    return kind + "." + name;
  }

  /** The expression as written, without {@code ${}}. */
  @Override
  public String toString() {
    return scope == Scope.RESOURCE ? kind + "." + name + "." + attribute : kind + "." + name;
  }
}
