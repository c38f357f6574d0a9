package io.aepform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** IMS client-credentials tokens over HTTP. */
class ImsIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    emulator = Emulator.start(EmulatorOptions.localDefaults());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static TestClient.Res token(String form) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/ims/token/v3"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    return new TestClient.Res(r.statusCode(), r.body(), r.headers());
  }

  private static final String GOOD =
      "grant_type=client_credentials&client_id=aepform-local&client_secret=aepform-local-secret"
          + "&scope=openid,AdobeID,read_organizations";

  @Test
  void issuesABearerTokenThatTheGatewayAccepts() throws Exception {
    TestClient.Res r = token(GOOD);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("token_type").asText()).isEqualTo("bearer");
    assertThat(r.json().get("expires_in").asLong()).isEqualTo(86399);
    String token = r.json().get("access_token").asText();
    TestClient.Res data =
        TestClient.local(emulator)
            .with("Authorization", "Bearer " + token)
            .get("/data/foundation/flowservice/flows");
    assertThat(data.status()).isEqualTo(200);
  }

  @Test
  void wrongSecretIs401InvalidClient() throws Exception {
    TestClient.Res r = token(GOOD.replace("aepform-local-secret", "nope"));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void unknownClientIs400() throws Exception {
    assertThat(token(GOOD.replace("client_id=aepform-local", "client_id=x")).status())
        .isEqualTo(400);
  }

  @Test
  void onlyClientCredentialsGrant() throws Exception {
    TestClient.Res r = token(GOOD.replace("client_credentials", "password"));
    assertThat(r.json().get("error").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void scopeIsRequired() throws Exception {
    TestClient.Res r = token(GOOD.replaceAll("&scope=.*", ""));
    assertThat(r.json().get("error").asText()).isEqualTo("invalid_scope");
  }

  @Test
  void unknownClientCannotGetATokenFromJava() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> emulator.issueToken("nobody"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
