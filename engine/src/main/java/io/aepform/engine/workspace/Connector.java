package io.aepform.engine.workspace;

import io.aepform.engine.EngineSettings;
import io.aepform.engine.LocalPlatform;
import io.aepform.engine.manifest.EnvironmentConfig;
import io.aepform.engine.manifest.PlatformFacts;
import io.aepform.engine.provider.PlatformStats;
import io.aepform.engine.provider.http.Credentials;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.provider.http.PlatformClientBuilder;
import io.aepform.engine.provider.http.RateListener;
import io.aepform.engine.provider.http.Redactor;
import io.aepform.error.UsageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Opens the platform an environment names: its URL, sandbox and credentials. */
public final class Connector {
  private Connector() {}

  /** A platform connection for one command; closing it stops a local platform too. */
  public record Session(
      PlatformClient client,
      String sandbox,
      String imsOrg,
      AutoCloseable local,
      Redactor redactor,
      AtomicReference<PlatformFacts> facts)
      implements AutoCloseable {
    /** The platform's facts ({@code ${platform.tenantId}}), asked once per session. */
    public synchronized PlatformFacts platformFacts() {
      if (facts.get() == null) {
        facts.set(PlatformStats.facts(client));
      }
      return facts.get();
    }

    @Override
    public void close() {
      client.close();
      try {
        local.close();
      } catch (Exception e) {
        throw new IllegalStateException("could not stop the local platform", e);
      }
    }
  }

  public static Session open(EnvironmentConfig env, Path dir, EngineSettings settings) {
    return open(env, dir, settings, RateListener.none());
  }

  /** As {@link #open(EnvironmentConfig, Path, EngineSettings)}, telling {@code rates} of 429s. */
  public static Session open(
      EnvironmentConfig env, Path dir, EngineSettings settings, RateListener rates) {
    Map<String, String> penv = settings.processEnv();
    String sandbox = first(penv.get("AEP_SANDBOX"), env.sandbox());
    if (sandbox.isBlank()) {
      throw new UsageException(
          UsageException.Code.INVALID_ENVIRONMENT,
          "no sandbox for environment '"
              + env.name()
              + "': set 'sandbox:' in environments/"
              + env.name()
              + ".yaml or AEP_SANDBOX");
    }
    String platform = first(penv.get("AEP_PLATFORM_URL"), env.platform());
    URI base;
    Credentials credentials;
    AutoCloseable local = () -> {};
    if (platform.equals("local")) {
      LocalPlatform.Endpoint endpoint =
          settings.localPlatform().start(dir.resolve(".aepform").resolve("local-platform"));
      base = endpoint.baseUrl();
      credentials = endpoint.credentials();
      local = endpoint.stop();
    } else if (platform.isBlank()) {
      throw new UsageException(
          UsageException.Code.INVALID_ENVIRONMENT,
          "no platform for environment '"
              + env.name()
              + "': set 'platform:' in environments/"
              + env.name()
              + ".yaml (a URL, or local) or AEP_PLATFORM_URL");
    } else {
      try {
        base = new URI(platform);
      } catch (URISyntaxException e) {
        throw new UsageException(
            UsageException.Code.INVALID_ENVIRONMENT,
            "platform '" + platform + "' is not a URL: " + e.getReason());
      }
      credentials = Credentials.fromEnvironment(penv);
    }
    PlatformClientBuilder builder =
        PlatformClient.builder(base, credentials)
            .sandbox(sandbox)
            .environment(penv)
            .clock(settings.clock())
            .rateListener(rates);
    settings.trace().ifPresent(builder::trace);
    settings.recordTraffic().ifPresent(builder::recordTraffic);
    // secrets of the configuration are registered once known, so the -v trace never shows them
    Redactor redactor = new Redactor();
    builder.redactor(redactor);
    try {
      return new Session(
          builder.build(), sandbox, credentials.orgId(), local, redactor, new AtomicReference<>());
    } catch (RuntimeException e) {
      closeQuietly(local);
      throw e;
    }
  }

  /** True when the environment names the embedded local platform (started as a session opens). */
  static boolean isLocal(EnvironmentConfig env, Map<String, String> processEnv) {
    return first(processEnv.get("AEP_PLATFORM_URL"), env.platform()).equals("local");
  }

  private static String first(String override, String fromFile) {
    return override != null && !override.isBlank() ? override.strip() : fromFile;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // the original failure matters more
    }
  }
}
