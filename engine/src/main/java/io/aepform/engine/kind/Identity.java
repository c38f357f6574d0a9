package io.aepform.engine.kind;

import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an object of a kind is recognised in the platform when aepform has no id for it: after an
 * interrupted create, and before a create, to avoid a duplicate. By its unique name; by its name
 * and a relationship key (several objects share a key: many target connections write to one
 * dataset); or, for objects with no name, by their content.
 */
public sealed interface Identity {
  /** The spec field that holds the remote name, when the kind has one. */
  Optional<String> nameField();

  /** The pointers whose values together identify an object. */
  List<String> pointers();

  /** An object named by {@code field}, the name unique in a sandbox. */
  static Identity name(String field) {
    return new Named(field, Optional.empty());
  }

  /** An object named by {@code field} and tied to another by the value at {@code key}. */
  static Identity nameAndKey(String field, String key) {
    return new Named(field, Optional.of(key));
  }

  /** A nameless object, recognised by the values at {@code pointers}. */
  static Identity content(String... pointers) {
    return new Content(List.of(pointers));
  }

  /** True when every identifying value of {@code spec} is known, so it can be looked up. */
  default boolean knownIn(Value spec) {
    return pointers().stream().allMatch(p -> Values.at(spec, p).map(Values::isKnown).orElse(true));
  }

  /**
   * True when {@code remote} (the platform's answer, normalised by the kind) has the identifying
   * values of {@code spec}; values compare as the platform returns them ({@code "15"} is 15).
   */
  default boolean matches(Value spec, Value remote) {
    for (String p : pointers()) {
      Optional<Value> want = Values.at(spec, p).map(Values::unmark);
      Optional<Value> got = Values.at(remote, p).map(Values::unmark);
      if (want.isPresent() != got.isPresent()
          || (want.isPresent() && !Values.looselyEqual(want.get(), got.get()))) {
        return false;
      }
    }
    return true;
  }

  /** The identifying values of {@code spec}, for messages: {@code name 'X', key /a = 'b'}. */
  default String describe(Value spec) {
    List<String> parts = new ArrayList<>();
    for (String p : pointers()) {
      String text =
          Values.at(spec, p)
              .map(v -> Values.toJsonRedacted(Values.unmark(v)).toString())
              .orElse("-");
      parts.add(
          p.equals("/" + nameField().orElse(""))
              ? text
              : "spec" + p.replace('/', '.') + " " + text);
    }
    return String.join(", ", parts);
  }

  /** Named objects, optionally tied to another object by a key. */
  record Named(String field, Optional<String> key) implements Identity {
    public Named {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(key, "key");
    }

    @Override
    public Optional<String> nameField() {
      return Optional.of(field);
    }

    @Override
    public List<String> pointers() {
      List<String> out = new ArrayList<>();
      out.add("/" + field);
      key.ifPresent(out::add);
      return out;
    }
  }

  /** Nameless objects. */
  record Content(List<String> pointers) implements Identity {
    public Content {
      pointers = List.copyOf(pointers);
    }

    @Override
    public Optional<String> nameField() {
      return Optional.empty();
    }
  }
}
