package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.Cli;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.cli.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Under --auto-approve the creates start while the plan text is still being written, and the output
 * is what it was: the whole plan text, then the progress lines, then the summary.
 */
class PlanTextAsideIT {
  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  /** Standard output that holds its first write until the platform has been sent a create. */
  private final class SlowTerminal extends OutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    volatile boolean createSentBeforePlanText;
    private boolean first = true;

    @Override
    public synchronized void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      if (first) {
        first = false;
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (platform.writes().isEmpty() && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        createSentBeforePlanText = !platform.writes().isEmpty();
      }
      bytes.write(b, off, len);
    }
  }

  @Test
  void createsStartWhileThePlanTextIsWrittenAndItStillComesFirst() {
    String plan = platform.cli("plan").out(); // the same plan text, shown by plan
    assertThat(plan).contains("Plan: 7 to add, 0 to change, 0 to destroy.");
    SlowTerminal terminal = new SlowTerminal();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new Cli(
                new PrintStream(terminal, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                platform.env(),
                Terminal.none())
            .execute(platform.args("apply", "--auto-approve"));
    String out = terminal.bytes.toString(StandardCharsets.UTF_8);
    assertThat(code).as(out + err).isZero();
    assertThat(terminal.createSentBeforePlanText).isTrue();

    assertThat(out).startsWith(plan + "\n");
    List<String> after = out.substring(plan.length() + 1).lines().toList();
    assertThat(after.subList(0, 14)).allMatch(l -> l.contains(": Creat"));
    assertThat(after.subList(14, after.size()))
        .noneMatch(l -> l.contains(": Creat"))
        .contains("Apply complete! Resources: 7 added, 0 changed, 0 destroyed.");
  }
}
