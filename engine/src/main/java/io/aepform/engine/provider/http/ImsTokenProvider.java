package io.aepform.engine.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Exchanges OAuth server-to-server credentials for an access token at Adobe IMS ({@code POST
 * {ims}/ims/token/v3}), keeps one token for all calls, and renews it before it expires: 500 s early
 * for the usual day-long tokens, at 90% of the lifetime for short ones. IMS requests are retried
 * like reads, since asking for a token twice does no harm.
 */
public final class ImsTokenProvider implements TokenProvider {
  private static final Duration EARLY = Duration.ofSeconds(500);
  private static final Duration ASSUMED_LIFETIME = Duration.ofHours(1);

  private final Credentials credentials;
  private final RetryingExecutor executor;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.MIN;

  ImsTokenProvider(Credentials credentials, RetryingExecutor executor, Clock clock) {
    if (!credentials.usesClientCredentials()) {
      throw new IllegalArgumentException("IMS needs client credentials, got a ready token");
    }
    this.credentials = credentials;
    this.executor = executor;
    this.clock = clock;
  }

  @Override
  public synchronized String accessToken() {
    if (token == null || !clock.instant().isBefore(renewAt)) {
      fetch();
    }
    return token;
  }

  @Override
  public synchronized boolean invalidate(String refused) {
    if (refused.equals(token)) {
      token = null;
    }
    return true;
  }

  private void fetch() {
    Instant requestedAt = clock.instant();
    WireRequest request = tokenRequest();
    WireResponse response = executor.execute(() -> request, retryAfter -> {});
    JsonNode body = Bodies.json(response);
    if (response.status() != 200 || !body.path("access_token").isTextual()) {
      throw executor.errors().imsRejected(request, response, body);
    }
    String fresh = body.get("access_token").asText();
    executor.errors().redactor().register(fresh);
    Duration lifetime = lifetime(body);
    token = fresh;
    renewAt =
        requestedAt.plus(
            lifetime.compareTo(EARLY.multipliedBy(2)) > 0
                ? lifetime.minus(EARLY)
                : lifetime.multipliedBy(9).dividedBy(10));
  }

  private WireRequest tokenRequest() {
    String form =
        form("grant_type", "client_credentials")
            + "&"
            + form("client_id", credentials.apiKey())
            + "&"
            + form("client_secret", credentials.clientSecret().orElseThrow())
            + "&"
            + form("scope", credentials.scopes());
    URI uri = URI.create(Endpoints.join(credentials.imsUrl(), "/ims/token/v3"));
    return new WireRequest(
        "Adobe IMS",
        HttpMethod.POST,
        uri,
        Map.of("accept", "application/json"),
        form.getBytes(StandardCharsets.UTF_8),
        "application/x-www-form-urlencoded",
        true);
  }

  private static Duration lifetime(JsonNode body) {
    JsonNode expires = body.path("expires_in");
    return expires.canConvertToLong() && expires.asLong() > 0
        ? Duration.ofSeconds(expires.asLong())
        : ASSUMED_LIFETIME;
  }

  private static String form(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
