package io.aepform.engine.workspace;

import io.aepform.engine.EngineSettings;
import io.aepform.engine.manifest.EnvironmentConfig;
import io.aepform.engine.provider.http.RateListener;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A platform session opened on another thread while the configuration loads: building the HTTP
 * client (and TLS for https) costs a cold JVM a good part of what loading a large configuration
 * does. Opening sends nothing (the token is asked for on the first call), so bad input still fails
 * before any call; a command that fails before it needs the session closes it unused.
 *
 * <p>Not opened ahead: the local platform (starting it writes under {@code .aepform/}), and a
 * session that records traffic (that creates its directory): both wait until the configuration is
 * valid, as before.
 */
public final class SessionAhead implements AutoCloseable {
  private final EngineSettings settings;
  private final RateListener rates;
  private final Optional<Opening> opening;
  private boolean taken;

  private record Opening(
      EnvironmentConfig env, Path dir, CompletableFuture<Connector.Session> session) {}

  private SessionAhead(EngineSettings settings, RateListener rates, Optional<Opening> opening) {
    this.settings = settings;
    this.rates = rates;
    this.opening = opening;
  }

  /** Nothing opened ahead: {@link #open} opens the session then. */
  public static SessionAhead none(EngineSettings settings, RateListener rates) {
    return new SessionAhead(settings, rates, Optional.empty());
  }

  /**
   * Starts opening the session of {@code env} (of the configuration in {@code dir}), when that can
   * be done ahead.
   */
  public static SessionAhead start(
      EnvironmentConfig env, Path dir, EngineSettings settings, RateListener rates) {
    if (Connector.isLocal(env, settings.processEnv()) || settings.recordTraffic().isPresent()) {
      return none(settings, rates);
    }
    CompletableFuture<Connector.Session> session = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                Connector.Session opened = Connector.open(env, dir, settings, rates);
                opened.client().prepare();
                session.complete(opened);
              } catch (RuntimeException | Error e) {
                session.completeExceptionally(e);
              }
            },
            "aepform-connect");
    thread.setDaemon(true);
    thread.start();
    return new SessionAhead(settings, rates, Optional.of(new Opening(env, dir, session)));
  }

  /**
   * The session of {@code env}: the one opened ahead, or one opened now. Fails as {@link
   * Connector#open} does, now.
   */
  public Connector.Session open(EnvironmentConfig env, Path dir) {
    if (taken
        || opening.isEmpty()
        || !opening.get().env().equals(env)
        || !opening.get().dir().equals(dir)) {
      return Connector.open(env, dir, settings, rates);
    }
    taken = true;
    try {
      return opening.get().session().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      } else if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Closes the session opened ahead if nobody took it (once it is open, without waiting). */
  @Override
  public void close() {
    if (!taken) {
      opening.ifPresent(o -> o.session().thenAccept(Connector.Session::close));
    }
  }
}
