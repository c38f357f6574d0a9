package io.aepform.engine.provider.http;

import io.aepform.error.AepformException;
import io.aepform.error.ErrorCode;
import io.aepform.error.UsageException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How aepform authenticates to AEP: either a ready access token, or an OAuth server-to-server
 * client whose secret is exchanged for tokens at IMS. Exactly one of {@code accessToken} and {@code
 * clientSecret} is present. {@code apiKey} is sent as {@code x-api-key} (the project's client id).
 * {@link #toString()} never shows a secret.
 */
public record Credentials(
    String orgId,
    String apiKey,
    Optional<String> accessToken,
    Optional<String> clientSecret,
    String scopes,
    URI imsUrl) {

  /** The scopes requested when {@code AEP_SCOPES} is not set. */
  public static final String DEFAULT_SCOPES =
      "openid,AdobeID,read_organizations,additional_info.projectedProductContext,session";

  /** The IMS used when {@code AEP_IMS_URL} is not set. */
  public static final URI DEFAULT_IMS_URL = URI.create("https://ims-na1.adobelogin.com");

  public Credentials {
    requireText(orgId, "orgId");
    requireText(apiKey, "apiKey");
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(clientSecret, "clientSecret");
    requireText(scopes, "scopes");
    Objects.requireNonNull(imsUrl, "imsUrl");
    if (accessToken.isPresent() == clientSecret.isPresent()) {
      throw new IllegalArgumentException("exactly one of accessToken and clientSecret is needed");
    }
    accessToken.ifPresent(t -> requireText(t, "accessToken"));
    clientSecret.ifPresent(s -> requireText(s, "clientSecret"));
    Endpoints.requireSecure(imsUrl, "AEP_IMS_URL");
  }

  /** Credentials for a token obtained elsewhere; it is never renewed. */
  public static Credentials ofToken(String accessToken, String apiKey, String orgId) {
    return new Credentials(
        orgId, apiKey, Optional.of(accessToken), Optional.empty(), DEFAULT_SCOPES, DEFAULT_IMS_URL);
  }

  /** OAuth server-to-server credentials, exchanged for a token at {@code imsUrl}. */
  public static Credentials ofClient(
      String clientId, String clientSecret, String orgId, String scopes, URI imsUrl) {
    return new Credentials(
        orgId, clientId, Optional.empty(), Optional.of(clientSecret), scopes, imsUrl);
  }

  /**
   * Reads credentials from an environment map (pass {@code System.getenv()} at the edge). A set
   * {@code AEP_ACCESS_TOKEN} selects the ready-token form; otherwise the OAuth client form.
   *
   * @throws AepformException ({@link ErrorCode#USAGE}) naming exactly the variables to set
   */
  public static Credentials fromEnvironment(Map<String, String> env) {
    URI ims =
        value(env, "AEP_IMS_URL")
            .map(u -> Endpoints.parse(u, "AEP_IMS_URL"))
            .orElse(DEFAULT_IMS_URL);
    String scopes = value(env, "AEP_SCOPES").orElse(DEFAULT_SCOPES);
    boolean clientForm =
        value(env, "AEP_CLIENT_ID").isPresent() || value(env, "AEP_CLIENT_SECRET").isPresent();
    boolean tokenForm =
        value(env, "AEP_ACCESS_TOKEN").isPresent()
            || (value(env, "AEP_API_KEY").isPresent() && !clientForm);
    if (tokenForm) {
      requireSet(env, "a ready token", "AEP_ACCESS_TOKEN", "AEP_API_KEY", "AEP_ORG_ID");
      return new Credentials(
          env.get("AEP_ORG_ID").strip(),
          env.get("AEP_API_KEY").strip(),
          Optional.of(env.get("AEP_ACCESS_TOKEN").strip()),
          Optional.empty(),
          scopes,
          ims);
    }
    if (!clientForm) {
      throw new UsageException(
          UsageException.Code.MISSING_CREDENTIALS,
          "No AEP credentials in the environment: set AEP_CLIENT_ID, AEP_CLIENT_SECRET and"
              + " AEP_ORG_ID (OAuth server-to-server), or AEP_ACCESS_TOKEN, AEP_API_KEY and"
              + " AEP_ORG_ID (a ready token).");
    }
    requireSet(env, "OAuth server-to-server", "AEP_CLIENT_ID", "AEP_CLIENT_SECRET", "AEP_ORG_ID");
    return ofClient(
        env.get("AEP_CLIENT_ID").strip(),
        env.get("AEP_CLIENT_SECRET").strip(),
        env.get("AEP_ORG_ID").strip(),
        scopes,
        ims);
  }

  /** True when tokens come from IMS and can be renewed. */
  public boolean usesClientCredentials() {
    return clientSecret.isPresent();
  }

  /** The values that must never appear in output: the token or the client secret. */
  public List<String> secrets() {
    List<String> out = new ArrayList<>();
    accessToken.ifPresent(out::add);
    clientSecret.ifPresent(out::add);
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "Credentials[orgId="
        + orgId
        + ", apiKey="
        + apiKey
        + (usesClientCredentials() ? ", clientSecret=(sensitive)" : ", accessToken=(sensitive)")
        + ", scopes="
        + scopes
        + ", imsUrl="
        + imsUrl
        + "]";
  }

  private static void requireSet(Map<String, String> env, String form, String... names) {
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (value(env, name).isEmpty()) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new UsageException(
          UsageException.Code.MISSING_CREDENTIALS,
          "Missing AEP credentials for "
              + form
              + ": set "
              + String.join(", ", missing)
              + " in the environment.");
    }
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
