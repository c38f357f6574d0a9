package io.aepform.cli.render;

/** Colors for terminal output; {@link #PLAIN} leaves text as it is. */
public enum Style {
  PLAIN,
  ANSI;

  public String green(String s) {
    return wrap("32", s);
  }

  public String yellow(String s) {
    return wrap("33", s);
  }

  public String red(String s) {
    return wrap("31", s);
  }

  public String bold(String s) {
    return wrap("1", s);
  }

  private String wrap(String code, String s) {
    return this == PLAIN ? s : "\u001b[" + code + "m" + s + "\u001b[0m";
  }
}
