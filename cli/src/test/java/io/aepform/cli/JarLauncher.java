package io.aepform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CLI as a separate process, as users run it: {@code java -jar target/aepform.jar ...}, its
 * output going to numbered files under a log directory. Processes still running when the test ends
 * are killed by {@link #killAll}.
 */
public final class JarLauncher {
  static final Path JAR = Path.of("target/aepform.jar");

  private static Path jarCopy;

  private final Path logs;
  private final List<Launched> launched = new ArrayList<>();

  public JarLauncher(Path logs) {
    this.logs = logs;
  }

  /** A running {@code aepform}, its stdout and stderr in files. */
  public record Launched(Process process, Path out, Path err, long startNanos) {
    public String stdout() {
      return read(out);
    }

    public String stderr() {
      return read(err);
    }

    public Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Waits for the end and returns the exit code; kills the process and fails after timeout. */
    public int await(Duration timeout) throws InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            "aepform did not end within "
                + timeout
                + "\nstdout:\n"
                + stdout()
                + "\nstderr:\n"
                + stderr());
      }
      return process.exitValue();
    }

    private static String read(Path p) {
      try {
        return Files.readString(p, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }
  }

  /**
   * Starts {@code aepform args...} with exactly the AEP_ and AEPFORM_ variables of {@code env}:
   * none leaks in from the environment the tests run in.
   */
  public Launched launch(Map<String, String> env, String... args) throws IOException {
    List<String> line =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a short-lived CLI: quicker start, same behaviour (as ./aepform runs it)
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar().toAbsolutePath().toString()));
    line.addAll(List.of(args));
    Files.createDirectories(logs);
    int n = launched.size() + 1;
    Path out = logs.resolve(n + "-" + args[0] + ".out");
    Path err = logs.resolve(n + "-" + args[0] + ".err");
    ProcessBuilder pb =
        new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("AEP_") || k.startsWith("AEPFORM_"));
    pb.environment().putAll(env);
    Launched run = new Launched(pb.start(), out, err, System.nanoTime());
    launched.add(run);
    return run;
  }

  /** Kills what is still running (a test that failed half-way leaves no process behind). */
  public void killAll() throws InterruptedException {
    for (Launched l : launched) {
      if (l.process().isAlive()) {
        l.process().destroyForcibly().waitFor();
      }
    }
  }

  /**
   * A private copy of the built jar, taken once: a build running meanwhile in the same tree may
   * replace target/aepform.jar under the processes that read it.
   */
  private static synchronized Path jar() throws IOException {
    if (jarCopy == null) {
      assertThat(JAR).as("the shaded jar is built in package, before integration tests").exists();
      Path copy = Files.createTempFile("aepform-it-", ".jar");
      copy.toFile().deleteOnExit();
      Files.copy(JAR, copy, StandardCopyOption.REPLACE_EXISTING);
      jarCopy = copy;
    }
    return jarCopy;
  }
}
