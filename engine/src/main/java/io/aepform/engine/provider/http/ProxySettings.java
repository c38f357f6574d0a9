package io.aepform.engine.provider.http;

import io.aepform.error.UsageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The proxy from {@code HTTPS_PROXY} (or {@code https_proxy}), bypassed for loopback hosts and for
 * hosts matching {@code NO_PROXY}: the local platform must stay reachable behind a corporate proxy.
 */
record ProxySettings(Optional<HttpHost> proxy, List<String> noProxy) {

  ProxySettings {
    noProxy = List.copyOf(noProxy);
  }

  static ProxySettings fromEnvironment(Map<String, String> env) {
    Optional<HttpHost> proxy = first(env, "HTTPS_PROXY", "https_proxy").map(ProxySettings::host);
    List<String> noProxy =
        first(env, "NO_PROXY", "no_proxy")
            .map(v -> List.of(v.toLowerCase(Locale.ROOT).split("\\s*,\\s*")))
            .orElse(List.of());
    return new ProxySettings(proxy, noProxy);
  }

  /** The proxy to use for {@code target}, if any. */
  Optional<HttpHost> proxyFor(String targetHost) {
    if (proxy.isEmpty() || Endpoints.isLoopback(targetHost) || bypassed(targetHost)) {
      return Optional.empty();
    }
    return proxy;
  }

  DefaultRoutePlanner routePlanner() {
    return new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE) {
      @Override
      protected HttpHost determineProxy(HttpHost target, HttpContext context) {
        return proxyFor(target.getHostName()).orElse(null);
      }
    };
  }

  private boolean bypassed(String targetHost) {
    String host = targetHost.toLowerCase(Locale.ROOT);
    for (String entry : noProxy) {
      if (entry.equals("*")) {
        return true;
      }
      String domain = entry.replaceFirst("^\\*?\\.?", "");
      if (!domain.isEmpty() && (host.equals(domain) || host.endsWith("." + domain))) {
        return true;
      }
    }
    return false;
  }

  private static HttpHost host(String value) {
    String text = value.contains("://") ? value : "http://" + value;
    try {
      URI uri = new URI(text);
      if (uri.getHost() == null) {
        throw new URISyntaxException(value, "no host");
      }
      int port = uri.getPort() > 0 ? uri.getPort() : 80;
      return new HttpHost(uri.getScheme(), uri.getHost(), port);
    } catch (URISyntaxException e) {
      throw new UsageException(
          UsageException.Code.INVALID_ENVIRONMENT,
          "HTTPS_PROXY is not a valid proxy URL: '" + value + "'");
    }
  }

  private static Optional<String> first(Map<String, String> env, String... names) {
    for (String name : names) {
      String v = env.get(name);
      if (v != null && !v.isBlank()) {
        return Optional.of(v.strip());
      }
    }
    return Optional.empty();
  }
}
