package io.aepform.emulator.gateway;

import io.aepform.emulator.store.Scope;

/** Who made a data call that passed the gateway, and in which org and sandbox. */
public record Caller(String clientId, Scope scope) {
  public String orgId() {
    return scope.orgId();
  }

  public String sandbox() {
    return scope.sandbox();
  }
}
