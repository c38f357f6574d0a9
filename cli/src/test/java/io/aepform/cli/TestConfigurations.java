package io.aepform.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
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

  /**
   * Every file and directory under {@code root} (none when it does not exist), by relative path,
   * with its bytes as ISO-8859-1 text: equal snapshots mean nothing was written, renamed or
   * deleted.
   */
  public static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        files.put(
            root.relativize(p).toString(),
            Files.isDirectory(p)
                ? "<dir>"
                : new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  /** Deletes {@code root} and everything under it, if it exists. */
  public static void delete(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
