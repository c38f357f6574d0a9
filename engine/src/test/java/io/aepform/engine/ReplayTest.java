package io.aepform.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aepform.engine.provider.OpenApiValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: every fixture directory under {@code src/test/resources/replay/} is a test. WireMock
 * serves its fixtures (Adobe's documented answers written by hand, or a recording made with {@code
 * --record-traffic} and contributed), the engine runs the commands of its {@code replay.json}, and
 * each must give what the file expects; every request must find a fixture and validate against
 * Adobe's OpenAPI specs, as in {@link ParquetIngestionApplyTest}; every fixture must be asked for,
 * and say which page it follows ({@code documentation.page}) or when it was {@code recorded}.
 */
class ReplayTest {
  static final Path ROOT = Path.of("src/test/resources/replay");

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> everyFixtureDirectoryReplays() throws IOException {
    List<Path> dirs;
    try (Stream<Path> all = Files.list(ROOT)) {
      dirs = all.filter(d -> Files.exists(d.resolve(ReplayScenario.FILE))).sorted().toList();
    }
    assertThat(dirs).as("fixture directories under " + ROOT).isNotEmpty();
    return dirs.stream()
        .map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> replay(d, temp)));
  }

  /**
   * Replays the fixtures of {@code dir} as its replay.json says; fails with what went otherwise.
   */
  static void replay(Path dir, Path temp) throws IOException {
    FixtureReplay fixtures = FixtureReplay.of(dir);
    assertThat(fixtures.unsourced())
        .as("fixtures of %s citing no documentation page and not recorded", dir)
        .isEmpty();
    ReplayScenario scenario = ReplayScenario.read(dir, fixtures.fixtures());
    WireMockServer server = new WireMockServer(options().dynamicPort().extensions(fixtures));
    server.start();
    try {
      server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
      Path work = Files.createDirectories(temp.resolve(dir.getFileName().toString()));
      RecordedRequests.copyConfiguration(scenario.configuration(), work);
      List<String> problems =
          scenario.run(scenario.engine("http://localhost:" + server.port()), work);

      assertThat(fixtures.unmatched()).as("requests no fixture of %s answers", dir).isEmpty();
      assertThat(fixtures.unserved()).as("fixtures of %s no request asked for", dir).isEmpty();
      assertThat(problems).as("what %s replayed otherwise", dir).isEmpty();
      if (OpenApiValidation.unavailable().isEmpty()) {
        assertThat(RecordedRequests.specProblems(RecordedRequests.journal(server))).isEmpty();
      }
    } finally {
      server.stop();
    }
  }
}
