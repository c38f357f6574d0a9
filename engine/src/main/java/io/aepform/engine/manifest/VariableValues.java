package io.aepform.engine.manifest;

import io.aepform.engine.value.Reference;
import io.aepform.engine.value.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out the value of each declared variable. Later sources win: the declared default, the
 * environment file, each {@code --var-file} in order, each {@code --var} in order. Values of
 * sensitive variables are marked sensitive.
 */
public final class VariableValues {
  private VariableValues() {}

  /**
   * Inputs given on the command line ({@code --var NAME=VALUE}, {@code --var-file}), and values a
   * plan file kept ({@code saved}, given before the command line's).
   */
  public record Inputs(List<String> vars, List<Path> varFiles, Map<String, Value> saved) {
    public Inputs {
      vars = List.copyOf(vars);
      varFiles = List.copyOf(varFiles);
      saved = Collections.unmodifiableMap(new LinkedHashMap<>(saved));
    }

    public Inputs(List<String> vars, List<Path> varFiles) {
      this(vars, varFiles, Map.of());
    }

    public static Inputs none() {
      return new Inputs(List.of(), List.of());
    }
  }

  /**
   * The values the command line gives, by variable, unevaluated: what a plan file must keep (or,
   * for sensitive ones, digest) to give apply the same inputs.
   */
  public static Map<String, Value> commandLine(Configuration config, Inputs inputs) {
    Map<String, VariableDecl> declared = config.variablesByName();
    Map<String, Value> raw = new LinkedHashMap<>(inputs.saved());
    for (Path file : inputs.varFiles()) {
      for (Map.Entry<String, Value> e : fromFile(file).entrySet()) {
        putDeclared(declared, raw, e.getKey(), e.getValue(), Position.of(file.toString()));
      }
    }
    for (String assignment : inputs.vars()) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw new ManifestException(
            Position.of("--var"), "--var takes NAME=VALUE, got '" + assignment + "'");
      }
      String name = assignment.substring(0, eq);
      putDeclared(
          declared,
          raw,
          name,
          new Value.Str(assignment.substring(eq + 1)),
          Position.of("--var " + name));
    }
    return raw;
  }

  /** As below, with no variable secret beyond those declared sensitive. */
  public static Map<String, Value> resolve(
      Configuration config, EnvironmentConfig env, Inputs inputs, Map<String, String> processEnv) {
    return resolve(config, env, inputs, processEnv, Set.of());
  }

  /**
   * The value of every declared variable that has one; {@code processEnv} serves ${env.X}. Values
   * of sensitive variables, and of {@code secret} ones (that reach a secret field), are marked
   * sensitive.
   */
  public static Map<String, Value> resolve(
      Configuration config,
      EnvironmentConfig env,
      Inputs inputs,
      Map<String, String> processEnv,
      Set<String> secret) {
    Map<String, VariableDecl> declared = config.variablesByName();
    Map<String, Value> raw = new LinkedHashMap<>();
    Map<String, Position> where = new LinkedHashMap<>();
    declared.values().forEach(v -> v.defaultValue().ifPresent(d -> raw.put(v.name(), d)));
    declared.values().forEach(v -> where.put(v.name(), v.position()));
    env.variables().keySet().forEach(k -> where.put(k, env.variableAt(k)));
    env.variables().forEach((k, v) -> putDeclared(declared, raw, k, v, env.variableAt(k)));
    inputs.saved().forEach((k, v) -> putDeclared(declared, raw, k, v, Position.of("plan file")));
    for (Path file : inputs.varFiles()) {
      for (Map.Entry<String, Value> e : fromFile(file).entrySet()) {
        putDeclared(declared, raw, e.getKey(), e.getValue(), Position.of(file.toString()));
        where.put(e.getKey(), Position.of(file.toString()));
      }
    }
    for (String assignment : inputs.vars()) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw new ManifestException(
            Position.of("--var"), "--var takes NAME=VALUE, got '" + assignment + "'");
      }
      String name = assignment.substring(0, eq);
      putDeclared(
          declared,
          raw,
          name,
          new Value.Str(assignment.substring(eq + 1)),
          Position.of("--var " + name));
    }
    refuseUnsetEnvironment(raw, where, processEnv);
    Evaluator envOnly =
        new Evaluator(new Evaluator.Scope(Map.of(), processEnv, (a, attr) -> Optional.empty()));
    Map<String, Value> out = new LinkedHashMap<>();
    raw.forEach(
        (name, value) -> {
          // an expression in a value is reported where that value was written
          Value evaluated = envOnly.evaluate(value, p -> where.get(name));
          boolean sensitive = declared.get(name).sensitive() || secret.contains(name);
          out.put(name, sensitive ? new Value.Sensitive(evaluated) : evaluated);
        });
    return out;
  }

  /**
   * Several {@code ${env.X}} unset: one error naming them all, so that they can be exported at once
   * (one alone is reported where it is by the evaluator).
   */
  private static void refuseUnsetEnvironment(
      Map<String, Value> raw, Map<String, Position> where, Map<String, String> processEnv) {
    Map<String, Position> missing = new LinkedHashMap<>();
    raw.forEach(
        (name, value) ->
            ReferenceScanner.references(value).stream()
                .map(ReferenceScanner.Found::reference)
                .filter(r -> r.scope() == Reference.Scope.ENV)
                .filter(r -> !processEnv.containsKey(r.name()))
                .forEach(r -> missing.putIfAbsent(r.name(), where.get(name))));
    if (missing.size() < 2) {
      return;
    }
    // in the order they are written in
    List<Map.Entry<String, Position>> sorted =
        missing.entrySet().stream()
            .sorted(
                Map.Entry.comparingByValue(
                    Comparator.comparing(Position::file)
                        .thenComparingInt(Position::line)
                        .thenComparingInt(Position::column)))
            .toList();
    Position first = sorted.get(0).getValue();
    List<String> named = new ArrayList<>();
    List<String> exports = new ArrayList<>();
    for (Map.Entry<String, Position> e : sorted) {
      named.add(e.getKey() + " (" + relativeTo(first, e.getValue()) + ")");
      exports.add(e.getKey() + "=...");
    }
    throw new ManifestException(
        first,
        "environment variables not set: "
            + String.join(", ", named)
            + ". Export them: "
            + String.join(" ", exports));
  }

  /** {@code line N} when in the same file as {@code first}, else the whole position. */
  private static String relativeTo(Position first, Position at) {
    return at.file().equals(first.file()) && at.line() > 0 ? "line " + at.line() : at.toString();
  }

  private static void putDeclared(
      Map<String, VariableDecl> declared,
      Map<String, Value> raw,
      String name,
      Value v,
      Position at) {
    if (!declared.containsKey(name)) {
      throw new ManifestException(
          at,
          "value given for undeclared variable '" + name + "': declare it with 'kind: variable'");
    }
    raw.put(name, v);
  }

  private static Map<String, Value> fromFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ManifestException(Position.of(file.toString()), "--var-file not found");
    }
    List<YamlDocument> docs = YamlReader.read(file, file.toString());
    if (docs.isEmpty()) {
      return Map.of();
    }
    if (docs.size() != 1 || !(docs.get(0).root() instanceof Value.Obj root)) {
      throw new ManifestException(
          Position.of(file.toString()), "a --var-file holds one mapping of name: value");
    }
    return root.fields();
  }
}
