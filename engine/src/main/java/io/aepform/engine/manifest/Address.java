package io.aepform.engine.manifest;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A resource's address: {@code kind.name}, e.g. {@code schema.demo_profile}. */
public record Address(String kind, String name) implements Comparable<Address> {
  /** The rule for logical names. */
  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public Address {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /** Parses {@code kind.name}; empty when the text is not of that form. */
  public static Optional<Address> parse(String text) {
    int dot = text.indexOf('.');
    if (dot <= 0
        || dot != text.lastIndexOf('.')
        || !NAME.matcher(text.substring(dot + 1)).matches()) {
      return Optional.empty();
    }
    return Optional.of(new Address(text.substring(0, dot), text.substring(dot + 1)));
  }

  @Override
  public int compareTo(Address other) {
    // the order of the texts "kind.name", without building them
    int byKind = kind.compareTo(other.kind);
    if (byKind == 0) {
      return name.compareTo(other.name);
    }
    int k = kind.length();
    int o = other.kind.length();
    if (k > o && kind.startsWith(other.kind)) {
      return kind.charAt(o) - '.';
    }
    if (o > k && other.kind.startsWith(kind)) {
      return '.' - other.kind.charAt(k);
    }
    return byKind;
  }

  // Written out rather than generated: records' generated equals/hashCode go through method
  // handles, which is slow until the JIT has compiled them, and graphs of 10,000 resources hash
  // these a lot before it has.
  @Override
  public boolean equals(Object o) {
    return o instanceof Address a && kind.equals(a.kind) && name.equals(a.name);
  }

  @Override
  public int hashCode() {
    return 31 * kind.hashCode() + name.hashCode();
  }

  @Override
  public String toString() {
    return kind + "." + name;
  }
}
