package io.aepform.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Ctrl-C during a command that writes state: the first signal sets the cancel flag and holds the
 * JVM until the engine has let calls in flight finish and saved the state.
 */
final class Interrupts {
  /** How long an interrupted run may take to wind down before the JVM exits anyway. */
  private static final long GRACE_SECONDS = 120;

  private Interrupts() {}

  static <T> T whileRunning(AtomicBoolean cancel, Cli cli, Supplier<T> work) {
    return whileRunning(
        cancel,
        cli,
        "Interrupt received. Calls in flight will finish and the state will be saved; nothing new starts.",
        work);
  }

  /** As above, saying {@code message} when the interrupt comes. */
  static <T> T whileRunning(AtomicBoolean cancel, Cli cli, String message, Supplier<T> work) {
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              cancel.set(true);
              cli.err().println("\n" + message);
              try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "aepform-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return work.get();
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting because of the interrupt: the hook has done its part
      }
    }
  }
}
