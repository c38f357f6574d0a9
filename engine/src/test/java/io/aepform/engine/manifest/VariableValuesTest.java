package io.aepform.engine.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariableValuesTest {
  private static final Position DECLARED = new Position("variables.yaml", 3, 1);

  @TempDir Path dir;

  private final List<VariableDecl> declared = new ArrayList<>();
  private EnvironmentConfig env = EnvironmentConfig.implicit("default");
  private final List<String> vars = new ArrayList<>();
  private final List<Path> varFiles = new ArrayList<>();
  private Map<String, String> processEnv = Map.of();

  private void declare(String name, Value defaultValue, boolean sensitive) {
    declared.add(
        new VariableDecl(name, Optional.ofNullable(defaultValue), "", sensitive, DECLARED));
  }

  private void declare(String name) {
    declare(name, null, false);
  }

  private Path environmentFile(String yaml) throws IOException {
    Path file = dir.resolve("environments/dev.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    env = EnvironmentLoader.load(dir, "dev");
    return file;
  }

  private Path varFile(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    varFiles.add(file);
    return file;
  }

  private Map<String, Value> resolve() {
    Configuration config = new Configuration(List.of(), declared, List.of(), List.of());
    return VariableValues.resolve(
        config, env, new VariableValues.Inputs(vars, varFiles), processEnv);
  }

  @Test
  void theDefaultIsUsedWhenNothingElseIsGiven() {
    declare("bucket", Values.str("from-default"), false);
    assertThat(resolve()).containsExactly(Map.entry("bucket", Values.str("from-default")));
  }

  @Test
  void aVariableWithoutAnyValueIsAbsentNotAnError() {
    declare("bucket");
    assertThat(resolve()).isEmpty();
  }

  @Test
  void laterSourcesWinDefaultThenEnvironmentThenVarFilesThenVars() throws IOException {
    declare("a", Values.str("default"), false);
    declare("b", Values.str("default"), false);
    declare("c", Values.str("default"), false);
    declare("d", Values.str("default"), false);
    declare("e", Values.str("default"), false);
    environmentFile("variables:\n  b: env\n  c: env\n  d: env\n  e: env\n");
    varFile("one.yaml", "c: file1\nd: file1\ne: file1\n");
    varFile("two.yaml", "d: file2\ne: file2\n");
    vars.add("e=cli1");
    vars.add("e=cli2");

    Map<String, Value> values = resolve();

    assertThat(values)
        .containsEntry("a", Values.str("default"))
        .containsEntry("b", Values.str("env"))
        .containsEntry("c", Values.str("file1"))
        .containsEntry("d", Values.str("file2"))
        .containsEntry("e", Values.str("cli2"));
  }

  @Test
  void aCommandLineValueIsTextAndMayContainEquals() {
    declare("filter");
    declare("count");
    vars.add("filter=a=b");
    vars.add("count=15");
    vars.add("count=");
    assertThat(resolve())
        .containsEntry("filter", Values.str("a=b"))
        .containsEntry("count", Values.str(""));
  }

  @Test
  void fileValuesKeepTheirYamlTypes() throws IOException {
    declare("interval");
    declare("tags");
    varFile("v.yaml", "interval: 15\ntags: [a, b]\n");
    Map<String, Value> values = resolve();
    assertThat(values.get("interval")).isEqualTo(Value.Num.of(15));
    assertThat(values.get("tags"))
        .isEqualTo(new Value.Arr(List.of(Values.str("a"), Values.str("b"))));
  }

  @Test
  void aMalformedVarIsRefused() {
    declare("x");
    for (String bad : List.of("x", "=x", "")) {
      vars.clear();
      vars.add(bad);
      assertThatThrownBy(this::resolve)
          .as(bad)
          .isInstanceOf(ManifestException.class)
          .hasMessageContaining("--var takes NAME=VALUE, got '" + bad + "'");
    }
  }

  @Test
  void aVarForAnUndeclaredVariableIsRefused() {
    declare("bucket");
    vars.add("buckt=x");
    assertThatThrownBy(this::resolve)
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "--var buckt: value given for undeclared variable 'buckt': declare it with 'kind:"
                + " variable'");
  }

  @Test
  void anEnvironmentFileValueForAnUndeclaredVariableIsRefused() throws IOException {
    Path file = environmentFile("variables:\n  ghost: x\n");
    assertThatThrownBy(this::resolve)
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith(file + ":2:10: value given for undeclared variable 'ghost'");
  }

  @Test
  void aVarFileValueForAnUndeclaredVariableIsRefused() throws IOException {
    Path file = varFile("v.yaml", "ghost: x\n");
    assertThatThrownBy(this::resolve)
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith(file + ": value given for undeclared variable 'ghost'");
  }

  @Test
  void aMissingVarFileIsRefused() {
    varFiles.add(dir.resolve("nope.yaml"));
    assertThatThrownBy(this::resolve)
        .isInstanceOf(ManifestException.class)
        .hasMessage(dir.resolve("nope.yaml") + ": --var-file not found");
  }

  @Test
  void anEmptyVarFileGivesNothing() throws IOException {
    declare("a", Values.str("default"), false);
    varFile("empty.yaml", "# nothing yet\n");
    assertThat(resolve()).containsEntry("a", Values.str("default"));
  }

  @Test
  void aVarFileMustBeOneMapping() throws IOException {
    declare("a");
    Path file = varFile("list.yaml", "- a\n");
    assertThatThrownBy(this::resolve)
        .hasMessage(file + ": a --var-file holds one mapping of name: value");
  }

  @Test
  void sensitiveVariablesAreMarkedFromEverySource() throws IOException {
    declare("from_default", Values.str("d"), true);
    declare("from_env", null, true);
    declare("from_file", null, true);
    declare("from_cli", null, true);
    declare("plain", Values.str("p"), false);
    environmentFile("variables:\n  from_env: e\n");
    varFile("v.yaml", "from_file: f\n");
    vars.add("from_cli=c");

    Map<String, Value> values = resolve();

    assertThat(values)
        .containsEntry("from_default", new Value.Sensitive(Values.str("d")))
        .containsEntry("from_env", new Value.Sensitive(Values.str("e")))
        .containsEntry("from_file", new Value.Sensitive(Values.str("f")))
        .containsEntry("from_cli", new Value.Sensitive(Values.str("c")))
        .containsEntry("plain", Values.str("p"));
  }

  @Test
  void processEnvironmentVariablesAreReadInEnvironmentFileValues() throws IOException {
    declare("token", null, true);
    declare("path");
    environmentFile("variables:\n  token: ${env.AEP_TOKEN}\n  path: ${env.HOME_DIR}/in\n");
    processEnv = Map.of("AEP_TOKEN", "t0k3n", "HOME_DIR", "/home/x");

    Map<String, Value> values = resolve();

    assertThat(values.get("token")).isEqualTo(new Value.Sensitive(Values.str("t0k3n")));
    assertThat(values.get("path")).isEqualTo(Values.str("/home/x/in"));
  }

  @Test
  void processEnvironmentVariablesAreReadInDefaultsAndVarFiles() throws IOException {
    declare("a", ExpressionParser.parse("${env.A}", DECLARED), false);
    declare("b");
    varFile("v.yaml", "b: x-${env.B}\n");
    processEnv = Map.of("A", "1", "B", "2");
    assertThat(resolve()).containsEntry("a", Values.str("1")).containsEntry("b", Values.str("x-2"));
  }

  @Test
  void anUnsetEnvironmentVariableInAValueIsAnError() throws IOException {
    declare("token");
    environmentFile("variables:\n  token: ${env.AEP_TOKEN}\n");
    assertThatThrownBy(this::resolve)
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("environment variable AEP_TOKEN is not set: export AEP_TOKEN=...");
  }

  @Test
  void anUnsetEnvironmentVariableIsReportedAtItsLineOfTheEnvironmentFile() throws IOException {
    declare("region");
    declare("token");
    Path file =
        environmentFile("sandbox: dev\nvariables:\n  region: eu\n  token: ${env.AEP_TOKEN}\n");
    assertThatThrownBy(this::resolve)
        .hasMessage(
            file + ":4:10: environment variable AEP_TOKEN is not set: export AEP_TOKEN=...");
  }

  @Test
  void everyUnsetEnvironmentVariableIsNamedAtOnce() throws IOException {
    declare("access");
    declare("secret");
    declare("a", ExpressionParser.parse("${env.NOPE}", DECLARED), false);
    Path file =
        environmentFile(
            "# keys\nvariables:\n  access: ${env.S3_ACCESS_KEY}\n  secret: ${env.S3_SECRET_KEY}\n");
    assertThatThrownBy(this::resolve)
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            file
                + ":3:11: environment variables not set: S3_ACCESS_KEY (line 3), S3_SECRET_KEY"
                + " (line 4), NOPE (variables.yaml:3:1). Export them: S3_ACCESS_KEY=..."
                + " S3_SECRET_KEY=... NOPE=...");
  }

  @Test
  void anUnsetEnvironmentVariableInADefaultIsReportedAtTheDeclaration() {
    declare("a", ExpressionParser.parse("${env.NOPE}", DECLARED), false);
    assertThatThrownBy(this::resolve)
        .hasMessage("variables.yaml:3:1: environment variable NOPE is not set: export NOPE=...");
  }

  @Test
  void commandLineValuesAreNotEvaluated() {
    declare("pattern");
    vars.add("pattern=${env.NOT_SET}");
    assertThat(resolve()).containsEntry("pattern", Values.str("${env.NOT_SET}"));
  }
}
