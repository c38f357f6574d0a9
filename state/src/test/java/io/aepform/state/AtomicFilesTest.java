package io.aepform.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  private static final int SIZE = 256 * 1024;
  private static final int WRITES = 100;

  @TempDir Path dir;

  @Test
  void aConcurrentReaderSeesOnlyWholeVersions() throws Exception {
    Path target = dir.resolve("dev.state.json");
    AtomicFiles.write(target, version(0));
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();
    CompletableFuture<Integer> reader =
        CompletableFuture.supplyAsync(() -> readAll(target, done, torn));

    for (int i = 1; i <= WRITES; i++) {
      AtomicFiles.write(target, version(i));
    }
    done.set(true);

    assertThat(reader.get()).as("reads").isPositive();
    assertThat(torn).isEmpty();
    assertThat(Files.readAllBytes(target)).isEqualTo(version(WRITES));
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target); // no temp file left behind
    }
  }

  @Test
  void chunksAreWrittenOneAfterTheOther() throws IOException {
    Path target = dir.resolve("dev.state.json");
    byte[] big = version(1); // larger than the write buffer
    AtomicFiles.write(
        target,
        List.of(
            "{".getBytes(StandardCharsets.UTF_8),
            big,
            new byte[0],
            "}".getBytes(StandardCharsets.UTF_8)));
    byte[] expected = new byte[big.length + 2];
    expected[0] = '{';
    System.arraycopy(big, 0, expected, 1, big.length);
    expected[expected.length - 1] = '}';
    assertThat(Files.readAllBytes(target)).isEqualTo(expected);
  }

  /** A file of one repeated letter: any mix of two versions, or a short file, is visible. */
  private static byte[] version(int i) {
    byte[] bytes = new byte[SIZE];
    Arrays.fill(bytes, (byte) ('a' + i % 26));
    return bytes;
  }

  private static int readAll(Path target, AtomicBoolean done, ConcurrentLinkedQueue<String> torn) {
    int reads = 0;
    while (!done.get()) {
      try {
        byte[] bytes = Files.readAllBytes(target);
        reads++;
        if (bytes.length != SIZE || bytes[0] != bytes[bytes.length - 1]) {
          torn.add(
              bytes.length
                  + " bytes: "
                  + new String(bytes, 0, Math.min(8, bytes.length), StandardCharsets.US_ASCII));
        }
      } catch (NoSuchFileException e) {
        torn.add("missing");
      } catch (IOException e) {
        torn.add(e.toString());
      }
    }
    return reads;
  }
}
