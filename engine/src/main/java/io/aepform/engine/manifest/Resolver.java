package io.aepform.engine.manifest;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.SpecProblem;
import io.aepform.engine.value.Reference;
import io.aepform.engine.value.TemplatePart;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates every resource in dependency order, so each can read the attributes of those before it,
 * then normalises and checks it with its kind's rules. Every problem is collected.
 */
public final class Resolver {
  private final Map<String, Kind> kinds;

  public Resolver(Map<String, ? extends Kind> kinds) {
    this.kinds = Map.copyOf(kinds);
  }

  /**
   * Attributes known before apply, such as ids recorded in state; the ids of resources to be
   * (re-)created are not known and must not be given.
   */
  @FunctionalInterface
  public interface KnownIds {
    Optional<Value> attribute(Address address, String attribute);
  }

  /** The resolved resources in dependency order, and the outputs. */
  public record Resolved(List<Desired> resources, List<OutputValue> outputs) {
    public Resolved {
      resources = List.copyOf(resources);
      outputs = List.copyOf(outputs);
    }
  }

  /** As below, with no platform fact known. */
  public Resolved resolve(
      Configuration config,
      List<Address> order,
      Map<String, Value> variables,
      Map<String, String> environment,
      KnownIds known) {
    return resolve(config, order, variables, environment, known, PlatformFacts.unknown());
  }

  public Resolved resolve(
      Configuration config,
      List<Address> order,
      Map<String, Value> variables,
      Map<String, String> environment,
      KnownIds known,
      PlatformFacts platform) {
    Map<Address, Desired> done = new HashMap<>();
    Evaluator evaluator =
        new Evaluator(
            new Evaluator.Scope(
                variables, environment, (a, attr) -> attribute(done, known, a, attr), platform));
    List<Problem> problems = new ArrayList<>();
    List<Desired> ordered = new ArrayList<>();
    for (Address address : order) {
      ResourceDecl decl = config.resource(address).orElseThrow();
      try {
        Desired d = resolve(decl, evaluator, known, done, problems);
        done.put(address, d);
        ordered.add(d);
      } catch (ManifestException e) {
        problems.addAll(e.problems());
      }
    }
    problems.addAll(checkAll(config, ordered));
    problems.addAll(checkReferrers(ordered));
    List<OutputValue> outputs = outputs(config, evaluator, problems);
    if (problems.stream().anyMatch(Problem::isError)) {
      throw new ManifestException(problems);
    }
    return new Resolved(ordered, outputs);
  }

  private Desired resolve(
      ResourceDecl decl,
      Evaluator evaluator,
      KnownIds known,
      Map<Address, Desired> done,
      List<Problem> problems) {
    Kind kind = kinds.get(decl.kind());
    Value spec = kind.normalize(evaluator.evaluate(decl.spec(), decl::specPosition));
    List<SpecProblem> found = new ArrayList<>(kind.check(spec));
    found.addAll(kind.checkAgainst(spec, pointer -> target(decl, pointer, done)));
    for (SpecProblem p : found) {
      problems.add(
          Problem.error(decl.specPosition(p.pointer()), decl.address() + ": " + p.message()));
    }
    Map<String, Value> attributes = new LinkedHashMap<>();
    for (String attr : kind.attributes()) {
      Optional<Value> fromSpec =
          identifying(kind, attr) ? Values.at(spec, "/" + attr) : Optional.empty();
      attributes.put(
          attr,
          fromSpec
              .or(() -> known.attribute(decl.address(), attr))
              .orElseGet(() -> unknown(decl.address(), attr)));
    }
    return new Desired(decl, spec, attributes);
  }

  /** The kinds' rules over all their resolved resources, each problem where it is found. */
  private List<Problem> checkAll(Configuration config, List<Desired> resolved) {
    Map<String, List<Kind.Declared>> byKind = new LinkedHashMap<>();
    // in the order the files declare them, so the problem is reported at the later declaration
    List<Desired> inFileOrder = new ArrayList<>(resolved);
    inFileOrder.sort(
        Comparator.comparing((Desired d) -> d.decl().position().file())
            .thenComparingInt(d -> d.decl().position().line()));
    for (Desired d : inFileOrder) {
      byKind
          .computeIfAbsent(d.decl().kind(), k -> new ArrayList<>())
          .add(new Kind.Declared(d.address().toString(), d.spec()));
    }
    List<Problem> problems = new ArrayList<>();
    byKind.forEach(
        (kind, declared) -> {
          for (Kind.Finding f : kinds.get(kind).checkAll(declared)) {
            ResourceDecl decl =
                config.resource(Address.parse(f.address()).orElseThrow()).orElseThrow();
            problems.add(
                Problem.error(
                    decl.specPosition(f.problem().pointer()),
                    decl.address() + ": " + f.problem().message()));
          }
        });
    return problems;
  }

  /** Each kind's rules over the resources that reference one of its resources. */
  private List<Problem> checkReferrers(List<Desired> resolved) {
    Map<Address, List<Kind.Target>> referrers = new HashMap<>();
    for (Desired d : resolved) {
      d.decl().dependencies().stream()
          .map(Dependency::target)
          .distinct()
          .forEach(
              target ->
                  referrers
                      .computeIfAbsent(target, t -> new ArrayList<>())
                      .add(new Kind.Target(d.address().toString(), d.decl().kind(), d.spec())));
    }
    List<Problem> problems = new ArrayList<>();
    for (Desired d : resolved) {
      List<Kind.Target> by = referrers.getOrDefault(d.address(), List.of());
      for (SpecProblem p :
          kinds.get(d.decl().kind()).checkReferrers(d.spec(), d.attributes(), by)) {
        problems.add(
            Problem.error(d.decl().specPosition(p.pointer()), d.address() + ": " + p.message()));
      }
    }
    return problems;
  }

  /** The resolved resource whose attribute the value at {@code pointer} is wholly made of. */
  private static Optional<Kind.Target> target(
      ResourceDecl decl, String pointer, Map<Address, Desired> done) {
    if (Values.at(decl.spec(), pointer).orElse(null) instanceof Value.Template t
        && t.parts().size() == 1
        && t.parts().get(0) instanceof TemplatePart.Ref ref
        && ref.reference().scope() == Reference.Scope.RESOURCE) {
      Address a = new Address(ref.reference().kind(), ref.reference().name());
      return Optional.ofNullable(done.get(a))
          .map(d -> new Kind.Target(a.toString(), a.kind(), d.spec()));
    }
    return Optional.empty();
  }

  private static Optional<Value> attribute(
      Map<Address, Desired> done, KnownIds known, Address a, String attr) {
    Desired d = done.get(a);
    if (d != null) {
      Value v = d.attributes().get(attr);
      return v == null || v instanceof Value.Unknown ? Optional.empty() : Optional.of(v);
    }
    return known.attribute(a, attr);
  }

  /** The value of an attribute not known until apply: {@code ${kind.name.attr}} as a whole. */
  public static Value unknown(Address address, String attr) {
    String source = "${" + address + "." + attr + "}";
    return new Value.Unknown(
        new Value.Template(
            List.of(new TemplatePart.Ref(Reference.resource(address.kind(), address.name(), attr))),
            source));
  }

  /**
   * The outputs as {@link #resolve} gives them with {@code known}, resolving only the resources
   * whose name (or other identifying value, which the spec gives) an output reads: every other
   * attribute is what {@code known} says. What an apply reports once its results are recorded,
   * without resolving every resource of a large configuration again.
   */
  public List<OutputValue> outputsResolving(
      Configuration config,
      Map<String, Value> variables,
      Map<String, String> environment,
      KnownIds known) {
    return outputsResolving(config, variables, environment, known, PlatformFacts.unknown());
  }

  /** As above, with the platform's facts ({@code ${platform.tenantId}}) where they are known. */
  public List<OutputValue> outputsResolving(
      Configuration config,
      Map<String, Value> variables,
      Map<String, String> environment,
      KnownIds known,
      PlatformFacts platform) {
    Map<Address, Desired> done = new HashMap<>();
    List<Problem> problems = new ArrayList<>();
    Evaluator[] evaluator = new Evaluator[1];
    evaluator[0] =
        new Evaluator(
            new Evaluator.Scope(
                variables,
                environment,
                (a, attr) -> onDemand(config, evaluator[0], known, done, problems, a, attr),
                platform));
    List<OutputValue> outputs = outputs(config, evaluator[0], problems);
    if (problems.stream().anyMatch(Problem::isError)) {
      throw new ManifestException(problems);
    }
    return outputs;
  }

  /** An attribute as resolving everything would give it, resolving {@code a} only if needed. */
  private Optional<Value> onDemand(
      Configuration config,
      Evaluator evaluator,
      KnownIds known,
      Map<Address, Desired> done,
      List<Problem> problems,
      Address a,
      String attr) {
    Optional<ResourceDecl> decl = config.resource(a);
    if (decl.isEmpty()) {
      return known.attribute(a, attr);
    }
    Kind kind = kinds.get(decl.get().kind());
    if (!kind.attributes().contains(attr)) {
      return Optional.empty();
    } else if (!identifying(kind, attr)) {
      return known.attribute(a, attr);
    }
    if (!done.containsKey(a)) {
      done.put(a, resolve(decl.get(), evaluator, known, done, problems));
    }
    return attribute(done, known, a, attr);
  }

  /** The name and the other identifying values are the user's: known before apply. */
  private static boolean identifying(Kind kind, String attr) {
    return attr.equals(kind.nameField()) || kind.identity().pointers().contains("/" + attr);
  }

  /**
   * Only the outputs, each resource attribute read from {@code known} alone (such as what state
   * records): cheaper than resolving every resource when only the outputs are wanted.
   */
  public static List<OutputValue> outputs(
      Configuration config,
      Map<String, Value> variables,
      Map<String, String> environment,
      KnownIds known,
      PlatformFacts platform) {
    Evaluator evaluator =
        new Evaluator(new Evaluator.Scope(variables, environment, known::attribute, platform));
    List<Problem> problems = new ArrayList<>();
    List<OutputValue> outputs = outputs(config, evaluator, problems);
    if (problems.stream().anyMatch(Problem::isError)) {
      throw new ManifestException(problems);
    }
    return outputs;
  }

  private static List<OutputValue> outputs(
      Configuration config, Evaluator evaluator, List<Problem> problems) {
    List<OutputValue> outputs = new ArrayList<>();
    for (OutputDecl o : config.outputs()) {
      try {
        Value v = evaluator.evaluate(o.value(), p -> o.position());
        outputs.add(
            new OutputValue(
                o.name(),
                o.sensitive() ? new Value.Sensitive(v) : v,
                o.sensitive() || Values.containsSensitive(v)));
      } catch (ManifestException e) {
        problems.addAll(e.problems());
      }
    }
    return outputs;
  }
}
