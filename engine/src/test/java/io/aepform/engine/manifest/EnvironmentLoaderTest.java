package io.aepform.engine.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentLoaderTest {
  @TempDir Path dir;

  private Path env(String name, String content) throws IOException {
    Path file = dir.resolve("environments").resolve(name + ".yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  @Test
  void readsAnEnvironmentFile() throws IOException {
    Path file =
        env(
            "dev",
            """
            sandbox: dev
            platform: https://platform.adobe.io
            variables:
              bucket_path: partners-demo/samples
              interval: 15
            state:
              backend: local
            """);

    EnvironmentConfig config = EnvironmentLoader.load(dir, "dev");

    assertThat(config.name()).isEqualTo("dev");
    assertThat(config.sandbox()).isEqualTo("dev");
    assertThat(config.platform()).isEqualTo("https://platform.adobe.io");
    assertThat(config.isLocalPlatform()).isFalse();
    assertThat(config.variables())
        .containsEntry("bucket_path", Values.str("partners-demo/samples"))
        .containsEntry("interval", Value.Num.of(15));
    assertThat(config.stateBackend()).isEqualTo("local");
    assertThat(config.position()).isEqualTo(new Position(file.toString(), 1, 1));
  }

  @Test
  void theLocalPlatformIsRecognised() throws IOException {
    env("local", "sandbox: prod\nplatform: local\n");
    EnvironmentConfig config = EnvironmentLoader.load(dir, "local");
    assertThat(config.isLocalPlatform()).isTrue();
    assertThat(config.variables()).isEmpty();
    assertThat(config.stateBackend()).isEqualTo("local");
  }

  @Test
  void theDefaultEnvironmentNeedsNoFile() {
    EnvironmentConfig config = EnvironmentLoader.load(dir, "default");
    assertThat(config.name()).isEqualTo("default");
    assertThat(config.sandbox()).isEmpty();
    assertThat(config.platform()).isEmpty();
    assertThat(config.variables()).isEmpty();
    assertThat(config.stateBackend()).isEqualTo("local");
  }

  @Test
  void theDefaultEnvironmentFileIsReadWhenThere() throws IOException {
    env("default", "sandbox: sbx\n");
    assertThat(EnvironmentLoader.load(dir, "default").sandbox()).isEqualTo("sbx");
  }

  @Test
  void anotherEnvironmentMustHaveAFile() {
    assertThatThrownBy(() -> EnvironmentLoader.load(dir, "prod"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("environment 'prod' not found")
        .hasMessageContaining("prod.yaml")
        .hasMessageContaining("--env");
  }

  @Test
  void environmentNamesCannotEscapeTheDirectory() {
    for (String bad : new String[] {"../etc", "Dev", "a/b", "", "-x", "dev.yaml"}) {
      assertThatThrownBy(() -> EnvironmentLoader.load(dir, bad))
          .as(bad)
          .isInstanceOf(ManifestException.class)
          .hasMessageContaining("invalid environment name");
    }
  }

  @Test
  void unknownKeysAreRefusedAtTheKey() throws IOException {
    Path file = env("dev", "sandbox: dev\nsandbx: prod\n");
    assertThatThrownBy(() -> EnvironmentLoader.load(dir, "dev"))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            file
                + ":2:1: unknown key 'sandbx': expected one of [platform, sandbox, state,"
                + " variables]");
  }

  @Test
  void variablesMustBeAMapping() throws IOException {
    Path file = env("dev", "variables:\n  - a\n");
    assertThatThrownBy(() -> EnvironmentLoader.load(dir, "dev"))
        .hasMessage(file + ":2:3: variables must be a mapping of name: value");
  }

  @Test
  void sandboxMustBeAString() throws IOException {
    Path file = env("dev", "sandbox: [dev]\n");
    assertThatThrownBy(() -> EnvironmentLoader.load(dir, "dev"))
        .hasMessage(file + ":1:10: sandbox must be a plain string");
  }

  @Test
  void onlyKnownStateBackendsAreAccepted() throws IOException {
    Path file = env("dev", "state:\n  backend: s3\n");
    assertThatThrownBy(() -> EnvironmentLoader.load(dir, "dev"))
        .hasMessage(file + ":2:12: state.backend must be one of [local, postgres]");
    env("dev", "state: local\n");
    assertThatThrownBy(() -> EnvironmentLoader.load(dir, "dev"))
        .hasMessageContaining("state.backend must be one of [local, postgres]");
  }

  @Test
  void anEnvironmentFileHoldsOneMapping() throws IOException {
    env("dev", "sandbox: a\n---\nsandbox: b\n");
    assertThatThrownBy(() -> EnvironmentLoader.load(dir, "dev"))
        .hasMessageContaining("an environment file holds one mapping");
    env("dev", "- sandbox\n");
    assertThatThrownBy(() -> EnvironmentLoader.load(dir, "dev"))
        .hasMessageContaining("an environment file holds one mapping");
  }

  @Test
  void malformedYamlInTheEnvironmentFileHasAPosition() throws IOException {
    Path file = env("dev", "sandbox: dev\nvariables: {a: 1\n");
    assertThatThrownBy(() -> EnvironmentLoader.load(dir, "dev"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith(file + ":")
        .hasMessageContaining("invalid YAML");
  }

  @Test
  void variableValuesKeepTheirExpressionsForLater() throws IOException {
    env("dev", "variables:\n  token: ${env.TOKEN}\n");
    assertThat(EnvironmentLoader.load(dir, "dev").variables().get("token"))
        .isInstanceOf(Value.Template.class);
  }
}
