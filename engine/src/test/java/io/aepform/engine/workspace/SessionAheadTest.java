package io.aepform.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aepform.engine.EngineSettings;
import io.aepform.engine.LocalPlatform;
import io.aepform.engine.manifest.EnvironmentConfig;
import io.aepform.engine.manifest.EnvironmentLoader;
import io.aepform.engine.provider.http.Credentials;
import io.aepform.engine.provider.http.RateListener;
import io.aepform.error.AepformException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session an apply opens while its configuration loads: the same session, errors later. */
class SessionAheadTest {
  private static final Map<String, String> TOKEN =
      Map.of("AEP_ACCESS_TOKEN", "tok", "AEP_API_KEY", "key", "AEP_ORG_ID", "ORG@AdobeOrg");

  @TempDir Path dir;

  private EnvironmentConfig environment(String platform) throws IOException {
    Files.createDirectories(dir.resolve("environments"));
    Files.writeString(
        dir.resolve("environments/dev.yaml"), "sandbox: dev\nplatform: " + platform + "\n");
    return EnvironmentLoader.load(dir, "dev");
  }

  private SessionAhead start(EngineSettings settings) {
    return SessionAhead.start(
        EnvironmentLoader.load(dir, "dev"), dir, settings, RateListener.none());
  }

  @Test
  void handsOverTheSessionOpenedAhead() throws IOException {
    EnvironmentConfig env = environment("https://platform.example");
    try (SessionAhead ahead = start(EngineSettings.of(TOKEN));
        Connector.Session session = ahead.open(env, dir)) {
      assertThat(session.sandbox()).isEqualTo("dev");
      assertThat(session.imsOrg()).isEqualTo("ORG@AdobeOrg");
    }
  }

  @Test
  void whatKeepsTheSessionFromOpeningIsSaidWhenItIsNeeded() throws IOException {
    EnvironmentConfig env = environment("https://platform.example");
    String expected = null;
    try {
      Connector.open(env, dir, EngineSettings.of(Map.of()), RateListener.none()).close();
    } catch (AepformException e) {
      expected = e.getMessage();
    }
    assertThat(expected).contains("AEP_");
    try (SessionAhead ahead = start(EngineSettings.of(Map.of()))) { // starting throws nothing
      assertThatThrownBy(() -> ahead.open(env, dir))
          .isInstanceOf(AepformException.class)
          .hasMessage(expected);
    }
  }

  @Test
  void theLocalPlatformStartsOnlyWhenTheSessionIsNeeded() throws IOException {
    EnvironmentConfig env = environment("local");
    AtomicInteger starts = new AtomicInteger();
    LocalPlatform local =
        data -> {
          starts.incrementAndGet();
          return new LocalPlatform.Endpoint(
              URI.create("http://127.0.0.1:1"),
              Credentials.ofToken("tok", "key", "ORG@AdobeOrg"),
              () -> {});
        };
    EngineSettings settings =
        new EngineSettings(Map.of(), local, Optional.empty(), Clock.systemUTC());
    try (SessionAhead ahead = start(settings)) {
      assertThat(starts).hasValue(0);
      ahead.open(env, dir).close();
      assertThat(starts).hasValue(1);
    }
    assertThat(dir.resolve(".aepform")).doesNotExist();
  }
}
