package io.aepform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a golden file under src/test/resources/golden. Run the tests with {@code
 * -Daepform.golden.update=true} to rewrite the files; the diff then shows how output changed.
 */
public final class Golden {
  private static final Path ROOT = Path.of("src/test/resources/golden");

  private Golden() {}

  public static void check(String name, String actual) throws IOException {
    Path file = ROOT.resolve(name);
    if (Boolean.getBoolean("aepform.golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file)
        .as("golden file %s (regenerate with -Daepform.golden.update=true)", file)
        .exists();
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
