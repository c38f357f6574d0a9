package io.aepform.engine.manifest;

import java.util.Objects;
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
  public static java.util.Optional<Address> parse(String text) {
    int dot = text.indexOf('.');
    if (dot <= 0
        || dot != text.lastIndexOf('.')
        || !NAME.matcher(text.substring(dot + 1)).matches()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Address(text.substring(0, dot), text.substring(dot + 1)));
  }

  @Override
  public int compareTo(Address other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return kind + "." + name;
  }
}
