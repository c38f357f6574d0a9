package io.aepform.engine.export;

import static io.aepform.engine.export.ExportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aepform.engine.ConfigRequest;
import io.aepform.engine.Engine;
import io.aepform.engine.ValidationResult;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.manifest.EnvironmentConfig;
import io.aepform.engine.manifest.EnvironmentLoader;
import io.aepform.engine.manifest.VariableValues;
import io.aepform.engine.provider.Kinds;
import io.aepform.error.AepformException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestFilesTest {
  @TempDir Path dir;

  private static Exporter.Export export() {
    Map<String, List<Remote>> remotes =
        Map.of(
            "schema", List.of(schema()),
            "connection", List.of(s3Connection("base-s3", "S3 Base Connection"), dataLake()),
            "sourceConnection", List.of(source()),
            "dataset", List.of(dataset()),
            "targetConnection", List.of(target()),
            "flow", List.of(flow("disabled", "src-1")));
    return new Exporter(Kinds.all(Clock.systemUTC())).transform(remotes);
  }

  @Test
  void writesOneFilePerKindThatValidatesOnceThePlaceholdersAreSet() throws Exception {
    List<Path> files = ManifestFiles.write(dir, export(), "dev");
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "schemas.yaml",
            "connections.yaml",
            "source_connections.yaml",
            "datasets.yaml",
            "target_connections.yaml",
            "flows.yaml");
    String connections = Files.readString(dir.resolve("connections.yaml"));
    assertThat(connections)
        .contains("\n---\n")
        .contains("name: dataset_base_connection")
        .contains("s3SecretKey: ${env.S3_BASE_CONNECTION_S3SECRETKEY}")
        .contains("id: amazon-s3")
        .doesNotContain("****");
    assertThat(Files.readString(dir.resolve("flows.yaml")))
        .contains("interval: '1000'")
        .contains("startTime: 1700000000")
        .contains("state: disabled");

    ValidationResult valid =
        new Engine(Map.of("S3_BASE_CONNECTION_S3SECRETKEY", "s"))
            .validate(new ConfigRequest(dir, "default", VariableValues.Inputs.none()));
    assertThat(valid.problems()).isEmpty();
    assertThat(valid.resources()).isEqualTo(7);
  }

  @Test
  void filesAreNamedAfterTheKindInThePlural() {
    assertThat(ManifestFiles.fileName("sourceConnection")).isEqualTo("source_connections.yaml");
    assertThat(ManifestFiles.fileName("mergePolicy")).isEqualTo("merge_policies.yaml");
    assertThat(ManifestFiles.fileName("identityNamespace")).isEqualTo("identity_namespaces.yaml");
    assertThat(ManifestFiles.fileName("dataType")).isEqualTo("data_types.yaml");
  }

  @Test
  void neverOverwritesAManifest() throws Exception {
    Files.writeString(dir.resolve("flows.yaml"), "# mine\n");
    assertThatThrownBy(() -> ManifestFiles.write(dir, export(), "dev"))
        .isInstanceOf(AepformException.class)
        .hasMessageContaining("flows.yaml already exists");
    assertThat(Files.readString(dir.resolve("flows.yaml"))).isEqualTo("# mine\n");
    assertThat(dir.resolve("schemas.yaml")).doesNotExist();
  }

  @Test
  void copiesTheEnvironmentWithoutItsVariables() throws Exception {
    Path source = dir.resolve("source");
    Files.createDirectories(source.resolve("environments"));
    Files.writeString(
        source.resolve("environments/dev.yaml"),
        "sandbox: dev\nplatform: https://platform.adobe.io\nvariables:\n  k: ${env.K}\n");
    Path out = dir.resolve("out");
    EnvironmentConfig env = EnvironmentLoader.load(source, "dev");
    assertThat(ManifestFiles.writeEnvironment(out, env)).isPresent();
    EnvironmentConfig copied = EnvironmentLoader.load(out, "dev");
    assertThat(copied.sandbox()).isEqualTo("dev");
    assertThat(copied.platform()).isEqualTo("https://platform.adobe.io");
    assertThat(copied.variables()).isEmpty();
    assertThat(ManifestFiles.writeEnvironment(out, env)).isEmpty();
    assertThat(ManifestFiles.writeEnvironment(out, EnvironmentConfig.implicit("default")))
        .isEmpty();
  }
}
