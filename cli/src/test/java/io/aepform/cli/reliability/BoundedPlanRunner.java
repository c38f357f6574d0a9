package io.aepform.cli.reliability;

import io.aepform.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by {@link HostileInputIT} in a child JVM with a small heap: {@code plan --dir DIR} for each
 * DIR given, in-process, one after the other, writing {@code DIR.result} (exit code, milliseconds,
 * stdout length, then stderr). A bomb that exhausts the heap kills this JVM, which the test sees.
 */
public final class BoundedPlanRunner {
  private BoundedPlanRunner() {}

  public static void main(String[] dirs) throws Exception {
    for (String dir : dirs) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      long start = System.nanoTime();
      int code;
      try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
          PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
        code = Main.run(o, e, System.getenv(), "plan", "--dir", dir);
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      Files.writeString(
          Path.of(dir + ".result"),
          code + "\n" + ms + "\n" + out.size() + "\n" + err.toString(StandardCharsets.UTF_8));
    }
  }
}
