package io.aepform.engine.manifest;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Everything declared in a configuration directory, checked for shape but not yet evaluated. */
public record Configuration(
    List<ResourceDecl> resources,
    List<VariableDecl> variables,
    List<OutputDecl> outputs,
    List<Problem> warnings,
    Refactorings refactorings) {
  public Configuration {
    resources = new Indexed(List.copyOf(resources));
    variables = List.copyOf(variables);
    outputs = List.copyOf(outputs);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(refactorings, "refactorings");
  }

  /** A configuration without refactoring documents. */
  public Configuration(
      List<ResourceDecl> resources,
      List<VariableDecl> variables,
      List<OutputDecl> outputs,
      List<Problem> warnings) {
    this(resources, variables, outputs, warnings, Refactorings.none());
  }

  /** The resource declared at {@code address} (the first, if declared twice); constant time. */
  public Optional<ResourceDecl> resource(Address address) {
    return Optional.ofNullable(((Indexed) resources).byAddress.get(address));
  }

  public Map<String, VariableDecl> variablesByName() {
    return variables.stream().collect(Collectors.toMap(VariableDecl::name, Function.identity()));
  }

  /** The declared resources, unmodifiable, with an index by address built once. */
  private static final class Indexed extends AbstractList<ResourceDecl> implements RandomAccess {
    private final List<ResourceDecl> items;
    private final Map<Address, ResourceDecl> byAddress;

    Indexed(List<ResourceDecl> items) {
      this.items = items;
      Map<Address, ResourceDecl> index = new HashMap<>();
      items.forEach(r -> index.putIfAbsent(r.address(), r));
      this.byAddress = index;
    }

    @Override
    public ResourceDecl get(int i) {
      return items.get(i);
    }

    @Override
    public int size() {
      return items.size();
    }
  }
}
