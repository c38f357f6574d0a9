package io.aepform.engine.manifest;

import java.util.List;

/** A resource's lifecycle rules, as in Terraform. */
public record Lifecycle(boolean preventDestroy, List<String> ignoreChanges) {
  public Lifecycle {
    ignoreChanges = List.copyOf(ignoreChanges);
  }

  public static Lifecycle defaults() {
    return new Lifecycle(false, List.of());
  }
}
