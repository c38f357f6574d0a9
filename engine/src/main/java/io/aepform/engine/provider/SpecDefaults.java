package io.aepform.engine.provider;

import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.Map;
import java.util.Optional;

/** Defaults and alias expansion shared by the kinds, applied to declared specs. */
final class SpecDefaults {
  private SpecDefaults() {}

  /** Sets {@code field} to the logical name when the user gave none. */
  static Value name(Value spec, String field, String logicalName) {
    return Values.at(spec, "/" + field).isPresent()
        ? spec
        : Values.with(spec, "/" + field, new Value.Str(logicalName));
  }

  /** Sets a string field when absent. */
  static Value orElse(Value spec, String pointer, String value) {
    return Values.at(spec, pointer).isPresent()
        ? spec
        : Values.with(spec, pointer, new Value.Str(value));
  }

  /**
   * Expands an alias in a {@code {id, version}} block and defaults its version to {@code "1.0"}. A
   * number version such as {@code 1} becomes {@code "1.0"}, the string the API declares.
   */
  static Value specRef(Value spec, String block, Map<String, String> aliases) {
    Optional<Value> ref = Values.at(spec, block);
    if (ref.isEmpty() || !(ref.get() instanceof Value.Obj)) {
      return spec;
    }
    Value out = spec;
    if (Values.at(out, block + "/id").orElse(null) instanceof Value.Str id
        && aliases.containsKey(id.value())) {
      out = Values.with(out, block + "/id", new Value.Str(aliases.get(id.value())));
    }
    Optional<Value> version = Values.at(out, block + "/version");
    if (version.isEmpty()) {
      return Values.with(out, block + "/version", new Value.Str("1.0"));
    }
    if (version.get() instanceof Value.Num n && n.value().scale() <= 0) {
      return Values.with(out, block + "/version", new Value.Str(n.text() + ".0"));
    }
    return out;
  }
}
