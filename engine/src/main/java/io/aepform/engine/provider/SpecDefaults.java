package io.aepform.engine.provider;

import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;

/** Defaults the kinds share, applied to declared specs before evaluation. */
final class SpecDefaults {
  private SpecDefaults() {}

  /**
   * A number version of a {@code {id, version}} block such as {@code 1} (as Adobe's tutorials write
   * it) becomes {@code "1.0"}, the string the API declares.
   */
  static Value version(Value spec, String block) {
    if (Values.at(spec, block + "/version").orElse(null) instanceof Value.Num n
        && n.value().scale() <= 0) {
      return Values.with(spec, block + "/version", new Value.Str(n.text() + ".0"));
    }
    return spec;
  }
}
