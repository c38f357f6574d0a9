package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.CAT;
import static io.aepform.emulator.Fixtures.FS;
import static io.aepform.emulator.Fixtures.SR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Options that make the local platform as inconsistent as a real one can be, for tests. */
class RealismIT {
  private static final String ORG = "AEPFORMLOCAL@AdobeOrg";
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
  void listsMissNewObjectsForTheLagButLookupsSeeThem() throws InterruptedException {
    emulator.setListLag(Duration.ofMillis(1500));
    String id = Fixtures.id(client.post(FS + "/connections", Fixtures.lakeConnection("Fresh")));
    assertThat(client.get(FS + "/connections?property=name==Fresh").json().get("items")).isEmpty();
    assertThat(client.get(FS + "/connections/" + id).status()).isEqualTo(200);
    String schemaId =
        Fixtures.created(client.post(SR, Fixtures.schema("Lagging")), 201).get("$id").asText();
    String ref =
        Fixtures.created(client.post(CAT, Fixtures.dataset("Lagging", schemaId)), 201)
            .get(0)
            .asText();
    assertThat(client.get(CAT + "?name=Lagging").json().size()).isZero();
    assertThat(client.with("Accept", "application/vnd.adobe.xed-id+json").get(SR).body())
        .doesNotContain("Lagging");
    assertThat(client.get(CAT + "/" + ref.substring("@/dataSets/".length())).status())
        .isEqualTo(200);

    Thread.sleep(1600);
    assertThat(client.get(FS + "/connections?property=name==Fresh").json().get("items")).hasSize(1);
    assertThat(client.get(CAT + "?name=Lagging").json().size()).isEqualTo(1);
  }

  @Test
  void aChangedObjectLeavesListsForTheLag() throws InterruptedException {
    String id = Fixtures.id(client.post(FS + "/connections", Fixtures.lakeConnection("Old")));
    emulator.setListLag(Duration.ofMillis(1500));
    String etag = client.get(FS + "/connections/" + id).json().at("/items/0/etag").asText();
    client
        .with("If-Match", etag)
        .patch(
            FS + "/connections/" + id,
            "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"New\"}]");
    assertThat(client.get(FS + "/connections").json().get("items")).isEmpty();
    Thread.sleep(1600);
    assertThat(client.get(FS + "/connections?property=name==New").json().get("items")).hasSize(1);
  }

  @Test
  void createThenTimeoutKeepsTheObjectAndAnswers504AfterTheDelay() {
    emulator.setCreateThenTimeoutRate(1);
    emulator.setTimeoutDelay(Duration.ofMillis(300));
    long t0 = System.nanoTime();
    TestClient.Res r = client.post(FS + "/connections", Fixtures.lakeConnection("Late"));
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(r.status()).isEqualTo(504);
    assertThat(r.json().get("error_code").asText()).isEqualTo("504000");
    assertThat(emulator.count(ResourceKind.CONNECTION, ORG, "prod")).isEqualTo(1);
    List<RequestLogEntry> log = emulator.requestLog();
    assertThat(log.get(log.size() - 1).fault()).isEqualTo(FaultKind.CREATE_THEN_TIMEOUT);
    // only creates time out
    assertThat(client.get(FS + "/connections").status()).isEqualTo(200);
  }

  @Test
  void startOptionsCarryTheRealismSettings() {
    EmulatorOptions o =
        EmulatorOptions.parse(
            new String[] {
              "--list-lag-ms", "250",
              "--create-then-timeout-rate", "0.5",
              "--timeout-ms", "1500",
              "--catalog-page-cap", "7"
            });
    assertThat(o.listLag()).isEqualTo(Duration.ofMillis(250));
    assertThat(o.createThenTimeoutRate()).isEqualTo(0.5);
    assertThat(o.timeoutDelay()).isEqualTo(Duration.ofMillis(1500));
    assertThat(o.catalogPageCap()).isEqualTo(7);
    assertThat(EmulatorOptions.localDefaults().timeoutDelay()).isEqualTo(Duration.ofSeconds(60));
    assertThat(EmulatorFlags.HELP).contains("--list-lag-ms", "--create-then-timeout-rate");
  }
}
