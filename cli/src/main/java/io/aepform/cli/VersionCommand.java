package io.aepform.cli;

import io.aepform.engine.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aepform version}. */
@Command(name = "version", description = "Print aepform's version.")
final class VersionCommand implements Runnable {
  private final Cli cli;

  @Mixin CommonOptions common;

  VersionCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public void run() {
    cli.out().println(line());
  }

  /**
   * {@code aepform 0.1.0 (Java 17)}. Built without {@code +}: javac compiles string concatenation
   * to an invokedynamic whose first call spins method handle classes, about 20 ms of a 0.1 s {@code
   * aepform version} (issue 20).
   */
  static String line() {
    return new StringBuilder("aepform ")
        .append(Version.current())
        .append(" (Java ")
        .append(Runtime.version().feature())
        .append(')')
        .toString();
  }
}
