package io.aepform.engine.manifest;

import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.value.Reference;
import io.aepform.engine.value.Spelling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Checks that every reference names something declared: a resource and attribute, a variable. */
final class ReferenceChecker {
  private ReferenceChecker() {}

  static List<Problem> check(Configuration config, Map<String, Kind> kinds) {
    Set<Address> declared =
        config.resources().stream().map(ResourceDecl::address).collect(Collectors.toSet());
    Set<String> variables = config.variablesByName().keySet();
    List<Problem> problems = new ArrayList<>();
    for (ResourceDecl r : config.resources()) {
      for (ReferenceScanner.Found f : ReferenceScanner.references(r.spec())) {
        check(f.reference(), r.specPosition(f.pointer()), declared, variables, kinds, problems);
        checkTarget(r, f, kinds, problems);
      }
      for (Dependency d : r.dependencies()) {
        if (d.via().equals("dependsOn") && !declared.contains(d.target())) {
          problems.add(
              Problem.error(
                  d.at(),
                  "dependsOn names "
                      + d.target()
                      + ", which is not declared"
                      + didYouMean(d.target(), declared)));
        }
      }
    }
    for (OutputDecl o : config.outputs()) {
      for (ReferenceScanner.Found f : ReferenceScanner.references(o.value())) {
        check(f.reference(), o.position(), declared, variables, kinds, problems);
      }
    }
    return problems;
  }

  private static void check(
      Reference ref,
      Position at,
      Set<Address> declared,
      Set<String> variables,
      Map<String, Kind> kinds,
      List<Problem> problems) {
    String expr = "${" + ref + "}";
    switch (ref.scope()) {
      case VAR -> {
        if (!variables.contains(ref.name())) {
          String maybe =
              Spelling.closest(ref.name(), variables)
                  .map(v -> "did you mean ${var." + v + "}? If not, add")
                  .orElse("add");
          problems.add(
              Problem.error(
                  at,
                  expr
                      + " names an undeclared variable: "
                      + maybe
                      + " a document 'kind: variable, name: "
                      + ref.name()
                      + "'"));
        }
      }
      case ENV -> {
        // Checked when values are evaluated: the process environment is not part of the files.
      }
      case RESOURCE -> {
        Kind kind = kinds.get(ref.kind());
        if (kind == null) {
          problems.add(
              Problem.error(
                  at,
                  expr
                      + ": unknown kind '"
                      + ref.kind()
                      + "', expected one of "
                      + new TreeSet<>(kinds.keySet())
                      + Spelling.suggestion(ref.kind(), kinds.keySet())));
        } else if (!declared.contains(new Address(ref.kind(), ref.name()))) {
          problems.add(
              Problem.error(
                  at,
                  expr
                      + " refers to "
                      + ref.address()
                      + ", which is not declared"
                      + didYouMean(new Address(ref.kind(), ref.name()), declared)));
        } else if (!kind.attributes().contains(ref.attribute())) {
          problems.add(
              Problem.error(
                  at,
                  expr
                      + ": "
                      + ref.kind()
                      + " has no attribute '"
                      + ref.attribute()
                      + "', expected one of "
                      + new TreeSet<>(kind.attributes())
                      + Spelling.suggestion(ref.attribute(), kind.attributes())));
        }
      }
    }
  }

  /** {@code ": did you mean schema.customers?"}: the declared address of that kind nearest. */
  private static String didYouMean(Address typed, Set<Address> declared) {
    Set<String> names =
        declared.stream()
            .filter(a -> a.kind().equals(typed.kind()))
            .map(Address::name)
            .collect(Collectors.toSet());
    return Spelling.closest(typed.name(), names)
        .map(n -> ": did you mean " + typed.kind() + "." + n + "?")
        .orElse("");
  }

  /** A field that holds ids of one kind must not be given the id of another kind. */
  private static void checkTarget(
      ResourceDecl r, ReferenceScanner.Found f, Map<String, Kind> kinds, List<Problem> problems) {
    Reference ref = f.reference();
    Kind kind = kinds.get(r.kind());
    if (kind == null || ref.scope() != Reference.Scope.RESOURCE || !kinds.containsKey(ref.kind())) {
      return;
    }
    kind.fields()
        .find(f.pointer())
        .flatMap(Field::references)
        .filter(expected -> !expected.equals(ref.kind()) && kinds.containsKey(expected))
        .ifPresent(
            expected ->
                problems.add(
                    Problem.error(
                        r.specPosition(f.pointer()),
                        r.address()
                            + ": spec"
                            + f.pointer().replace('/', '.')
                            + " holds the id of a "
                            + expected
                            + ", but ${"
                            + ref
                            + "} is a "
                            + ref.kind())));
  }
}
