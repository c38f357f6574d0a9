package io.aepform.cli;

import io.aepform.cli.JarLauncher.Launched;
import io.aepform.emulator.ClientCredentials;
import io.aepform.emulator.Emulator;
import io.aepform.emulator.EmulatorOptions;
import io.aepform.emulator.RequestLogEntry;
import io.aepform.emulator.ResourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The local platform a test runs the CLI against: an emulator on a dynamic loopback port, a copy of
 * a configuration whose environment {@code it} points at it (the S3 secret through {@code
 * ${env.IT_S3_SECRET}}), and the process environment the CLI needs (credentials through the
 * emulator's IMS). Registered with {@code @RegisterExtension} on an instance field, each test gets
 * its own, stopped and deleted after it; on a static field, the class shares one.
 *
 * <pre>{@code @RegisterExtension final LocalPlatformExtension platform =
 *     LocalPlatformExtension.example("parquet-ingestion");}</pre>
 */
public class LocalPlatformExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  public static final String ENV = "it";
  public static final String SANDBOX = "it";
  public static final String SECRET = "it-S3-secret-Value-9f3b";

  private final Path configuration;
  private EmulatorOptions options = EmulatorOptions.localDefaults();
  private String secret = SECRET;
  private boolean startedByTest;
  private boolean perClass;
  private Path root;
  private SandboxObjects objects;
  private JarLauncher launcher;

  // fields rather than accessors: the tests read them as values (platform.dir.resolve(...));
  // set while the platform runs, never by a test
  public Emulator emulator;
  public Path dir;
  public final ClientCredentials client = EmulatorOptions.LOCAL_CLIENT;

  protected LocalPlatformExtension(Path configuration) {
    this.configuration = configuration;
  }

  /** The platform with a copy of {@code examples/<name>}. */
  public static LocalPlatformExtension example(String name) {
    return new LocalPlatformExtension(Path.of("../examples").resolve(name));
  }

  /** The emulator alone: the test writes its own configurations. */
  public static LocalPlatformExtension emulatorOnly() {
    return new LocalPlatformExtension(null);
  }

  /** The emulator's options (faults, latency, seed, clients); local defaults otherwise. */
  public LocalPlatformExtension options(EmulatorOptions options) {
    this.options = options;
    return this;
  }

  /** The value of {@code IT_S3_SECRET}, the example's S3 secret key. */
  public LocalPlatformExtension secret(String secret) {
    this.secret = secret;
    return this;
  }

  /** The test starts the platform itself with {@link #start(EmulatorOptions)}. */
  public LocalPlatformExtension startedByTest() {
    this.startedByTest = true;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    perClass = true;
    start();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    if (!perClass && !startedByTest) {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
  }

  /** Starts the platform with these options (for options drawn by the test, e.g. from a seed). */
  public void start(EmulatorOptions options) throws IOException {
    this.options = options;
    start();
  }

  private void start() throws IOException {
    if (emulator != null) {
      throw new IllegalStateException("the local platform is already running");
    }
    root = Files.createTempDirectory("aepform-it-");
    launcher = new JarLauncher(root.resolve("logs"));
    emulator = Emulator.start(options);
    objects = new SandboxObjects(emulator, client.orgId(), SANDBOX);
    dir = root.resolve("config");
    if (configuration != null) {
      TestConfigurations.copy(configuration, dir);
      writeEnvironment(SANDBOX);
    }
  }

  private void stop() throws Exception {
    try {
      if (launcher != null) {
        launcher.killAll();
      }
      if (emulator != null) {
        emulator.close();
      }
    } finally {
      emulator = null;
      launcher = null;
      TestConfigurations.delete(root);
    }
  }

  /** The temporary directory that holds the configuration {@link #dir} and the process logs. */
  public Path root() {
    return root;
  }

  // ---- the configuration ----

  /** Rewrites {@code environments/it.yaml} for the given sandbox. */
  public void writeEnvironment(String sandbox) throws IOException {
    Files.createDirectories(dir.resolve("environments"));
    Files.writeString(dir.resolve("environments/" + ENV + ".yaml"), environment(sandbox));
  }

  /** The text of environment {@code it}: the emulator, the sandbox, the example's variables. */
  protected String environment(String sandbox) {
    return "sandbox: "
        + sandbox
        + "\nplatform: "
        + emulator.baseUrl()
        + "\nvariables:\n"
        + "  s3_access_key: AKIAITEXAMPLE\n  s3_secret_key: ${env.IT_S3_SECRET}\n";
  }

  public Path stateFile() {
    return dir.resolve(".aepform/" + ENV + ".state.json");
  }

  public Path backupFile() {
    return dir.resolve(".aepform/" + ENV + ".state.json.backup");
  }

  public Path lockFile() {
    return dir.resolve(".aepform/" + ENV + ".state.json.lock");
  }

  // ---- the CLI ----

  /** The process environment of a run against the emulator, with its client's credentials. */
  public Map<String, String> env() {
    return Map.of(
        "AEP_CLIENT_ID",
        client.clientId(),
        "AEP_CLIENT_SECRET",
        client.clientSecret(),
        "AEP_ORG_ID",
        client.orgId(),
        "AEP_IMS_URL",
        emulator.baseUrl(),
        "IT_S3_SECRET",
        secret,
        // the local platform's lists do not lag: an interrupted create shows up at once
        "AEPFORM_PENDING_GRACE",
        "1");
  }

  /** {@code command} followed by the options that point it at the configuration. */
  public String[] args(String... command) {
    List<String> out = new ArrayList<>(List.of(command));
    out.addAll(List.of("--dir", dir.toString(), "--env", ENV, "--no-color"));
    return out.toArray(String[]::new);
  }

  /** The CLI in this JVM. */
  public CliRun cli(String... command) {
    return CliRun.run(env(), args(command));
  }

  /** The CLI in this JVM, with some variables of the process environment changed. */
  public CliRun cli(Map<String, String> overrides, String... command) {
    Map<String, String> env = new HashMap<>(env());
    env.putAll(overrides);
    return CliRun.run(env, args(command));
  }

  /** The CLI as a separate process (the built jar), killed when the test ends. */
  public Launched launch(String... command) throws IOException {
    return launcher.launch(env(), args(command));
  }

  // ---- the emulator's request log ----

  /** The calls that change something: POST, PUT, PATCH, DELETE (IMS token calls aside). */
  public List<String> writes() {
    return emulator.requestLog().stream()
        .filter(e -> !e.method().equals("GET") && !e.path().startsWith("/ims/"))
        .map(RequestLogEntry::summary)
        .toList();
  }

  /** Every call other than IMS token calls: what touches the platform's data. */
  public List<String> dataCalls() {
    return emulator.requestLog().stream()
        .filter(e -> !e.path().startsWith("/ims/"))
        .map(RequestLogEntry::summary)
        .toList();
  }

  /** Data calls logged after {@code sequence}. */
  public List<RequestLogEntry> dataCallsAfter(long sequence) {
    return emulator.requestLog().stream()
        .filter(e -> e.sequence() > sequence && e.path().startsWith("/data/"))
        .toList();
  }

  /** The sequence number of the last call logged so far (0 when none). */
  public long lastSequence() {
    List<RequestLogEntry> log = emulator.requestLog();
    return log.isEmpty() ? 0 : log.get(log.size() - 1).sequence();
  }

  /**
   * Waits until the emulator has answered what a killed process had in flight: a request sent is
   * carried out even when its sender is gone (as on the real platform), so checks wait for quiet.
   */
  public void settle() throws InterruptedException {
    long seen;
    do {
      seen = lastSequence();
      Thread.sleep(250);
    } while (lastSequence() != seen);
  }

  // ---- what the platform holds ----

  public int count(ResourceKind kind) {
    return objects.count(kind);
  }

  /** The objects of the example's kinds in the sandbox. */
  public int total() {
    return objects.total();
  }

  public List<String> names(ResourceKind kind) {
    return objects.names(kind);
  }

  /** Exactly one object per declared resource, none twice by name, none more. */
  public void assertExactlyTheDeclaredObjects(String when) {
    objects.assertExactlyTheExample(when);
  }
}
