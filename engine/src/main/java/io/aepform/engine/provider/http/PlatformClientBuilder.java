package io.aepform.engine.provider.http;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Configures a {@link PlatformClient}. Only the sandbox is required; the rest defaults to: {@link
 * RetryPolicy#defaults()}, 10 s connect timeout, 60 s response timeout, no trace, real sleeping,
 * the system clock, no proxy (pass the process environment to honour {@code HTTPS_PROXY}), and a
 * token from the credentials (IMS for client credentials).
 */
public final class PlatformClientBuilder {
  private final URI baseUrl;
  private final Credentials credentials;
  private String sandbox = "";
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration responseTimeout = Duration.ofSeconds(60);
  private Optional<Consumer<String>> trace = Optional.empty();
  private Optional<Path> recordTraffic = Optional.empty();
  private Redactor redactor = new Redactor();
  private Sleeper sleeper = Sleeper.system();
  private Random random = new Random();
  private Clock clock = Clock.systemUTC();
  private RateListener rateListener = RateListener.none();
  private Map<String, String> environment = Map.of();
  private Optional<TokenProvider> tokenProvider = Optional.empty();

  PlatformClientBuilder(URI baseUrl, Credentials credentials) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  /** The sandbox every call addresses ({@code x-sandbox-name}); required. */
  public PlatformClientBuilder sandbox(String name) {
    this.sandbox = Objects.requireNonNull(name, "sandbox").strip();
    return this;
  }

  public PlatformClientBuilder retryPolicy(RetryPolicy policy) {
    this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
    return this;
  }

  public PlatformClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = positive(timeout, "connectTimeout");
    return this;
  }

  /** How long to wait for the answer once the request is sent. */
  public PlatformClientBuilder responseTimeout(Duration timeout) {
    this.responseTimeout = positive(timeout, "responseTimeout");
    return this;
  }

  /** Where to write the redacted trace of every request and response (for --verbose). */
  public PlatformClientBuilder trace(Consumer<String> sink) {
    this.trace = Optional.of(Objects.requireNonNull(sink, "trace"));
    return this;
  }

  /**
   * Writes every exchange with the platform into {@code dir} as one fixture file each ({@link
   * TrafficFixture}), redacted as the trace is (for --record-traffic).
   */
  public PlatformClientBuilder recordTraffic(Path dir) {
    this.recordTraffic = Optional.of(Objects.requireNonNull(dir, "recordTraffic"));
    return this;
  }

  /** A redactor shared with the caller, who registers further secrets (connection passwords). */
  public PlatformClientBuilder redactor(Redactor redactor) {
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    return this;
  }

  public PlatformClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  /** The source of backoff jitter; pass a seeded one for reproducible waits. */
  public PlatformClientBuilder random(Random random) {
    this.random = Objects.requireNonNull(random, "random");
    return this;
  }

  /** The clock for token expiry and {@code Retry-After} dates. */
  public PlatformClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  public PlatformClientBuilder rateListener(RateListener listener) {
    this.rateListener = Objects.requireNonNull(listener, "rateListener");
    return this;
  }

  /** The process environment, read for {@code HTTPS_PROXY} and {@code NO_PROXY} only. */
  public PlatformClientBuilder environment(Map<String, String> env) {
    this.environment = Map.copyOf(Objects.requireNonNull(env, "environment"));
    return this;
  }

  /** Uses {@code provider} instead of one made from the credentials, e.g. to share a token. */
  public PlatformClientBuilder tokenProvider(TokenProvider provider) {
    this.tokenProvider = Optional.of(Objects.requireNonNull(provider, "tokenProvider"));
    return this;
  }

  /**
   * Builds the client.
   *
   * @throws io.aepform.error.AepformException ({@code USAGE}) for a plain-http URL to a host that
   *     is not loopback, or a missing sandbox
   */
  public PlatformClient build() {
    URI url = Endpoints.requireSecure(baseUrl, "the platform URL");
    if (sandbox.isEmpty()) {
      throw new IllegalArgumentException("a sandbox name is required");
    }
    redactor.registerAll(credentials.secrets());
    TrafficRecorder recorder =
        recordTraffic
            .map(dir -> TrafficRecorder.to(dir, redactor, clock))
            .orElseGet(TrafficRecorder::none);
    HttpTransport transport =
        new HttpTransport(
            connectTimeout, responseTimeout, ProxySettings.fromEnvironment(environment));
    RetryingExecutor executor =
        new RetryingExecutor(
            transport, retryPolicy, sleeper, random, clock, new Tracer(trace, redactor), recorder);
    TokenProvider tokens = tokenProvider.orElseGet(() -> tokensFor(executor));
    return new PlatformClient(url, sandbox, credentials, tokens, executor, transport, rateListener);
  }

  private TokenProvider tokensFor(RetryingExecutor executor) {
    return credentials.usesClientCredentials()
        ? new ImsTokenProvider(credentials, executor, clock)
        : TokenProvider.fixed(credentials.accessToken().orElseThrow());
  }

  private static Duration positive(Duration d, String name) {
    if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return d;
  }
}
