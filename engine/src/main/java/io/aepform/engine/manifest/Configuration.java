package io.aepform.engine.manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Everything declared in a configuration directory, checked for shape but not yet evaluated. */
public record Configuration(
    List<ResourceDecl> resources,
    List<VariableDecl> variables,
    List<OutputDecl> outputs,
    List<Problem> warnings) {
  public Configuration {
    resources = List.copyOf(resources);
    variables = List.copyOf(variables);
    outputs = List.copyOf(outputs);
    warnings = List.copyOf(warnings);
  }

  public Optional<ResourceDecl> resource(Address address) {
    return resources.stream().filter(r -> r.address().equals(address)).findFirst();
  }

  public Map<String, VariableDecl> variablesByName() {
    return variables.stream().collect(Collectors.toMap(VariableDecl::name, Function.identity()));
  }
}
