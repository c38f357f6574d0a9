package io.aepform.engine.plan;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.value.Value;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The planned change of one resource. {@code before} and {@code after} are the resource as an
 * object of its attributes plus {@code spec}; absent when it does not exist on that side. {@code
 * reason} says why, for replaces, deletes and re-creates ({@code ""} when obvious).
 */
public record ResourceChange(
    Address address,
    Action action,
    String reason,
    Optional<Value> before,
    Optional<Value> after,
    List<FieldChange> fields,
    List<Address> dependencies) {
  public ResourceChange {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    fields = List.copyOf(fields);
    dependencies = List.copyOf(dependencies);
  }

  public String kind() {
    return address.kind();
  }

  public String name() {
    return address.name();
  }
}
