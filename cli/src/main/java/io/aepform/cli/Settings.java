package io.aepform.cli;

import io.aepform.engine.EngineSettings;
import java.time.Clock;
import java.util.Optional;

/**
 * The engine settings of a command: its environment, the local platform, the -v trace and the
 * --record-traffic directory.
 */
final class Settings {
  private Settings() {}

  static EngineSettings of(Cli cli, CommonOptions common) {
    EngineSettings settings =
        new EngineSettings(
            cli.env(),
            new LocalPlatformLauncher(cli.env()),
            common.verbose ? Optional.of(line -> cli.err().println(line)) : Optional.empty(),
            Clock.systemUTC());
    return common.recordTraffic == null
        ? settings
        : settings.recordingTrafficTo(common.recordTraffic);
  }
}
