package io.aepform.engine.provider.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TLS is set up when https needs it, not for a platform spoken to over plain http. */
class HttpTransportTest {
  private WireMockServer server;
  private HttpTransport transport;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().dynamicHttpsPort());
    server.start();
    server.stubFor(get("/ping").willReturn(aResponse().withStatus(200).withBody("pong")));
    transport =
        new HttpTransport(
            Duration.ofSeconds(2), Duration.ofSeconds(5), ProxySettings.fromEnvironment(Map.of()));
  }

  @AfterEach
  void stop() throws Exception {
    transport.close();
    server.stop();
  }

  private WireResponse ping(String scheme, int port) throws Exception {
    URI uri = URI.create(scheme + "://127.0.0.1:" + port + "/ping");
    return transport.execute(
        new WireRequest("AEP", HttpMethod.GET, uri, Map.of(), new byte[0], "", true));
  }

  @Test
  void plainHttpNeverSetsUpTls() throws Exception {
    assertThat(ping("http", server.port()).status()).isEqualTo(200);
    assertThat(transport.tlsReady()).isFalse();
  }

  @Test
  void httpsSetsUpTlsOnItsFirstConnection() {
    assertThat(transport.tlsReady()).isFalse();
    // the test server's certificate is self-signed: the JDK's trust store rightly refuses it
    assertThatThrownBy(() -> ping("https", server.httpsPort())).isInstanceOf(SSLException.class);
    assertThat(transport.tlsReady()).isTrue();
  }

  @Test
  void clientPreparesTlsAheadOnlyForHttps() {
    Credentials token = Credentials.ofToken("tok", "key", "ORG@AdobeOrg");
    try (PlatformClient http =
            PlatformClient.builder(URI.create("http://127.0.0.1:" + server.port()), token)
                .sandbox("dev")
                .build();
        PlatformClient https =
            PlatformClient.builder(URI.create("https://platform.example"), token)
                .sandbox("dev")
                .build()) {
      http.prepare();
      https.prepare();
      assertThat(http.tlsReady()).isFalse();
      assertThat(https.tlsReady()).isTrue();
    }
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}
