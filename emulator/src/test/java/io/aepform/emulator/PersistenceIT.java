package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.CAT;
import static io.aepform.emulator.Fixtures.FS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data directory, objects survive restarts; without one, they do not. */
class PersistenceIT {
  private static final String ORG = "AEPFORMLOCAL@AdobeOrg";

  @TempDir Path dir;

  @Test
  void objectsSurviveARestart() throws IOException {
    EmulatorOptions options = EmulatorOptions.builder().dataDir(dir).build();
    Fixtures.Chain chain;
    String flowEtag;
    String token;
    try (Emulator e = Emulator.start(options)) {
      TestClient c = TestClient.local(e);
      chain = Fixtures.chain(c, "p");
      flowEtag = c.get(FS + "/flows/" + chain.flowId()).json().at("/items/0/etag").asText();
      token = e.issueToken("aepform-local");
      assertThat(c.delete(CAT + "/" + chain.dataSetId()).status()).isEqualTo(200);
    }
    try (Emulator e = Emulator.start(options)) {
      TestClient c = TestClient.local(e).with("Authorization", "Bearer " + token);
      assertThat(c.get(FS + "/flows/" + chain.flowId()).json().at("/items/0/etag").asText())
          .isEqualTo(flowEtag);
      assertThat(c.get(CAT + "/" + chain.dataSetId()).status()).isEqualTo(404);
      assertThat(e.count(ResourceKind.CONNECTION, ORG, "prod")).isEqualTo(2);
      assertThat(e.count(ResourceKind.SCHEMA, ORG, "prod")).isEqualTo(1);
      TestClient.Res p =
          c.with("If-Match", flowEtag)
              .patch(
                  FS + "/flows/" + chain.flowId(),
                  "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"Renamed\"}]");
      assertThat(p.status()).isEqualTo(200);
    }
    try (Emulator e = Emulator.start(options)) {
      assertThat(
              e.object(ResourceKind.FLOW, ORG, "prod", chain.flowId())
                  .orElseThrow()
                  .get("name")
                  .asText())
          .isEqualTo("Renamed");
    }
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.map(Path::toString))
          .noneMatch(f -> f.endsWith(".tmp"))
          .anyMatch(f -> f.contains("/prod/flows/") && f.endsWith(".json"));
    }
  }

  @Test
  void withoutADataDirectoryNothingSurvives() {
    try (Emulator e = Emulator.start(EmulatorOptions.localDefaults())) {
      Fixtures.id(TestClient.local(e).post(FS + "/connections", Fixtures.lakeConnection("Gone")));
      assertThat(e.count(ResourceKind.CONNECTION, ORG, "prod")).isEqualTo(1);
    }
    try (Emulator e = Emulator.start(EmulatorOptions.localDefaults())) {
      assertThat(e.count(ResourceKind.CONNECTION, ORG, "prod")).isZero();
    }
  }

  @Test
  void secretsAreNotWrittenToDisk() throws IOException {
    try (Emulator e = Emulator.start(EmulatorOptions.builder().dataDir(dir).build())) {
      Fixtures.id(TestClient.local(e).post(FS + "/connections", Fixtures.s3Connection("S3")));
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).doesNotContain("super-secret-value");
      }
    }
  }
}
