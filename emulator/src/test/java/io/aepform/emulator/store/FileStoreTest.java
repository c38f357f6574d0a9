package io.aepform.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {
  @TempDir Path dir;

  private ObjectStore open() {
    return new ObjectStore(Optional.of(new FileStore(dir)));
  }

  @Test
  void writesOneFilePerObjectAndReloadsInCreationOrder() {
    Scope scope = new Scope("ORG@AdobeOrg", "dev");
    ObjectStore store = open();
    store.put(scope, ResourceKind.FLOW, "b", Json.object().put("name", "B"));
    store.put(scope, ResourceKind.FLOW, "a", Json.object().put("name", "A"));
    store.remove(scope, ResourceKind.FLOW, "b");
    store.put(scope, ResourceKind.FLOW, "c", Json.object().put("name", "C"));
    store.put(scope, ResourceKind.FLOW, "a", Json.object().put("name", "A2"));

    Path flows = dir.resolve("ORG%40AdobeOrg").resolve("dev").resolve("flows");
    assertThat(flows.resolve("a.json")).exists();
    assertThat(flows.resolve("b.json")).doesNotExist();
    assertThat(flows.resolve("a.json.tmp")).doesNotExist();

    ObjectStore reloaded = open();
    assertThat(reloaded.list(scope, ResourceKind.FLOW))
        .extracting(Map.Entry::getKey)
        .containsExactly("a", "c");
    assertThat(reloaded.get(scope, ResourceKind.FLOW, "a").orElseThrow().get("name").asText())
        .isEqualTo("A2");
    assertThat(reloaded.count(new Scope("ORG@AdobeOrg", "prod"), ResourceKind.FLOW)).isZero();

    reloaded.put(scope, ResourceKind.FLOW, "d", Json.object());
    assertThat(open().list(scope, ResourceKind.FLOW))
        .extracting(Map.Entry::getKey)
        .containsExactly("a", "c", "d");
  }

  @Test
  void aLeftoverTempFileIsIgnored() throws Exception {
    Scope scope = new Scope("O@AdobeOrg", "prod");
    open().put(scope, ResourceKind.DATASET, "d", Json.object().put("name", "D"));
    Path datasets = dir.resolve("O%40AdobeOrg").resolve("prod").resolve("dataSets");
    Files.writeString(datasets.resolve("e.json.tmp"), "{\"half");
    ObjectStore reloaded = open();
    assertThat(reloaded.list(scope, ResourceKind.DATASET))
        .extracting(Map.Entry::getKey)
        .containsExactly("d");
  }

  @Test
  void namesCannotLeaveTheDataDirectory() {
    open().put(new Scope("..", "prod"), ResourceKind.FLOW, "../x", Json.object());
    assertThat(dir.resolve("%2E%2E").resolve("prod").resolve("flows").resolve("%2E%2E%2Fx.json"))
        .exists();
  }
}
