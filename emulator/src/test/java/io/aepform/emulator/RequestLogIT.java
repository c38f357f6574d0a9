package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.FS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request log: every call, in order, and never a credential. */
class RequestLogIT {
  private Emulator emulator;
  private TestClient client;

  @BeforeEach
  void start() {
    emulator = Emulator.start(EmulatorOptions.localDefaults());
    client = TestClient.local(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void recordsEveryCallInOrderWithItsStatus() {
    String id = Fixtures.id(client.post(FS + "/connections", Fixtures.lakeConnection("L")));
    client.get(FS + "/connections?property=name==L");
    client.without("Authorization").get(FS + "/flows");
    client.delete(FS + "/connections/" + id + "/");

    List<RequestLogEntry> log = emulator.requestLog();
    assertThat(log)
        .extracting(RequestLogEntry::summary)
        .containsExactly(
            "POST " + FS + "/connections -> 201",
            "GET " + FS + "/connections?property=name==L -> 200",
            "GET " + FS + "/flows -> 403",
            "DELETE " + FS + "/connections/" + id + "/ -> 204");
    RequestLogEntry first = log.get(0);
    assertThat(first.sequence()).isEqualTo(1);
    assertThat(first.orgId()).isEqualTo("AEPFORMLOCAL@AdobeOrg");
    assertThat(first.sandbox()).isEqualTo("prod");
    assertThat(first.body()).contains("\"name\":\"L\"");
    assertThat(first.fault()).isEqualTo(FaultKind.NONE);
    assertThat(log.get(1).query()).isEqualTo("property=name==L");

    emulator.clearRequestLog();
    assertThat(emulator.requestLog()).isEmpty();
  }

  @Test
  void neverHoldsTokensAuthParamsOrClientSecrets() {
    String token = emulator.issueToken("aepform-local");
    String id = Fixtures.id(client.post(FS + "/connections", Fixtures.s3Connection("S3")));
    String etag = client.get(FS + "/connections/" + id).json().at("/items/0/etag").asText();
    client
        .with("If-Match", etag)
        .patch(
            FS + "/connections/" + id,
            "[{\"op\":\"replace\",\"path\":\"/auth/params/s3SecretKey\",\"value\":\"patched-secret\"}]");
    client
        .with("Content-Type", "application/x-www-form-urlencoded")
        .post(
            "/ims/token/v3",
            "grant_type=client_credentials&client_id=aepform-local&client_secret=aepform-local-secret&scope=openid");

    String all = emulator.requestLog().toString();
    assertThat(all)
        .doesNotContain(
            "super-secret-value", "AKIAEXAMPLE", "patched-secret", "aepform-local-secret")
        .doesNotContain(token.substring(0, 20))
        .contains("client_secret=****", "\"s3SecretKey\":\"****\"");
  }
}
