package io.aepform.cli;

import io.aepform.emulator.ClientCredentials;
import io.aepform.emulator.Emulator;
import io.aepform.emulator.EmulatorOptions;
import io.aepform.engine.LocalPlatform;
import io.aepform.engine.provider.http.Credentials;
import java.net.URI;
import java.nio.file.Path;

/**
 * {@code platform: local}: the emulator in-process on an ephemeral loopback port, its data kept
 * under the configuration's {@code .aepform/local-platform/}, reached through its own IMS.
 */
final class LocalPlatformLauncher implements LocalPlatform {
  @Override
  public Endpoint start(Path dataDir) {
    Emulator emulator = Emulator.start(EmulatorOptions.builder().dataDir(dataDir).build());
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
}
