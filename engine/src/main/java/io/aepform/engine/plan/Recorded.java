package io.aepform.engine.plan;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A resource as state records it: what aepform last applied, and the ids it got. A {@code tainted}
 * one exists but is not as declared (a follow-up call failed): the next plan replaces it.
 */
public record Recorded(
    Address address,
    Value spec,
    Map<String, Value> attributes,
    List<Address> dependencies,
    boolean tainted) {
  public Recorded {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(spec, "spec");
    attributes = Map.copyOf(attributes);
    dependencies = List.copyOf(dependencies);
  }

  /** The same record at another address (a move). */
  public Recorded at(Address to) {
    return new Recorded(to, spec, attributes, dependencies, tainted);
  }

  /** A resource in good standing. */
  public Recorded(
      Address address, Value spec, Map<String, Value> attributes, List<Address> dependencies) {
    this(address, spec, attributes, dependencies, false);
  }
}
