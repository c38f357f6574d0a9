package io.aepform.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {
  @TempDir Path dir;

  @Test
  void writesAtomicallyAndReloadsInOrder() throws Exception {
    Scope scope = new Scope("ORG@AdobeOrg", "dev");
    ObjectStore store = new ObjectStore(Optional.of(new FileStore(dir)));
    store.put(scope, ResourceKind.FLOW, "b", Json.object().put("name", "B"));
    store.put(scope, ResourceKind.FLOW, "a", Json.object().put("name", "A"));
    store.remove(scope, ResourceKind.FLOW, "b");
    store.put(scope, ResourceKind.FLOW, "c", Json.object().put("name", "C"));

    Path file = dir.resolve("ORG%40AdobeOrg").resolve("dev").resolve("flows.json");
    assertThat(file).exists();
    assertThat(file.resolveSibling("flows.json.tmp")).doesNotExist();

    ObjectStore reloaded = new ObjectStore(Optional.of(new FileStore(dir)));
    assertThat(reloaded.list(scope, ResourceKind.FLOW))
        .extracting(e -> e.getKey())
        .containsExactly("a", "c");
    assertThat(reloaded.count(new Scope("ORG@AdobeOrg", "prod"), ResourceKind.FLOW)).isZero();
  }

  @Test
  void aLeftoverTempFileDoesNotReplaceTheData() throws Exception {
    Scope scope = new Scope("O@AdobeOrg", "prod");
    ObjectStore store = new ObjectStore(Optional.of(new FileStore(dir)));
    store.put(scope, ResourceKind.DATASET, "d", Json.object().put("name", "D"));
    Path sb = dir.resolve("O%40AdobeOrg").resolve("prod");
    Files.writeString(sb.resolve("dataSets.json.tmp"), "{\"half");
    ObjectStore reloaded = new ObjectStore(Optional.of(new FileStore(dir)));
    assertThat(reloaded.get(scope, ResourceKind.DATASET, "d")).isPresent();
  }
}
