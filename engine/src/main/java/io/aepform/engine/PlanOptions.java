package io.aepform.engine;

/** Options of plan (and apply without a saved plan). */
public record PlanOptions(boolean refresh) {
  public static PlanOptions defaults() {
    return new PlanOptions(true);
  }
}
