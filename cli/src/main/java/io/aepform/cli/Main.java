package io.aepform.cli;

/** Entry point placeholder while the skeleton is built. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(0);
  }
}
