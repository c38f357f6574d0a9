package io.aepform.engine.workspace;

import io.aepform.engine.manifest.EnvironmentConfig;
import io.aepform.state.LocalStateStore;
import io.aepform.state.PostgresConfig;
import io.aepform.state.PostgresStateStore;
import io.aepform.state.StateStore;
import java.nio.file.Path;
import java.util.Map;

/** The state store an environment names: {@code local} (default) or {@code postgres}. */
public final class StateStores {
  private StateStores() {}

  public static StateStore open(Path dir, EnvironmentConfig env, Map<String, String> processEnv) {
    if (env.stateBackend().equals("postgres")) {
      Map<String, String> s = env.stateSettings();
      PostgresConfig config =
          PostgresConfig.withPasswordFrom(
              s.get("url"),
              s.getOrDefault("schema", PostgresConfig.DEFAULT_SCHEMA),
              s.getOrDefault("user", ""),
              processEnv);
      return PostgresStateStore.open(config, env.name());
    }
    return new LocalStateStore(dir.resolve(".aepform"), env.name());
  }
}
