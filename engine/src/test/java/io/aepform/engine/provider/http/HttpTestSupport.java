package io.aepform.engine.provider.http;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared fakes for the HTTP layer's tests: a recording sleeper, a settable clock, a server. */
final class HttpTestSupport {
  static final String TOKEN = "tok-3f9a1c7e5b2d";
  static final String API_KEY = "client-id-123";
  static final String ORG = "ABC123@AdobeOrg";
  static final String SECRET = "p8e-S3cr3t/with+chars&=";

  private HttpTestSupport() {}

  static WireMockServer startServer() {
    WireMockServer server =
        new WireMockServer(options().dynamicPort().usingFilesUnderClasspath("provider/http"));
    server.start();
    return server;
  }

  static URI base(WireMockServer server) {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** A client on {@code server} with a fixed token, fake sleeper and seeded jitter. */
  static PlatformClientBuilder builder(WireMockServer server, RecordingSleeper sleeper) {
    return PlatformClient.builder(base(server), Credentials.ofToken(TOKEN, API_KEY, ORG))
        .sandbox("dev")
        .sleeper(sleeper)
        .random(new Random(42))
        .connectTimeout(Duration.ofSeconds(2))
        .responseTimeout(Duration.ofSeconds(5));
  }

  /** Records each wait instead of sleeping. */
  static final class RecordingSleeper implements Sleeper {
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
    }

    List<Duration> waits() {
      return List.copyOf(waits);
    }
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
