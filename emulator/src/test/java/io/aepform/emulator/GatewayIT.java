package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.CAT;
import static io.aepform.emulator.Fixtures.FS;
import static io.aepform.emulator.Fixtures.SR;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway's header rules, in the gateway's error format, on every data endpoint. */
class GatewayIT {
  private static final ClientCredentials OTHER =
      new ClientCredentials("other-client", "other-secret", "OTHERORG@AdobeOrg");
  private static Emulator emulator;
  private static TestClient client;

  @BeforeAll
  static void start() {
    emulator =
        Emulator.start(
            EmulatorOptions.builder().client(EmulatorOptions.LOCAL_CLIENT).client(OTHER).build());
    client = TestClient.local(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static void assertGateway(TestClient.Res r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("error_code").asText()).isEqualTo(code);
    assertThat(r.json().has("message")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {FS + "/flows", SR, CAT})
  void missingTokenIs403010(String path) {
    assertGateway(client.without("Authorization").get(path), 403, "403010");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer not-a-token", "Basic abc", "Bearer "})
  void invalidTokenIs401013(String auth) {
    TestClient.Res r = client.with("Authorization", auth).get(FS + "/connections");
    assertGateway(r, 401, "401013");
    assertThat(r.json().get("message").asText()).isEqualTo("Oauth token is not valid");
  }

  @Test
  void tamperedTokenIsRejected() {
    String token = emulator.issueToken("aepform-local");
    String tampered = token.substring(0, token.length() - 2) + "xx";
    assertGateway(client.with("Authorization", "Bearer " + tampered).get(SR), 401, "401013");
  }

  @Test
  void missingApiKeyIs403000() {
    assertGateway(client.without("x-api-key").get(CAT), 403, "403000");
  }

  @Test
  void apiKeyOfAnotherClientIs403003() {
    assertGateway(client.with("x-api-key", "other-client").get(CAT), 403, "403003");
  }

  @Test
  void missingOrgHeaderIs400003() {
    assertGateway(client.without("x-gw-ims-org-id").get(CAT), 400, "400003");
  }

  @Test
  void orgOtherThanTheTokensIs403() {
    assertGateway(client.with("x-gw-ims-org-id", OTHER.orgId()).get(CAT), 403, "403025");
  }

  @Test
  void missingSandboxHeaderIs400() {
    assertGateway(client.without("x-sandbox-name").get(FS + "/flows"), 400, "400101");
  }

  @Test
  void malformedSandboxNameIs400() {
    assertGateway(client.with("x-sandbox-name", "Prod").get(FS + "/flows"), 400, "400102");
  }

  @Test
  void unknownPathIs404() {
    assertThat(client.get("/data/foundation/nothing").status()).isEqualTo(404);
    assertThat(client.get("/elsewhere").status()).isEqualTo(404);
  }

  @Test
  void bodiesNeedJsonContentTypeInEveryService() {
    TestClient text = client.with("Content-Type", "text/plain");
    TestClient.Res fs = text.post(FS + "/connections", Fixtures.lakeConnection("x"));
    assertThat(fs.status()).isEqualTo(415);
    assertThat(fs.json().get("type").asText()).contains("FLOW-");
    TestClient.Res sr = text.post(SR, Fixtures.schema("x"));
    assertThat(sr.status()).isEqualTo(415);
    assertThat(sr.json().get("type").asText()).contains("XDM-");
    TestClient.Res cat = text.post(CAT, "{}");
    assertThat(cat.status()).isEqualTo(415);
    assertThat(cat.json().get("type").asText()).contains("CAT-");
    assertThat(emulator.count(ResourceKind.CONNECTION, "AEPFORMLOCAL@AdobeOrg", "prod")).isZero();
  }

  @Test
  void dataIsKeptApartPerOrgAndSandbox() {
    TestClient dev = client.with("x-sandbox-name", "dev");
    TestClient other = TestClient.of(emulator, OTHER.clientId(), OTHER.orgId(), "prod");
    String id = Fixtures.id(client.post(FS + "/connections", Fixtures.lakeConnection("Apart")));

    assertThat(client.get(FS + "/connections/" + id).status()).isEqualTo(200);
    assertThat(dev.get(FS + "/connections/" + id).status()).isEqualTo(404);
    assertThat(other.get(FS + "/connections/" + id).status()).isEqualTo(404);
    assertThat(other.get(FS + "/connections?property=name==Apart").json().get("items")).isEmpty();
    assertThat(other.delete(FS + "/connections/" + id).status()).isEqualTo(404);

    Fixtures.created(client.post(SR, Fixtures.schema("Same title")), 201);
    Fixtures.created(dev.post(SR, Fixtures.schema("Same title")), 201);
    String otherId =
        Fixtures.created(other.post(SR, Fixtures.schema("Same title")), 201).get("$id").asText();
    assertThat(otherId).startsWith("https://ns.adobe.com/otherorg/schemas/");
  }
}
