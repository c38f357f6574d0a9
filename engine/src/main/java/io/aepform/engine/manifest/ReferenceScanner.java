package io.aepform.engine.manifest;

import io.aepform.engine.value.Pointers;
import io.aepform.engine.value.Reference;
import io.aepform.engine.value.TemplatePart;
import io.aepform.engine.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds the expressions in a value tree, with the JSON Pointer of each. */
public final class ReferenceScanner {
  private ReferenceScanner() {}

  /** A reference and the pointer of the string that holds it. */
  public record Found(String pointer, Reference reference) {}

  /** Every reference in {@code value}, in document order. */
  public static List<Found> references(Value value) {
    List<Found> found = new ArrayList<>();
    scan(value, "", found);
    return found;
  }

  /** The dependency edges a spec's resource references make. */
  static List<Dependency> dependencies(YamlDocument doc, Value spec) {
    List<Dependency> deps = new ArrayList<>();
    for (Found f : references(spec)) {
      if (f.reference().scope() == Reference.Scope.RESOURCE) {
        Address target = new Address(f.reference().kind(), f.reference().name());
        deps.add(
            new Dependency(target, doc.valueAt("/spec" + f.pointer()), "${" + f.reference() + "}"));
      }
    }
    return deps;
  }

  private static void scan(Value value, String pointer, List<Found> found) {
    if (value instanceof Value.Template t) {
      for (TemplatePart part : t.parts()) {
        if (part instanceof TemplatePart.Ref ref) {
          found.add(new Found(pointer, ref.reference()));
        }
      }
    } else if (value instanceof Value.Unknown u) {
      scan(u.template(), pointer, found);
    } else if (value instanceof Value.Sensitive s) {
      scan(s.value(), pointer, found);
    } else if (value instanceof Value.Arr a) {
      for (int i = 0; i < a.items().size(); i++) {
        scan(a.items().get(i), Pointers.child(pointer, i), found);
      }
    } else if (value instanceof Value.Obj o) {
      for (Map.Entry<String, Value> e : o.fields().entrySet()) {
        scan(e.getValue(), Pointers.child(pointer, e.getKey()), found);
      }
    }
  }
}
