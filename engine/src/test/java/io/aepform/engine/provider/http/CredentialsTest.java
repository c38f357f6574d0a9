package io.aepform.engine.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aepform.error.AepformException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  private static void assertUsage(Map<String, String> env, String message) {
    assertThatThrownBy(() -> Credentials.fromEnvironment(env))
        .isInstanceOfSatisfying(
            AepformException.class,
            e -> assertThat(e.code()).isEqualTo("usage.missing_credentials"))
        .isNotInstanceOf(ApiException.class)
        .hasMessage(message);
  }

  @Test
  void clientCredentialsWithDefaults() {
    Credentials c =
        Credentials.fromEnvironment(
            Map.of(
                "AEP_CLIENT_ID",
                "cid",
                "AEP_CLIENT_SECRET",
                "sec-123",
                "AEP_ORG_ID",
                "O@AdobeOrg"));

    assertThat(c.usesClientCredentials()).isTrue();
    assertThat(c.apiKey()).isEqualTo("cid");
    assertThat(c.clientSecret()).contains("sec-123");
    assertThat(c.accessToken()).isEmpty();
    assertThat(c.scopes()).isEqualTo(Credentials.DEFAULT_SCOPES);
    assertThat(c.imsUrl()).isEqualTo(URI.create("https://ims-na1.adobelogin.com"));
    assertThat(c.secrets()).containsExactly("sec-123");
  }

  @Test
  void clientCredentialsWithOverrides() {
    Credentials c =
        Credentials.fromEnvironment(
            Map.of(
                "AEP_CLIENT_ID", "cid",
                "AEP_CLIENT_SECRET", "sec-123",
                "AEP_ORG_ID", "O@AdobeOrg",
                "AEP_SCOPES", "openid,AdobeID",
                "AEP_IMS_URL", "https://ims-eu.example.com"));

    assertThat(c.scopes()).isEqualTo("openid,AdobeID");
    assertThat(c.imsUrl()).isEqualTo(URI.create("https://ims-eu.example.com"));
  }

  @Test
  void readyToken() {
    Credentials c =
        Credentials.fromEnvironment(
            Map.of("AEP_ACCESS_TOKEN", "tok-1", "AEP_API_KEY", "key", "AEP_ORG_ID", "O@AdobeOrg"));

    assertThat(c.usesClientCredentials()).isFalse();
    assertThat(c.accessToken()).contains("tok-1");
    assertThat(c.apiKey()).isEqualTo("key");
  }

  @Test
  void nothingSetNamesBothWays() {
    assertUsage(
        Map.of("HOME", "/root"),
        "No AEP credentials in the environment: set AEP_CLIENT_ID, AEP_CLIENT_SECRET and"
            + " AEP_ORG_ID (OAuth server-to-server), or AEP_ACCESS_TOKEN, AEP_API_KEY and"
            + " AEP_ORG_ID (a ready token).");
  }

  @Test
  void partialSetsNameExactlyWhatIsMissing() {
    assertUsage(
        Map.of("AEP_CLIENT_ID", "cid", "AEP_CLIENT_SECRET", " "),
        "Missing AEP credentials for OAuth server-to-server: set AEP_CLIENT_SECRET, AEP_ORG_ID in"
            + " the environment.");
    assertUsage(
        Map.of("AEP_ACCESS_TOKEN", "tok", "AEP_ORG_ID", "O"),
        "Missing AEP credentials for a ready token: set AEP_API_KEY in the environment.");
    assertUsage(
        Map.of("AEP_API_KEY", "key"),
        "Missing AEP credentials for a ready token: set AEP_ACCESS_TOKEN, AEP_ORG_ID in the"
            + " environment.");
  }

  @Test
  void plainHttpImsIsRefusedUnlessLoopback() {
    Map<String, String> env =
        Map.of(
            "AEP_CLIENT_ID", "cid",
            "AEP_CLIENT_SECRET", "sec",
            "AEP_ORG_ID", "O",
            "AEP_IMS_URL", "http://ims.example.com");
    assertThatThrownBy(() -> Credentials.fromEnvironment(env))
        .isInstanceOfSatisfying(
            AepformException.class,
            e -> assertThat(e.code()).isEqualTo("usage.invalid_environment"))
        .hasMessageContaining("Refusing plain http:// for AEP_IMS_URL");
  }

  @Test
  void toStringNeverShowsSecrets() {
    Credentials client =
        Credentials.ofClient(
            "cid", "sec-XYZ-9", "O@AdobeOrg", "openid", Credentials.DEFAULT_IMS_URL);
    Credentials token = Credentials.ofToken("tok-ABC-7", "key", "O@AdobeOrg");

    assertThat(client.toString()).doesNotContain("sec-XYZ-9").contains("clientSecret=(sensitive)");
    assertThat(token.toString()).doesNotContain("tok-ABC-7").contains("accessToken=(sensitive)");
  }

  @Test
  void exactlyOneWayToAuthenticate() {
    assertThatThrownBy(
            () ->
                new Credentials(
                    "O",
                    "k",
                    Optional.of("t"),
                    Optional.of("s"),
                    "openid",
                    Credentials.DEFAULT_IMS_URL))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
