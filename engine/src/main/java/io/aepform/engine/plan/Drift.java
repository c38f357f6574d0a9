package io.aepform.engine.plan;

import io.aepform.engine.manifest.Address;
import java.util.List;
import java.util.Objects;

/**
 * A change made outside aepform, found by refresh: the object is gone ({@code deleted}) or some of
 * its declared fields differ from what aepform last applied.
 */
public record Drift(Address address, boolean deleted, List<FieldChange> fields) {
  public Drift {
    Objects.requireNonNull(address, "address");
    fields = List.copyOf(fields);
  }
}
