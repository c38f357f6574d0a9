package io.aepform.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to run an {@link Emulator}. Build with {@link #builder()}, start from {@link
 * #localDefaults()}, or parse command-line flags with {@link #parse(String[])}.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param dataDir where objects persist across restarts; empty keeps them in memory only
 * @param clients API clients IMS accepts (at least one)
 * @param seed seed of the fault injector's random numbers
 * @param latency added to every data call
 * @param failureRate fraction (0..1) of data calls answered with one of {@code failureKinds}
 * @param failureKinds which failures {@code failureRate} draws from
 * @param slowDelay the extra delay of a {@link FaultKind#SLOW} answer
 * @param retryAfterSeconds the Retry-After of 429 answers
 * @param createThenFailRate fraction (0..1) of successful creates answered 500 anyway
 * @param rateLimit data calls per second above which calls get 429; 0 for no limit
 * @param listLag lists miss objects created or changed less than this long ago (GET by id sees
 *     them); zero for none
 * @param createThenTimeoutRate fraction (0..1) of successful creates answered 504 after {@code
 *     timeoutDelay}
 * @param timeoutDelay how long a create-then-timeout call waits before its 504
 * @param catalogPageCap Catalog answers at most this many objects per list page, whatever the
 *     {@code limit}; 0 for no cap beyond Catalog's own
 * @param clock the platform's time (flows, runs, timestamps); {@code Clock.systemUTC()} by default
 * @param runs how dataflows run (duration, failures, a local folder as the bucket)
 */
public record EmulatorOptions(
    int port,
    Optional<Path> dataDir,
    List<ClientCredentials> clients,
    long seed,
    Duration latency,
    double failureRate,
    Set<FaultKind> failureKinds,
    Duration slowDelay,
    int retryAfterSeconds,
    double createThenFailRate,
    double rateLimit,
    Duration listLag,
    double createThenTimeoutRate,
    Duration timeoutDelay,
    int catalogPageCap,
    Clock clock,
    RunOptions runs) {

  /** The one client of {@code platform: local}. */
  public static final ClientCredentials LOCAL_CLIENT =
      new ClientCredentials("aepform-local", "aepform-local-secret", "AEPFORMLOCAL@AdobeOrg");

  public EmulatorOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    Objects.requireNonNull(dataDir, "dataDir");
    clients = List.copyOf(clients);
    if (clients.isEmpty()) {
      throw new IllegalArgumentException("at least one client is required");
    }
    if (clients.stream().map(ClientCredentials::clientId).distinct().count() != clients.size()) {
      throw new IllegalArgumentException("client ids must be unique");
    }
    requireFraction(failureRate, "failure rate");
    requireFraction(createThenFailRate, "create-then-fail rate");
    requireFraction(createThenTimeoutRate, "create-then-timeout rate");
    failureKinds = Set.copyOf(failureKinds);
    Set<FaultKind> drawable =
        Set.of(FaultKind.SERVER_ERROR, FaultKind.TOO_MANY_REQUESTS, FaultKind.DROP, FaultKind.SLOW);
    if (failureKinds.isEmpty() || !drawable.containsAll(failureKinds)) {
      throw new IllegalArgumentException(
          "failure kinds must be some of server-error, too-many-requests, drop, slow");
    }
    if (latency.isNegative()
        || slowDelay.isNegative()
        || retryAfterSeconds < 0
        || rateLimit < 0
        || listLag.isNegative()
        || timeoutDelay.isNegative()
        || catalogPageCap < 0) {
      throw new IllegalArgumentException("latency, delays and limits must not be negative");
    }
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(runs, "runs");
  }

  /** Ephemeral port, in memory, {@link #LOCAL_CLIENT} only, no faults. */
  public static EmulatorOptions localDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change a few. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.port = port;
    b.dataDir = dataDir;
    b.clients = new ArrayList<>(clients);
    b.seed = seed;
    b.latency = latency;
    b.failureRate = failureRate;
    b.failureKinds = EnumSet.copyOf(failureKinds);
    b.slowDelay = slowDelay;
    b.retryAfterSeconds = retryAfterSeconds;
    b.createThenFailRate = createThenFailRate;
    b.rateLimit = rateLimit;
    b.listLag = listLag;
    b.createThenTimeoutRate = createThenTimeoutRate;
    b.timeoutDelay = timeoutDelay;
    b.catalogPageCap = catalogPageCap;
    b.clock = clock;
    b.runs = runs;
    return b;
  }

  /**
   * Parses flags such as {@code --port 8080 --data-dir dir --failure-rate 0.1}; see {@link
   * EmulatorFlags#HELP}. Throws {@link IllegalArgumentException} with a user-facing message.
   */
  public static EmulatorOptions parse(String[] args) {
    return EmulatorFlags.parse(args);
  }

  private static void requireFraction(double v, String what) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(what + " must be between 0 and 1, got " + v);
    }
  }

  /** Mutable builder; defaults are those of {@link #localDefaults()}. */
  public static final class Builder {
    private int port;
    private Optional<Path> dataDir = Optional.empty();
    private List<ClientCredentials> clients = new ArrayList<>();
    private long seed = 42;
    private Duration latency = Duration.ZERO;
    private double failureRate;
    private Set<FaultKind> failureKinds =
        EnumSet.of(FaultKind.SERVER_ERROR, FaultKind.TOO_MANY_REQUESTS, FaultKind.DROP);
    private Duration slowDelay = Duration.ofSeconds(2);
    private int retryAfterSeconds = 1;
    private double createThenFailRate;
    private double rateLimit;
    private Duration listLag = Duration.ZERO;
    private double createThenTimeoutRate;
    private Duration timeoutDelay = Duration.ofSeconds(60);
    private int catalogPageCap;
    private Clock clock = Clock.systemUTC();
    private RunOptions runs = RunOptions.DEFAULTS;

    private Builder() {}

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder dataDir(Path dir) {
      this.dataDir = Optional.of(dir);
      return this;
    }

    public Builder dataDir(Optional<Path> dir) {
      this.dataDir = Objects.requireNonNull(dir);
      return this;
    }

    /** Adds a client; with none added, {@link #LOCAL_CLIENT} is used. */
    public Builder client(ClientCredentials client) {
      this.clients.add(client);
      return this;
    }

    public Builder clients(List<ClientCredentials> clients) {
      this.clients = new ArrayList<>(clients);
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder latency(Duration latency) {
      this.latency = latency;
      return this;
    }

    public Builder failureRate(double rate) {
      this.failureRate = rate;
      return this;
    }

    public Builder failureKinds(Set<FaultKind> kinds) {
      this.failureKinds = EnumSet.copyOf(kinds);
      return this;
    }

    public Builder slowDelay(Duration delay) {
      this.slowDelay = delay;
      return this;
    }

    public Builder retryAfterSeconds(int seconds) {
      this.retryAfterSeconds = seconds;
      return this;
    }

    public Builder createThenFailRate(double rate) {
      this.createThenFailRate = rate;
      return this;
    }

    public Builder rateLimit(double perSecond) {
      this.rateLimit = perSecond;
      return this;
    }

    public Builder listLag(Duration lag) {
      this.listLag = lag;
      return this;
    }

    public Builder createThenTimeoutRate(double rate) {
      this.createThenTimeoutRate = rate;
      return this;
    }

    public Builder timeoutDelay(Duration delay) {
      this.timeoutDelay = delay;
      return this;
    }

    public Builder catalogPageCap(int cap) {
      this.catalogPageCap = cap;
      return this;
    }

    /** The platform's time; tests pass a fixed clock and move it with Emulator.advanceClock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder runs(RunOptions runs) {
      this.runs = Objects.requireNonNull(runs);
      return this;
    }

    public Builder runDuration(Duration duration) {
      this.runs = runs.withDuration(duration);
      return this;
    }

    public Builder runFailureRate(double rate) {
      this.runs = runs.withFailureRate(rate);
      return this;
    }

    public Builder runPartialFailureRate(double rate) {
      this.runs = runs.withPartialFailureRate(rate);
      return this;
    }

    public Builder bucketDir(Path dir) {
      this.runs = runs.withBucketDir(dir);
      return this;
    }

    public EmulatorOptions build() {
      List<ClientCredentials> cs = clients.isEmpty() ? List.of(LOCAL_CLIENT) : clients;
      return new EmulatorOptions(
          port,
          dataDir,
          cs,
          seed,
          latency,
          failureRate,
          failureKinds,
          slowDelay,
          retryAfterSeconds,
          createThenFailRate,
          rateLimit,
          listLag,
          createThenTimeoutRate,
          timeoutDelay,
          catalogPageCap,
          clock,
          runs);
    }
  }
}
