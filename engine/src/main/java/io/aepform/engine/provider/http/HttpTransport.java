package io.aepform.engine.provider.http;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one attempt with Apache HttpClient and reads the whole response. The client never retries
 * by itself: that is decided above, where the method and the status are known. Redirects and
 * cookies have no place in this API.
 */
final class HttpTransport implements AutoCloseable {
  private static final int MAX_CONNECTIONS = 64;

  private final CloseableHttpClient client;
  private final LazyTls tls = new LazyTls();

  HttpTransport(Duration connectTimeout, Duration responseTimeout, ProxySettings proxy) {
    ConnectionConfig connections =
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(connectTimeout))
            .setSocketTimeout(Timeout.of(responseTimeout))
            // a pooled connection the server closed would fail a POST after sending: check it
            .setValidateAfterInactivity(TimeValue.ofSeconds(1))
            .build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultConnectionConfig(connections)
                    .setMaxConnTotal(MAX_CONNECTIONS)
                    .setMaxConnPerRoute(MAX_CONNECTIONS)
                    .setTlsSocketStrategy(tls)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(Timeout.of(responseTimeout))
                    .setRedirectsEnabled(false)
                    .build())
            .setRoutePlanner(proxy.routePlanner())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            // gzip lets some servers rewrite ETags ("x--gzip"), which If-Match must send back as-is
            .disableContentCompression()
            .setUserAgent("aepform")
            .build();
  }

  /** Sets up TLS now rather than on the first https connection, e.g. on another thread. */
  void prepareTls() {
    tls.strategy();
  }

  /** True once TLS is set up: never for a client that only spoke plain http. */
  boolean tlsReady() {
    return tls.ready();
  }

  WireResponse execute(WireRequest request) throws IOException {
    ClassicRequestBuilder builder =
        ClassicRequestBuilder.create(request.method().name()).setUri(request.uri());
    request.headers().forEach(builder::addHeader);
    if (!request.contentType().isEmpty()) {
      builder.setEntity(
          new ByteArrayEntity(request.body(), ContentType.parse(request.contentType())));
    }
    return client.execute(builder.build(), HttpTransport::read);
  }

  private static WireResponse read(ClassicHttpResponse response) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header h : response.getHeaders()) {
      headers
          .computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(h.getValue());
    }
    byte[] body =
        response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
    return new WireResponse(response.getCode(), headers, body);
  }

  @Override
  public void close() throws IOException {
    client.close();
  }

  /**
   * The JDK's default TLS, set up on the first https connection: loading the trust store and the
   * security providers takes a cold JVM about a tenth of a second, which a plain-http platform (the
   * local one, on loopback) never needs.
   */
  private static final class LazyTls implements TlsSocketStrategy {
    private TlsSocketStrategy strategy;

    synchronized TlsSocketStrategy strategy() {
      if (strategy == null) {
        strategy = DefaultClientTlsStrategy.createDefault();
      }
      return strategy;
    }

    synchronized boolean ready() {
      return strategy != null;
    }

    @Override
    public SSLSocket upgrade(
        Socket socket, String target, int port, Object attachment, HttpContext context)
        throws IOException {
      return strategy().upgrade(socket, target, port, attachment, context);
    }
  }
}
