package io.aepform.engine.provider;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.YamlReader;
import io.aepform.engine.value.Reference;
import io.aepform.engine.value.TemplatePart;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.List;

/** Specs written as YAML, as users write them, and the values apply fills in later. */
final class SpecTestSupport {
  private SpecTestSupport() {}

  /** A spec as the YAML reader makes it. */
  static Value spec(String yaml) {
    return YamlReader.read(yaml, "spec.yaml").get(0).root();
  }

  /** A value not known until apply, e.g. the id of a resource not yet created. */
  static Value.Unknown unknown(String kind, String name, String attribute) {
    Reference r = Reference.resource(kind, name, attribute);
    return new Value.Unknown(new Value.Template(List.of(new TemplatePart.Ref(r)), "${" + r + "}"));
  }

  static Value at(Value spec, String pointer) {
    return Values.at(spec, pointer).orElseThrow(() -> new AssertionError("nothing at " + pointer));
  }

  /** What a user sees: prepared as on load, then normalised as after evaluation. */
  static Value prepared(Kind kind, String logicalName, String yaml) {
    return kind.normalize(kind.prepare(logicalName, spec(yaml)));
  }

  /** The problems as "pointer: message" lines. */
  static List<String> problems(Kind kind, Value spec) {
    return kind.check(spec).stream().map(p -> p.pointer() + ": " + p.message()).toList();
  }
}
