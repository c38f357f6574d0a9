package io.aepform.engine.manifest;

import io.aepform.engine.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Reads and checks a resource's {@code lifecycle} block. */
final class LifecycleReader {
  private LifecycleReader() {}

  static Lifecycle read(YamlDocument doc, Value.Obj root, List<Problem> problems) {
    Value value = root.fields().get("lifecycle");
    if (value == null) {
      return Lifecycle.defaults();
    }
    if (!(value instanceof Value.Obj block)) {
      problems.add(Problem.error(doc.valueAt("/lifecycle"), "lifecycle must be a mapping"));
      return Lifecycle.defaults();
    }
    boolean prevent = false;
    List<String> ignore = new ArrayList<>();
    for (var field : block.fields().entrySet()) {
      String pointer = "/lifecycle/" + field.getKey();
      switch (field.getKey()) {
        case "preventDestroy" -> {
          if (field.getValue() instanceof Value.Bool b) {
            prevent = b.value();
          } else {
            problems.add(
                Problem.error(doc.valueAt(pointer), "preventDestroy must be true or false"));
          }
        }
        case "ignoreChanges" -> ignore.addAll(pointers(doc, pointer, field.getValue(), problems));
        default ->
            problems.add(
                Problem.error(
                    doc.keyAt(pointer),
                    "unknown key '"
                        + field.getKey()
                        + "': expected preventDestroy or ignoreChanges"));
      }
    }
    return new Lifecycle(prevent, ignore);
  }

  private static List<String> pointers(
      YamlDocument doc, String at, Value value, List<Problem> problems) {
    List<String> out = new ArrayList<>();
    if (!(value instanceof Value.Arr list)) {
      problems.add(Problem.error(doc.valueAt(at), "ignoreChanges must be a list of JSON Pointers"));
      return out;
    }
    for (int i = 0; i < list.items().size(); i++) {
      if (list.items().get(i) instanceof Value.Str s && s.value().startsWith("/")) {
        out.add(s.value());
      } else {
        problems.add(
            Problem.error(
                doc.valueAt(at + "/" + i),
                "ignoreChanges entries are JSON Pointers into spec, such as /description"));
      }
    }
    return out;
  }
}
