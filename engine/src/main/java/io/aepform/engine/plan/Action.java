package io.aepform.engine.plan;

import java.util.List;

/** What a plan does to one resource. */
public enum Action {
  CREATE("+", List.of("create")),
  UPDATE("~", List.of("update")),
  DELETE("-", List.of("delete")),
  /** Delete, then create: for changes the API cannot make in place. */
  REPLACE("-/+", List.of("delete", "create")),
  NO_OP(" ", List.of("no-op")),
  /** Leave state, keep the remote object: a removed document, or what AEP cannot delete. */
  FORGET(".", List.of("forget"));

  private final String symbol;
  private final List<String> actions;

  Action(String symbol, List<String> actions) {
    this.symbol = symbol;
    this.actions = actions;
  }

  /** The sign shown in plan text, as Terraform shows it. */
  public String symbol() {
    return symbol;
  }

  /** The {@code change.actions} list of the JSON format. */
  public List<String> actions() {
    return actions;
  }

  public boolean adds() {
    return this == CREATE || this == REPLACE;
  }

  public boolean destroys() {
    return this == DELETE || this == REPLACE;
  }
}
