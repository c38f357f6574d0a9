package io.aepform.engine.manifest;

import io.aepform.engine.value.Value;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code ${platform.X}} reads: facts of the platform an environment is applied to. Known once
 * the platform was asked (plan and apply ask it when the configuration needs them), or from what
 * state holds; unknown otherwise, like the id of an object not yet created.
 *
 * @param tenantId the org's tenant id, under which XDM wants custom fields ({@code _tenantId})
 */
public record PlatformFacts(Optional<String> tenantId) {
  /** The facts expressions may name. */
  public static final Set<String> NAMES = Set.of("tenantId");

  public PlatformFacts {
    Objects.requireNonNull(tenantId, "tenantId");
  }

  public static PlatformFacts unknown() {
    return new PlatformFacts(Optional.empty());
  }

  public Optional<Value> fact(String name) {
    return name.equals("tenantId") ? tenantId.map(Value.Str::new) : Optional.empty();
  }
}
