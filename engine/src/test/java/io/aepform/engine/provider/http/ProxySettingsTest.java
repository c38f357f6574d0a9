package io.aepform.engine.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aepform.error.AepformException;
import java.util.Map;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {

  @Test
  void httpsProxyIsUsedExceptForLoopbackAndNoProxy() {
    ProxySettings p =
        ProxySettings.fromEnvironment(
            Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", "internal.corp, .lan"));

    assertThat(p.proxyFor("platform.adobe.io")).contains(new HttpHost("http", "proxy.corp", 3128));
    assertThat(p.proxyFor("127.0.0.1")).isEmpty();
    assertThat(p.proxyFor("localhost")).isEmpty();
    assertThat(p.proxyFor("api.internal.corp")).isEmpty();
    assertThat(p.proxyFor("internal.corp")).isEmpty();
    assertThat(p.proxyFor("box.lan")).isEmpty();
    assertThat(p.proxyFor("notinternal.corp")).contains(new HttpHost("http", "proxy.corp", 3128));
  }

  @Test
  void lowerCaseAndBareHostPort() {
    ProxySettings p = ProxySettings.fromEnvironment(Map.of("https_proxy", "proxy:8080"));
    assertThat(p.proxyFor("platform.adobe.io")).contains(new HttpHost("http", "proxy", 8080));
  }

  @Test
  void noProxyByDefault() {
    assertThat(ProxySettings.fromEnvironment(Map.of()).proxyFor("platform.adobe.io")).isEmpty();
  }

  @Test
  void unreadableProxyIsAUsageError() {
    assertThatThrownBy(() -> ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://")))
        .isInstanceOf(AepformException.class)
        .hasMessageContaining("HTTPS_PROXY");
  }
}
