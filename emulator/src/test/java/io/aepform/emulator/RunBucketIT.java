package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.FS;
import static io.aepform.emulator.RunFixtures.T0;
import static io.aepform.emulator.RunFixtures.runs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a local folder as the bucket, runs count the files they pick up under the source path. */
class RunBucketIT {
  private static final long NOW_S = T0.getEpochSecond();
  @TempDir Path dir;
  private Path bucket;
  private Emulator emulator;
  private TestClient client;
  private Fixtures.Chain chain;

  @BeforeEach
  void start() {
    bucket = dir.resolve("bucket");
    emulator = Emulator.start(RunFixtures.fixedClock().bucketDir(bucket).build());
    client = TestClient.local(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private void file(String path, String content, Instant modified) throws IOException {
    Path f = bucket.resolve(path).normalize();
    Files.createDirectories(f.getParent());
    Files.writeString(f, content);
    Files.setLastModifiedTime(f, FileTime.from(modified));
  }

  private String csvFlow(String path, String schedule) {
    String source =
        """
        {"name":"CSV %s","baseConnectionId":"%s","connectionSpec":{"id":"%s","version":"1.0"},
         "data":{"format":"delimited"},"params":{"path":"%s","type":"folder"}}
        """
            .formatted(path, chain.baseId(), Fixtures.S3, path);
    String sourceId = Fixtures.id(client.post(FS + "/sourceConnections", source));
    String body =
        """
        {"name":"CSV flow %s","flowSpec":{"id":"%s","version":"1.0"},
         "sourceConnectionIds":["%s"],"targetConnectionIds":["%s"],"scheduleParams":%s}
        """
            .formatted(path, Fixtures.FLOW_SPEC, sourceId, chain.targetId(), schedule);
    return Fixtures.id(client.post(FS + "/flows", body));
  }

  private static long metric(JsonNode run, String pointer) {
    return run.at("/metrics/" + pointer).asLong();
  }

  @Test
  void aRunCountsTheFilesUnderTheSourcePathAndTheirSizes() throws IOException {
    Instant before = T0.minusSeconds(3600);
    file("partners-demo/samples/a.parquet", "0123456789", before);
    file("partners-demo/samples/nested/b.parquet", "01234567890123456789", before);
    file("elsewhere/c.parquet", "x", before);
    chain = Fixtures.chain(client, "bucket");
    emulator.advanceClock(Duration.ofSeconds(2));
    JsonNode run = RunFixtures.onlyRun(client, chain.flowId());
    assertThat(metric(run, "fileSummary/inputFileCount")).isEqualTo(2);
    assertThat(metric(run, "fileSummary/outputFileCount")).isEqualTo(2);
    assertThat(metric(run, "sizeSummary/inputBytes")).isEqualTo(30);
    assertThat(metric(run, "recordSummary/inputRecordCount")).isEqualTo(200);
  }

  @Test
  void laterRunsPickUpOnlyFilesChangedSinceThePreviousRun() throws IOException {
    file("drop/a.csv", "id,name\n1,a\n2,b\n", T0.minusSeconds(60));
    file("drop/b.csv", "id,name\n3,c\n4,d\n5,e\n6,f\n", T0.minusSeconds(60));
    file("drop/notes.txt", "not data\n", T0.minusSeconds(60));
    chain = Fixtures.chain(client, "csv");
    String flow = csvFlow("/drop/*.csv", RunFixtures.everyMinutes(NOW_S, 15));
    file("drop/c.csv", "id,name\n7,g\n", T0.plus(Duration.ofMinutes(10)));
    emulator.advanceClock(Duration.ofMinutes(30).plusSeconds(2));
    List<JsonNode> runs = runs(client, flow);
    assertThat(runs)
        .extracting(r -> metric(r, "fileSummary/inputFileCount"))
        .containsExactly(2L, 1L, 0L);
    assertThat(runs)
        .extracting(r -> metric(r, "recordSummary/inputRecordCount"))
        .containsExactly(6L, 1L, 0L);
  }

  @Test
  void withoutBackfillFilesFromBeforeTheStartTimeAreLeftOut() throws IOException {
    file("old/a.csv", "id\n1\n", T0.minusSeconds(7200));
    file("old/b.csv", "id\n2\n", T0.minusSeconds(60));
    chain = Fixtures.chain(client, "nobackfill");
    String schedule =
        """
        {"startTime":%d,"frequency":"hour","interval":"1","backfill":false}
        """
            .formatted(NOW_S - 3600);
    String flow = csvFlow("old", schedule);
    emulator.advanceClock(Duration.ofSeconds(2));
    assertThat(metric(RunFixtures.onlyRun(client, flow), "fileSummary/inputFileCount"))
        .isEqualTo(1);
  }

  @Test
  void aPathOutsideTheBucketPicksUpNothing() throws IOException {
    file("../outside/a.csv", "id\n1\n", T0.minusSeconds(60));
    chain = Fixtures.chain(client, "escape");
    String flow = csvFlow("../outside", RunFixtures.everyMinutes(NOW_S, 15));
    emulator.advanceClock(Duration.ofSeconds(2));
    assertThat(metric(RunFixtures.onlyRun(client, flow), "fileSummary/inputFileCount")).isZero();
  }
}
