package io.aepform.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.cli.TestConfigurations;
import io.aepform.cli.reliability.HostileCorpus.Bomb;
import io.aepform.cli.reliability.HostileCorpus.Mutant;
import io.aepform.emulator.RequestLogEntry;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Campaign 5 of issue 7, hostile input. Every malformed configuration, whether hand-written
 * (src/test/resources/bad), generated from the example by seeded mutations ({@link
 * HostileCorpus#mutants}), a YAML bomb, a bad flag or a bad environment file: {@code plan} exits 1
 * with exactly one {@code Error:} line on stderr (file:line:col when the input has a position), no
 * stack trace, no call to the platform (an emulator whose request log must stay empty, IMS
 * included), no {@code .aepform} directory, within a time bound; bombs run in a child JVM with a
 * 256 MiB heap. A mutation that happens to stay valid must plan with exit 0, and is skipped.
 *
 * <p>{@code -Daepform.hostile.seed=N} and {@code -Daepform.hostile.mutants=N} change the generated
 * corpus (defaults 7 and 120).
 */
class HostileInputIT {
  private static final long SEED = Long.getLong("aepform.hostile.seed", 7L);
  private static final int MUTANTS = Integer.getInteger("aepform.hostile.mutants", 120);
  private static final long CASE_MILLIS = 5_000;
  private static final long BOMB_MILLIS = 10_000;
  private static final Path HAND_WRITTEN = Path.of("src/test/resources/bad");
  private static final Pattern WHOLE_FILE =
      Pattern.compile("over the limit of|not valid UTF-8|no \\*\\.yaml manifest files");
  private static final Pattern USAGE_HINT =
      Pattern.compile("Run 'aepform( [a-z-]+)* --help' for usage\\.");

  @RegisterExtension
  static final LocalPlatformExtension platform = LocalPlatformExtension.emulatorOnly();

  static final AtomicInteger malformed = new AtomicInteger();
  static final AtomicInteger stillValid = new AtomicInteger();

  @TempDir Path tmp;

  @AfterAll
  static void summary() {
    System.out.printf(
        "hostile input: %d malformed cases refused, %d generated mutations still valid (seed"
            + " %d)%n",
        malformed.get(), stillValid.get(), SEED);
  }

  @BeforeEach
  void clearLog() {
    platform.emulator.clearRequestLog();
  }

  /** Credentials and overrides that send any call to the emulator. */
  static Map<String, String> processEnv() {
    Map<String, String> env = new HashMap<>(platform.env());
    env.put("AEP_PLATFORM_URL", platform.emulator.baseUrl());
    env.put("AEP_SANDBOX", "hostile");
    return env;
  }

  // ---------------------------------------------------------------- hand-written corpus

  static Stream<String> handWritten() throws IOException {
    try (Stream<Path> dirs = Files.list(HAND_WRITTEN)) {
      return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "bad/{0}")
  @MethodSource("handWritten")
  void handWrittenCasesAreRefusedWithoutContactingThePlatform(String name) throws IOException {
    Path dir = tmp.resolve(name);
    TestConfigurations.copy(HAND_WRITTEN.resolve(name), dir);
    Files.deleteIfExists(dir.resolve("expected.txt"));
    List<String> args = new ArrayList<>(List.of("plan", "--dir", dir.toString()));
    Path extra = dir.resolve("args.txt");
    if (Files.exists(extra)) {
      args.addAll(Arrays.asList(Files.readString(extra).trim().split(" ")));
      Files.delete(extra);
    }
    assertRefused(dir, timed(processEnv(), args), false);
  }

  // ---------------------------------------------------------------- generated mutations

  static Stream<Mutant> mutants() {
    return HostileCorpus.mutants(SEED, MUTANTS).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutants")
  void generatedMutationsAreRefusedOrStillValid(Mutant mutant) throws IOException {
    Path dir = tmp.resolve("config");
    Files.createDirectories(dir.resolve("environments"));
    for (Map.Entry<String, String> file : mutant.files().entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
    }
    Files.writeString(
        dir.resolve("environments/default.yaml"),
        "sandbox: hostile\nplatform: "
            + platform.emulator.baseUrl()
            + "\nvariables:\n  s3_access_key: AKIAHOSTILE\n  s3_secret_key: hostile-secret\n");
    Timed run = timed(processEnv(), List.of("plan", "--dir", dir.toString()));
    if (run.cli.exitCode() == 0) {
      stillValid.incrementAndGet();
      assertThat(run.cli.err()).isEmpty();
      Assumptions.abort("the mutation left a valid configuration");
    }
    assertRefused(dir, run, true);
  }

  // ---------------------------------------------------------------- bombs, in a small heap

  @Test
  void yamlBombsAreRefusedInBoundedTimeAndMemory() throws Exception {
    List<Bomb> bombs = HostileCorpus.bombs();
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < bombs.size(); i++) {
      Path dir = tmp.resolve("bomb" + i);
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("main.yaml"), bombs.get(i).manifest(), StandardCharsets.UTF_8);
      Files.writeString(tmp.resolve("bomb" + i + ".name"), bombs.get(i).name());
      dirs.add(dir);
    }
    List<String> died = runInSmallHeap(dirs, bombs.stream().map(Bomb::name).toList());
    for (int i = 0; i < bombs.size(); i++) {
      Bomb bomb = bombs.get(i);
      Path dir = dirs.get(i);
      Path result = Path.of(dir + ".result");
      if (!Files.exists(result)) {
        continue;
      }
      String[] fields = Files.readString(result).split("\n", 4);
      String out = fields[2].equals("0") ? "" : "(" + fields[2] + " bytes on stdout)";
      CliRun cli = new CliRun(Integer.parseInt(fields[0]), out, fields[3]);
      System.out.printf("bomb %s: exit %s in %s ms%n", bomb.name(), fields[0], fields[1]);
      assertRefused(
          dir,
          new Timed(cli, Long.parseLong(fields[1])),
          bomb.positioned(),
          BOMB_MILLIS,
          bomb.name());
    }
    assertThat(died).as("bombs that killed the 256 MiB JVM").isEmpty();
  }

  @Test
  void bombsOverSnakeYamlLimitsAreRefusedWithAPosition() throws IOException {
    for (Bomb bomb : HostileCorpus.unpositionedBombs()) {
      Path dir = tmp.resolve("unpositioned-" + bomb.name().hashCode());
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("main.yaml"), bomb.manifest());
      assertRefused(dir, timed(processEnv(), List.of("plan", "--dir", dir.toString())), true);
    }
  }

  @Test
  void forbiddenCharactersAreRefusedWithAPosition() throws IOException {
    for (String c : List.of("\u0000", "\u0007", "\u001b", "\uFFFF")) {
      Path dir = tmp.resolve("char" + (int) c.charAt(0));
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("main.yaml"),
          "kind: variable\nname: v\ndefault: a" + c + "b\n",
          StandardCharsets.UTF_8);
      platform.emulator.clearRequestLog();
      assertRefused(dir, timed(processEnv(), List.of("plan", "--dir", dir.toString())), true);
    }
  }

  @Test
  void aHugePlainScalarIsRefusedQuickly() throws IOException {
    Path dir = tmp.resolve("plain");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("main.yaml"),
        "kind: dataset\nname: big\nspec:\n  name: " + "a".repeat(4_000_000) + "\n");
    assertRefused(dir, timed(processEnv(), List.of("plan", "--dir", dir.toString())), true);
  }

  /**
   * Runs the bombs in child JVMs of 256 MiB heap, restarting after one that kills its JVM; returns
   * the names of those that did, with the JVM's last words.
   */
  private static List<String> runInSmallHeap(List<Path> dirs, List<String> names)
      throws IOException, InterruptedException {
    List<String> died = new ArrayList<>();
    int next = 0;
    while (next < dirs.size()) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx256m");
      command.add("-XX:+ExitOnOutOfMemoryError");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(BoundedPlanRunner.class.getName());
      dirs.subList(next, dirs.size()).forEach(d -> command.add(d.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(processEnv());
      File log = Files.createTempFile("bombs", ".log").toFile();
      log.deleteOnExit();
      builder.redirectOutput(log);
      Process child = builder.start();
      boolean done = child.waitFor(120, TimeUnit.SECONDS);
      if (!done) {
        child.destroyForcibly().waitFor();
      }
      while (next < dirs.size() && Files.exists(Path.of(dirs.get(next) + ".result"))) {
        next++;
      }
      if (next < dirs.size()) {
        died.add(
            names.get(next)
                + (done ? " (exit " + child.exitValue() + "): " : " (over 120 s): ")
                + Files.readString(log.toPath()).strip());
        next++;
      }
    }
    return died;
  }

  // ---------------------------------------------------------------- bad flags and environments

  static Stream<Arguments> badFlags() {
    return Stream.of(
        Arguments.of(List.of("plan", "--bogus")),
        Arguments.of(List.of("plan", "--format", "xml")),
        Arguments.of(List.of("plan", "--format")),
        Arguments.of(List.of("show", "--format", "pdf")),
        Arguments.of(List.of("graph", "--format", "png")),
        Arguments.of(List.of("validate", "--format", "yaml")),
        Arguments.of(List.of("apply", "--auto-approve", "--parallelism", "0")),
        Arguments.of(List.of("apply", "--auto-approve", "--parallelism", "-3")),
        Arguments.of(List.of("apply", "--auto-approve", "--parallelism", "many")),
        Arguments.of(List.of("apply", "--auto-approve", "--parallelism", "99999999999")),
        Arguments.of(List.of("apply", "--auto-approve", "--lock-timeout", "forever")),
        Arguments.of(List.of("apply", "--auto-approve", "--lock-timeout", "-5s")),
        Arguments.of(List.of("apply", "--auto-approve", "--lock-timeout", "5x")),
        Arguments.of(List.of("apply", "--auto-approve", "--lock-timeout", "")),
        Arguments.of(List.of("destroy", "--auto-approve", "--lock-timeout", "1 minute")),
        Arguments.of(List.of("plan", "--detailed-exitcode=maybe")),
        Arguments.of(List.of("plan", "--refresh=maybe")),
        Arguments.of(List.of("plan", "--target", "nonsense")),
        Arguments.of(List.of("plan", "--target", "schema.nothing_here")),
        Arguments.of(List.of("plan", "--replace", "schema.nothing")),
        Arguments.of(List.of("plan", "--exclude", "..")),
        Arguments.of(List.of("plan", "--var", "noequals")),
        Arguments.of(List.of("plan", "--var", "undeclared=1")),
        Arguments.of(List.of("plan", "--var-file", "/nonexistent/vars.yaml")),
        Arguments.of(List.of("frobnicate")),
        Arguments.of(List.of("state", "show")),
        Arguments.of(List.of("state", "frob")),
        Arguments.of(List.of("plan", "--env", "../x")),
        Arguments.of(List.of("plan", "--env", "../../etc/passwd")),
        Arguments.of(List.of("plan", "--env", "a/b")),
        Arguments.of(List.of("plan", "--env", "")),
        Arguments.of(List.of("plan", "--env", ".hidden")),
        Arguments.of(List.of("plan", "--env", "UPPER")),
        Arguments.of(List.of("plan", "--env", "nope")),
        Arguments.of(List.of("apply", "--auto-approve", "--env", "../it")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFlags")
  void badFlagsAreRefused(List<String> flags) throws IOException {
    Path dir = exampleWithEnvironment(null);
    List<String> args = new ArrayList<>(flags);
    args.add("--dir");
    args.add(dir.toString());
    if (!flags.contains("--env")) {
      args.add("--env");
      args.add("it");
    }
    assertUsageRefused(dir, timed(processEnv(), args));
  }

  static Stream<Arguments> badEnvironments() {
    String vars = "variables:\n  s3_access_key: AKIA\n  s3_secret_key: s\n";
    return Stream.of(
        Arguments.of("unknown key", "sandbox: x\nplatform: {url}\nbogus: 1\n" + vars),
        Arguments.of("misspelt platform", "sandbox: x\nplatfrom: {url}\n" + vars),
        Arguments.of("sandbox a list", "sandbox: [a, b]\nplatform: {url}\n" + vars),
        Arguments.of("platform a number", "sandbox: x\nplatform: 12\n" + vars),
        Arguments.of("platform not a URL", "sandbox: x\nplatform: 'not a url'\n" + vars),
        Arguments.of("platform ftp", "sandbox: x\nplatform: ftp://127.0.0.1/\n" + vars),
        Arguments.of("platform plain http", "sandbox: x\nplatform: http://example.com\n" + vars),
        Arguments.of(
            "unknown state backend", "sandbox: x\nplatform: {url}\nstate:\n  backend: s3\n" + vars),
        Arguments.of("state a string", "sandbox: x\nplatform: {url}\nstate: local\n" + vars),
        Arguments.of("variables a list", "sandbox: x\nplatform: {url}\nvariables: [1, 2]\n"),
        Arguments.of("variable undeclared", "sandbox: x\nplatform: {url}\n" + vars + "  nope: 1\n"),
        Arguments.of(
            "variable duplicated", "sandbox: x\nplatform: {url}\n" + vars + "  s3_secret_key: 2\n"),
        Arguments.of(
            "unset env in a variable",
            "sandbox: x\nplatform: {url}\nvariables:\n  s3_access_key: ${env.AEPFORM_SURELY_UNSET}\n  s3_secret_key: s\n"),
        Arguments.of("not a mapping", "- a\n- b\n"),
        Arguments.of("malformed YAML", "sandbox: x\nplatform: {url}\n  bad: [\n"),
        Arguments.of("no sandbox", "platform: {url}\n" + vars),
        Arguments.of(
            "alias bomb",
            "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                + "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badEnvironments")
  void badEnvironmentFilesAreRefused(String name, String body) throws IOException {
    Path dir = exampleWithEnvironment(body.replace("{url}", platform.emulator.baseUrl()));
    Map<String, String> env = processEnv();
    env.remove("AEP_SANDBOX");
    env.remove("AEP_PLATFORM_URL");
    assertUsageRefused(dir, timed(env, List.of("plan", "--dir", dir.toString(), "--env", "x")));
  }

  @Test
  void environmentFilesAreCheckedBeforeAnyCall() throws IOException {
    String vars = "variables:\n  s3_access_key: AKIA\n  s3_secret_key: s\n";
    for (String body :
        List.of(
            "sandbox: x\nplatform: {url}\nstate:\n  backend: local\n  path: /tmp/x\n" + vars,
            "sandbox: 'bad sandbox!'\nplatform: {url}\n" + vars)) {
      Path dir = exampleWithEnvironment(body.replace("{url}", platform.emulator.baseUrl()));
      platform.emulator.clearRequestLog();
      Map<String, String> env = processEnv();
      env.remove("AEP_SANDBOX");
      env.remove("AEP_PLATFORM_URL");
      assertUsageRefused(dir, timed(env, List.of("plan", "--dir", dir.toString(), "--env", "x")));
    }
  }

  private Path exampleWithEnvironment(String body) throws IOException {
    Path dir = tmp.resolve("example" + System.nanoTime());
    TestConfigurations.copy(HostileCorpus.EXAMPLE, dir);
    Files.writeString(
        dir.resolve("environments/it.yaml"),
        "sandbox: hostile\nplatform: "
            + platform.emulator.baseUrl()
            + "\nvariables:\n  s3_access_key: AKIA\n  s3_secret_key: s\n");
    if (body != null) {
      Files.writeString(dir.resolve("environments/x.yaml"), body);
    }
    return dir;
  }

  // ---------------------------------------------------------------- checks

  record Timed(CliRun cli, long millis) {}

  private static Timed timed(Map<String, String> env, List<String> args) {
    long start = System.nanoTime();
    CliRun run = CliRun.run(env, args.toArray(String[]::new));
    return new Timed(run, (System.nanoTime() - start) / 1_000_000);
  }

  private static void assertRefused(Path dir, Timed run, boolean positioned) {
    assertRefused(dir, run, positioned, CASE_MILLIS, dir.getFileName().toString());
  }

  private static void assertRefused(
      Path dir, Timed timed, boolean positioned, long maxMillis, String what) {
    CliRun run = timed.cli();
    assertThat(run.exitCode()).as(what + " exit code; stderr: " + run.err()).isEqualTo(1);
    assertNoTrace(run, what);
    assertThat(run.out()).as(what + " stdout").isEmpty();
    List<String> lines = run.err().lines().toList();
    assertThat(lines).as(what + " stderr lines").hasSize(1);
    String line = lines.get(0);
    assertThat(line).as(what).startsWith("Error: ");
    String relative = line.replace(dir.toString(), "{dir}");
    if (positioned && relative.contains("{dir}/") && !WHOLE_FILE.matcher(relative).find()) {
      assertThat(relative)
          .as(what + ": file:line:col")
          .containsPattern("^Error: \\{dir}/[^ :]+\\.ya?ml:\\d+:\\d+: ");
    }
    if (positioned) {
      assertThat(relative).as(what + ": names the file").contains("{dir}/");
    }
    assertThat(timed.millis()).as(what + " milliseconds").isLessThan(maxMillis);
    assertNothingHappened(dir, what);
    malformed.incrementAndGet();
  }

  /** A usage error: one Error: line, optionally followed by picocli's "Run ... --help" hint. */
  private static void assertUsageRefused(Path dir, Timed timed) {
    CliRun run = timed.cli();
    String what = dir.getFileName().toString();
    assertThat(run.exitCode()).as("exit code; stderr: " + run.err()).isEqualTo(1);
    assertNoTrace(run, what);
    List<String> lines = run.err().lines().toList();
    assertThat(lines).as("stderr").isNotEmpty().hasSizeLessThanOrEqualTo(2);
    assertThat(lines.get(0)).startsWith("Error: ");
    if (lines.size() == 2) {
      assertThat(lines.get(1)).matches(USAGE_HINT);
    }
    assertThat(timed.millis()).isLessThan(CASE_MILLIS);
    assertNothingHappened(dir, what);
    malformed.incrementAndGet();
  }

  private static void assertNoTrace(CliRun run, String what) {
    assertThat(run.err())
        .as(what + ": no stack trace")
        .doesNotContain("\tat ")
        .doesNotContain("Exception")
        .doesNotContain("Caused by");
  }

  private static void assertNothingHappened(Path dir, String what) {
    assertThat(platform.emulator.requestLog().stream().map(RequestLogEntry::summary).toList())
        .as(what + ": calls that reached the platform (IMS included)")
        .isEmpty();
    assertThat(dir.resolve(".aepform")).as(what + ": no state directory").doesNotExist();
  }
}
