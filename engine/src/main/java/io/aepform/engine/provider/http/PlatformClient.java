package io.aepform.engine.provider.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one way the engine talks to AEP: sends {@link ApiRequest}s to the platform's base URL with
 * the credentials and sandbox headers, retries under a {@link RetryPolicy}, maps error bodies to
 * {@link ApiException}s and traces redacted exchanges. Thread-safe; close it when done.
 *
 * <p>Built with {@link #builder(URI, Credentials)}.
 */
public final class PlatformClient implements AutoCloseable {
  /** How messages name the platform; also what tells its exchanges from IMS's. */
  static final String SERVICE = "AEP";

  private static final Set<String> RESERVED =
      Set.of("authorization", "x-api-key", "x-gw-ims-org-id", "x-sandbox-name");

  private final URI baseUrl;
  private final String sandbox;
  private final Credentials credentials;
  private final TokenProvider tokens;
  private final RetryingExecutor executor;
  private final HttpTransport transport;
  private final RateListener rateListener;

  PlatformClient(
      URI baseUrl,
      String sandbox,
      Credentials credentials,
      TokenProvider tokens,
      RetryingExecutor executor,
      HttpTransport transport,
      RateListener rateListener) {
    this.baseUrl = baseUrl;
    this.sandbox = sandbox;
    this.credentials = credentials;
    this.tokens = tokens;
    this.executor = executor;
    this.transport = transport;
    this.rateListener = rateListener;
  }

  /** Starts building a client for the platform at {@code baseUrl}. */
  public static PlatformClientBuilder builder(URI baseUrl, Credentials credentials) {
    return new PlatformClientBuilder(baseUrl, credentials);
  }

  /**
   * Sends {@code request} and returns its 2xx answer.
   *
   * @throws ApiException for any other final answer, for a request that could not be completed
   *     within the retry policy, and for a create whose outcome is unknown
   */
  public HttpResult send(ApiRequest request) {
    HttpResult result = exchange(request);
    if (!result.isSuccess()) {
      throw refusal(request, result);
    }
    return result;
  }

  /**
   * Sends {@code request} and returns its 2xx answer, or empty for a 404: for reads of objects that
   * may have been deleted.
   *
   * @throws ApiException as {@link #send}, for any other final answer
   */
  public Optional<HttpResult> sendOrAbsent(ApiRequest request) {
    HttpResult result = exchange(request);
    if (result.status() == 404) {
      return Optional.empty();
    }
    if (!result.isSuccess()) {
      throw refusal(request, result);
    }
    return Optional.of(result);
  }

  /**
   * The error for a final answer that is not a success, as {@link #send} would throw it: for
   * callers of {@link #exchange} that handle some statuses themselves.
   */
  public ApiException refusal(ApiRequest request, HttpResult result) {
    return executor
        .errors()
        .rejected(wire(request, ""), result.status(), result.body(), result.headers());
  }

  /**
   * Sends {@code request} and returns its final answer whatever the status, e.g. to read a 404 as
   * "absent". Throws {@link ApiException} only when no final answer could be had.
   */
  public HttpResult exchange(ApiRequest request) {
    for (String name : request.headers().keySet()) {
      if (RESERVED.contains(name)) {
        throw new IllegalArgumentException("header " + name + " is set by the client");
      }
    }
    AtomicReference<String> used = new AtomicReference<>();
    WireResponse response = attempt(request, used);
    // a revoked or clock-skewed token: one fresh token is worth one more try
    if (response.status() == 401 && tokens.invalidate(used.get())) {
      response = attempt(request, used);
    }
    if (response.status() >= 200 && response.status() < 300) {
      rateListener.succeeded(request);
    }
    return new HttpResult(
        response.status(), response.headers(), Bodies.json(response), response.header("etag"));
  }

  /** The sandbox every call addresses. */
  public String sandbox() {
    return sandbox;
  }

  /** The platform's base URL. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The token source, to share one token between clients of the same process. */
  public TokenProvider tokenProvider() {
    return tokens;
  }

  /**
   * Sets up now what the first calls will need, sending nothing: TLS, when the platform or IMS is
   * reached over https (as AEP always is). For a client built ahead of its first call, on another
   * thread.
   */
  public void prepare() {
    boolean tokenFromIms = credentials.usesClientCredentials();
    if (isHttps(baseUrl) || (tokenFromIms && isHttps(credentials.imsUrl()))) {
      transport.prepareTls();
    }
  }

  /** True once TLS is set up. */
  boolean tlsReady() {
    return transport.tlsReady();
  }

  private static boolean isHttps(URI url) {
    return "https".equalsIgnoreCase(url.getScheme());
  }

  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private WireResponse attempt(ApiRequest request, AtomicReference<String> used) {
    return executor.execute(
        () -> {
          String token = tokens.accessToken();
          used.set(token);
          return wire(request, token);
        },
        retryAfter -> rateListener.throttled(request, retryAfter),
        (wait, sleeper) -> rateListener.awaitRetry(request, wait, sleeper));
  }

  private WireRequest wire(ApiRequest request, String token) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("authorization", "Bearer " + token);
    headers.put("x-api-key", credentials.apiKey());
    headers.put("x-gw-ims-org-id", credentials.orgId());
    headers.put("x-sandbox-name", sandbox);
    headers.put("accept", "application/json");
    request.headers().forEach(headers::put);
    String contentType = headers.remove("content-type");
    byte[] body = request.body().map(Bodies::bytes).orElse(new byte[0]);
    if (request.body().isEmpty()) {
      contentType = "";
    } else if (contentType == null) {
      contentType = "application/json";
    }
    URI uri = URI.create(Endpoints.join(baseUrl, request.pathAndQuery()));
    return new WireRequest(
        SERVICE,
        request.method(),
        uri,
        headers,
        body,
        Objects.requireNonNull(contentType),
        request.method().safeToRepeat());
  }
}
