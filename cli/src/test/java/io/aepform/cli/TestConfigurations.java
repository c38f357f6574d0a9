package io.aepform.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Configuration directories for tests. */
public final class TestConfigurations {
  private TestConfigurations() {}

  /** Copies a configuration directory (e.g. an example) into {@code to}, without its .aepform. */
  public static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.filter(p -> !p.toString().contains(".aepform")).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
