package io.aepform.engine.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aepform.error.AepformException;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointsTest {

  private static PlatformClientBuilder builder(String url) {
    return PlatformClient.builder(URI.create(url), Credentials.ofToken("tok-1", "key", "O"))
        .sandbox("dev");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://platform.adobe.io",
        "http://10.0.0.5:8080",
        "http://127.0.0.1.example.com",
        "http://localhost.example.com",
        "ftp://platform.adobe.io"
      })
  void plainHttpToOtherHostsIsRefused(String url) {
    assertThatThrownBy(() -> builder(url).build())
        .isInstanceOfSatisfying(
            AepformException.class,
            e -> assertThat(e.code()).isEqualTo("usage.invalid_environment"))
        .hasMessageContaining(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://platform.adobe.io",
        "http://127.0.0.1:8080",
        "http://127.3.4.5",
        "http://localhost:9000/",
        "http://[::1]:9000"
      })
  void httpsAndLoopbackAreAccepted(String url) {
    try (PlatformClient client = builder(url).build()) {
      assertThat(client.baseUrl()).isEqualTo(URI.create(url));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1", "127.255.0.1", "[::1]", "::1", "LOCALHOST"})
  void loopbackHosts(String host) {
    assertThat(Endpoints.isLoopback(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "128.0.0.1", "10.0.0.1", "[::2]", "localhost.evil.com"})
  void notLoopbackHosts(String host) {
    assertThat(Endpoints.isLoopback(host)).isFalse();
  }
}
