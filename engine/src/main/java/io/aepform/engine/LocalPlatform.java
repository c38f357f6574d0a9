package io.aepform.engine;

import io.aepform.engine.provider.http.Credentials;
import io.aepform.error.UsageException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Starts the embedded platform for environments with {@code platform: local}. The CLI provides it
 * (the engine does not know the emulator); {@link #none()} refuses.
 */
@FunctionalInterface
public interface LocalPlatform {
  /** Starts a platform keeping its data under {@code dataDir}; close the endpoint to stop it. */
  Endpoint start(Path dataDir);

  /** A running local platform and the credentials it accepts. */
  record Endpoint(URI baseUrl, Credentials credentials, AutoCloseable stop) {}

  static LocalPlatform none() {
    return dir -> {
      throw new UsageException(
          UsageException.Code.INVALID_ENVIRONMENT,
          "the local platform is not available in this context");
    };
  }
}
