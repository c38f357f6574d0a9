package io.aepform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start-up path answers exactly what picocli's full model would, and only what it can. */
class StartupPathTest {
  @Test
  void versionAndRootHelpAreTheSameAsThroughPicocli() {
    for (String arg : List.of("version", "--help", "-h")) {
      ByteArrayOutputStream fast = new ByteArrayOutputStream();
      assertThat(StartupPath.answer(print(fast), arg)).as(arg).hasValue(0);
      ByteArrayOutputStream full = new ByteArrayOutputStream();
      int code = new Cli(print(full), print(new ByteArrayOutputStream()), Map.of()).execute(arg);
      assertThat(code).as(arg).isZero();
      assertThat(fast.toString(StandardCharsets.UTF_8))
          .as(arg)
          .isNotEmpty()
          .isEqualTo(full.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyOtherCommandLineGoesThroughPicocli() {
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"help"},
            new String[] {"version", "--help"},
            new String[] {"version", "-v"},
            new String[] {"--version"},
            new String[] {"plan"},
            new String[] {"-h", "plan"})) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(StartupPath.answer(print(out), args)).as(String.join(" ", args)).isEmpty();
      assertThat(out.size()).isZero();
    }
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
