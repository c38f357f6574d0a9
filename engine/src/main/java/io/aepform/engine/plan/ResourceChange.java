package io.aepform.engine.plan;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.value.Value;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The planned change of one resource. {@code before} and {@code after} are the resource as an
 * object of its attributes plus {@code spec}; absent when it does not exist on that side. {@code
 * reason} says why, for replaces, deletes and re-creates ({@code ""} when obvious). {@code
 * previousAddress} is where state held it before a {@code moved} document; {@code importing} the
 * remote id an {@code import} document adopts.
 */
public record ResourceChange(
    Address address,
    Action action,
    String reason,
    Optional<Value> before,
    Optional<Value> after,
    List<FieldChange> fields,
    List<Address> dependencies,
    Optional<Address> previousAddress,
    Optional<String> importing) {
  public ResourceChange {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    fields = List.copyOf(fields);
    dependencies = List.copyOf(dependencies);
    Objects.requireNonNull(previousAddress, "previousAddress");
    Objects.requireNonNull(importing, "importing");
  }

  /** A change that neither moves nor imports. */
  public ResourceChange(
      Address address,
      Action action,
      String reason,
      Optional<Value> before,
      Optional<Value> after,
      List<FieldChange> fields,
      List<Address> dependencies) {
    this(
        address,
        action,
        reason,
        before,
        after,
        fields,
        dependencies,
        Optional.empty(),
        Optional.empty());
  }

  /** The same change, moved from {@code previous} and/or importing {@code id}. */
  public ResourceChange refactored(Optional<Address> previous, Optional<String> id) {
    return new ResourceChange(
        address, action, reason, before, after, fields, dependencies, previous, id);
  }

  public String kind() {
    return address.kind();
  }

  public String name() {
    return address.name();
  }
}
