package io.aepform.engine.manifest;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.value.Reference;
import io.aepform.engine.value.Spelling;
import io.aepform.engine.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads and checks {@code kind: moved}, {@code import} and {@code removed} documents. */
final class RefactoringReader {
  static final Set<String> WORDS = Set.of("moved", "import", "removed");

  private final Map<String, Kind> kinds;
  private final List<Problem> problems;
  final List<Refactorings.Moved> moves = new ArrayList<>();
  final List<Refactorings.Imported> imports = new ArrayList<>();
  final List<Refactorings.Removed> removals = new ArrayList<>();

  RefactoringReader(Map<String, Kind> kinds, List<Problem> problems) {
    this.kinds = kinds;
    this.problems = problems;
  }

  void read(YamlDocument doc, Value.Obj root, String kind) {
    Set<String> keys =
        switch (kind) {
          case "moved" -> Set.of("kind", "from", "to");
          case "import" -> Set.of("kind", "to", "id");
          default -> Set.of("kind", "from");
        };
    for (String key : root.fields().keySet()) {
      if (!keys.contains(key)) {
        problems.add(
            Problem.error(
                doc.keyAt("/" + key),
                "unknown key '"
                    + key
                    + "' in a "
                    + kind
                    + " document: expected "
                    + new TreeSet<>(keys)
                    + (key.equals("name") ? " (refactoring documents have no name)" : "")));
      }
    }
    switch (kind) {
      case "moved" -> {
        Optional<Address> from = address(doc, root, "from");
        Optional<Address> to = address(doc, root, "to");
        if (from.isPresent() && to.isPresent()) {
          moves.add(new Refactorings.Moved(from.get(), to.get(), doc.start()));
        }
      }
      case "import" -> {
        Optional<Address> to = address(doc, root, "to");
        Value id = root.fields().get("id");
        if (id == null) {
          problems.add(Problem.error(doc.start(), "an import document needs 'id': the remote id"));
        } else if (to.isPresent()) {
          imports.add(new Refactorings.Imported(to.get(), id, doc.valueAt("/id")));
        }
      }
      default ->
          address(doc, root, "from")
              .ifPresent(from -> removals.add(new Refactorings.Removed(from, doc.start())));
    }
  }

  private Optional<Address> address(YamlDocument doc, Value.Obj root, String key) {
    Value v = root.fields().get(key);
    Optional<Address> a = v instanceof Value.Str s ? Address.parse(s.value()) : Optional.empty();
    if (v == null) {
      problems.add(
          Problem.error(doc.start(), "missing '" + key + "': an address such as dataset.leads"));
      return Optional.empty();
    }
    if (a.isEmpty()) {
      problems.add(
          Problem.error(
              doc.valueAt("/" + key), "'" + key + "' must be an address such as dataset.leads"));
      return Optional.empty();
    }
    if (!kinds.containsKey(a.get().kind())) {
      problems.add(
          Problem.error(
              doc.valueAt("/" + key),
              "unknown kind '"
                  + a.get().kind()
                  + "' in "
                  + a.get()
                  + Spelling.suggestion(a.get().kind(), kinds.keySet())));
      return Optional.empty();
    }
    return a;
  }

  /** The documents checked against what the configuration declares. */
  Refactorings finish(Set<Address> declared) {
    Map<Address, Refactorings.Moved> byFrom = new HashMap<>();
    for (Refactorings.Moved m : moves) {
      if (!m.from().kind().equals(m.to().kind())) {
        problems.add(
            Problem.error(
                m.at(), "cannot move " + m.from() + " to " + m.to() + ": the kinds differ"));
      } else if (m.from().equals(m.to())) {
        problems.add(Problem.error(m.at(), "a move from " + m.from() + " to itself"));
      } else if (byFrom.putIfAbsent(m.from(), m) != null) {
        problems.add(
            Problem.error(
                m.at(), m.from() + " is moved twice, first at " + byFrom.get(m.from()).at()));
      } else if (declared.contains(m.from())) {
        problems.add(
            Problem.error(
                m.at(),
                "moved from "
                    + m.from()
                    + ", which is still declared: a move is for an address the configuration"
                    + " no longer has"));
      }
    }
    for (Refactorings.Moved m : moves) {
      Address end = m.to();
      for (int i = 0; i <= moves.size() && byFrom.containsKey(end); i++) {
        end = byFrom.get(end).to();
      }
      if (!declared.contains(end)) {
        problems.add(
            Problem.error(
                m.at(),
                "moved to " + end + ", which is not declared: declare it, or fix the move"));
      }
    }
    Set<Address> importing = new HashSet<>();
    for (Refactorings.Imported i : imports) {
      boolean refersToResource =
          ReferenceScanner.references(i.id()).stream()
              .anyMatch(f -> f.reference().scope() == Reference.Scope.RESOURCE);
      if (refersToResource) {
        problems.add(
            Problem.error(
                i.at(), "an import id cannot read another resource: use ${var.X} or ${env.X}"));
      } else if (!declared.contains(i.to())) {
        problems.add(
            Problem.error(
                i.at(), "import to " + i.to() + ", which is not declared: declare it first"));
      } else if (!importing.add(i.to())) {
        problems.add(Problem.error(i.at(), i.to() + " is imported twice"));
      }
    }
    for (Refactorings.Removed r : removals) {
      if (declared.contains(r.from())) {
        problems.add(
            Problem.error(
                r.at(),
                r.from()
                    + " is removed from management but still declared: delete its document too"));
      }
    }
    return new Refactorings(moves, imports, removals);
  }
}
