package io.aepform.cli;

import io.aepform.emulator.ClientCredentials;
import io.aepform.emulator.Emulator;
import io.aepform.emulator.EmulatorFlags;
import io.aepform.emulator.EmulatorOptions;
import io.aepform.engine.LocalPlatform;
import io.aepform.engine.provider.http.Credentials;
import io.aepform.error.UsageException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code platform: local}: the emulator in-process on an ephemeral loopback port, its data kept
 * under the configuration's {@code .aepform/local-platform/}, reached through its own IMS. {@code
 * AEPFORM_LOCAL_PLATFORM_FLAGS} passes it the options {@code aepform emulator} takes (e.g. {@code
 * --run-failure-rate 1} to see a failed dataflow run), except the port and the data directory.
 */
final class LocalPlatformLauncher implements LocalPlatform {
  static final String FLAGS = "AEPFORM_LOCAL_PLATFORM_FLAGS";

  private final String flags;

  LocalPlatformLauncher(Map<String, String> env) {
    this.flags = env.getOrDefault(FLAGS, "").strip();
  }

  @Override
  public Endpoint start(Path dataDir) {
    Emulator emulator = Emulator.start(options().toBuilder().dataDir(dataDir).build());
    ClientCredentials client = EmulatorOptions.LOCAL_CLIENT;
    URI base = URI.create(emulator.baseUrl());
    Credentials credentials =
        Credentials.ofClient(
            client.clientId(),
            client.clientSecret(),
            client.orgId(),
            Credentials.DEFAULT_SCOPES,
            base);
    return new Endpoint(base, credentials, emulator);
  }

  private EmulatorOptions options() {
    if (flags.isEmpty()) {
      return EmulatorOptions.builder().build();
    }
    String[] args = flags.split("\\s+");
    for (String a : args) {
      if (a.startsWith("--port") || a.startsWith("--data-dir") || a.startsWith("--client")) {
        throw new UsageException(
            UsageException.Code.INVALID_ENVIRONMENT,
            FLAGS + " may not set " + a + ": the local platform picks its port, data and client");
      }
    }
    try {
      return EmulatorFlags.parse(args);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          UsageException.Code.INVALID_ENVIRONMENT,
          FLAGS
              + ": "
              + e.getMessage().lines().findFirst().orElse("")
              + " (see aepform emulator --help)");
    }
  }
}
