package io.aepform.emulator.store;

import java.util.Objects;

/** Where an object lives: AEP keeps every org's sandboxes apart. */
public record Scope(String orgId, String sandbox) {
  public Scope {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(sandbox, "sandbox");
  }
}
