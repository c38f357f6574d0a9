package io.aepform.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.RequestLogEntry;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Campaign 6 of issue 7, secrets: the S3 secret key reaches the example through an environment
 * variable (the environment file's {@code ${env.IT_S3_SECRET}}), through {@code --var} and through
 * {@code --var-file}, each time with another known value. Every command that sees it runs (plan in
 * text and JSON, plan --out, show PLANFILE, apply -v, show, state show/list, rotations, and the
 * error paths: a failed create with -v, a stale plan, a saved plan whose secret changed);
 * afterwards stdout, stderr, the state, its backup, the plan files, every file under the
 * configuration directory, and the emulator's request log are searched for each value, raw,
 * URL-encoded and JSON-escaped: zero hits.
 */
class SecretsCampaignIT {
  // Characters that JSON and URL encodings change, so each form is a distinct search.
  static final String FROM_ENV = "Env-S3cr3t/9f3b+Q=\"\u00e9&k";
  static final String FROM_VAR = "Var-S3cr3t/7c1d+W=\"\u00fc&m";
  static final String FROM_FILE = "File-S3cr3t/5a2e+Z=\"\u00f8&n";
  static final String ROTATED_ENV = "Env2-S3cr3t/3e8a+R=\"\u00e7&p";
  static final List<String> SECRETS = List.of(FROM_ENV, FROM_VAR, FROM_FILE, ROTATED_ENV);

  @RegisterExtension
  final LocalPlatformExtension platform =
      LocalPlatformExtension.example("parquet-ingestion").secret(FROM_ENV);

  /** Holds the configuration, the plan files and the var file: every file searched. */
  Path tmp;

  Path varFile;
  final List<String> transcript = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    tmp = platform.root();
    Path inputs = Files.createDirectories(tmp.resolve("inputs"));
    varFile = inputs.resolve("secret.yaml");
    Files.writeString(varFile, "s3_secret_key: '" + FROM_FILE + "'\n");
  }

  @Test
  void noSecretValueIsEverWrittenOrPrinted() throws IOException {
    Path plans = Files.createDirectories(tmp.resolve("plans"));
    Path first = plans.resolve("first.plan");
    Path rotated = plans.resolve("rotated.plan");

    // the secret from the process environment, through the environment file
    expect(0, "plan");
    expect(0, "plan", "--format", "json");
    expect(0, "plan", "-v", "--out", first.toString());
    expect(0, "show", first.toString());
    expect(0, "show", first.toString(), "--format", "json");
    expect(0, "apply", "-v", "--auto-approve");
    expect(0, "show");
    expect(0, "show", "--format", "json");
    expect(0, "state", "list");
    expect(0, "state", "show", "connection.s3");
    expect(0, "state", "show", "-v", "connection.s3");
    expect(0, "validate", "-v");
    expect(0, "validate", "--format", "json");
    expect(0, "graph");
    expect(0, "plan", "--detailed-exitcode");

    // the secret from --var: a changed-secret plan, then its apply
    CliRun changed = expect(2, "plan", "--detailed-exitcode", "--var", "s3_secret_key=" + FROM_VAR);
    assertThat(changed.out()).contains("connection.s3").contains("(sensitive)");
    expect(
        2, "plan", "--detailed-exitcode", "--format", "json", "--var", "s3_secret_key=" + FROM_VAR);
    // without -v: see verboseApplyOfARotatedSecretDoesNotPrintIt
    expect(0, "apply", "--auto-approve", "--var", "s3_secret_key=" + FROM_VAR);
    expect(0, "state", "show", "connection.s3");

    // the secret from --var-file
    expect(0, "plan", "-v", "--var-file", varFile.toString());
    expect(0, "plan", "--out", rotated.toString(), "--var-file", varFile.toString());
    expect(0, "show", rotated.toString(), "--format", "json");
    expect(0, "apply", rotated.toString(), "--var-file", varFile.toString());
    expect(0, "show", "--format", "json");

    // error paths: a stale plan, a saved plan whose secret no longer matches
    expect(1, "apply", "-v", first.toString());
    Path stale = plans.resolve("stale.plan");
    expect(0, "plan", "--out", stale.toString());
    Map<String, String> rotatedEnv = new HashMap<>(platform.env());
    rotatedEnv.put("IT_S3_SECRET", ROTATED_ENV);
    expect(1, rotatedEnv, "apply", "-v", stale.toString());

    // error path: a create the platform refuses, in the same apply as a secret rotation
    Files.writeString(
        platform.dir.resolve("zz-bad-dataset.yaml"),
        "kind: dataset\nname: orphan\nspec:\n  name: Orphan Dataset\n  schemaRef:\n"
            + "    id: https://ns.adobe.com/tenant/schemas/does-not-exist\n"
            + "    contentType: application/vnd.adobe.xed-full-notext+json; version=1\n");
    CliRun failed = expect(1, "apply", "-v", "--auto-approve", "--var-file", varFile.toString());
    assertThat(failed.err()).contains("dataset.orphan");
    expect(1, rotatedEnv, "apply", "--auto-approve");
    Files.delete(platform.dir.resolve("zz-bad-dataset.yaml"));
    expect(0, rotatedEnv, "plan", "-v");
    expect(0, rotatedEnv, "destroy", "-v", "--auto-approve");

    assertThat(platform.backupFile()).exists();
    assertNoSecretAnywhere();
  }

  /**
   * Issue 14: a variable not declared sensitive that feeds the secret parameter, given with --var
   * and --var-file to plans saved to files and to their applies: no plan file, state, output or
   * request holds it.
   */
  @Test
  void anUndeclaredSensitiveInputSavedInPlansIsNeverWrittenOrPrinted() throws IOException {
    Path variables = platform.dir.resolve("variables.yaml");
    Files.writeString(variables, Files.readString(variables).replace("sensitive: true\n", ""));
    Path env = platform.dir.resolve("environments/it.yaml");
    Files.writeString(
        env, Files.readString(env).replace("  s3_secret_key: ${env.IT_S3_SECRET}\n", ""));
    Path plans = Files.createDirectories(tmp.resolve("plans"));
    Path fromVar = plans.resolve("var.plan");
    Path fromFile = plans.resolve("file.plan");

    expect(0, "plan", "-v", "--var", "s3_secret_key=" + FROM_VAR);
    expect(0, "plan", "--format", "json", "--var", "s3_secret_key=" + FROM_VAR);
    expect(0, "plan", "--out", fromVar.toString(), "--var", "s3_secret_key=" + FROM_VAR);
    expect(0, "show", fromVar.toString());
    expect(0, "show", fromVar.toString(), "--format", "json");
    expect(1, "apply", fromVar.toString());
    expect(1, "apply", fromVar.toString(), "--var-file", varFile.toString());
    expect(0, "apply", "-v", fromVar.toString(), "--var", "s3_secret_key=" + FROM_VAR);
    expect(0, "plan", "--out", fromFile.toString(), "--var-file", varFile.toString());
    expect(0, "show", fromFile.toString(), "--format", "json");
    expect(0, "apply", "-v", fromFile.toString(), "--var-file", varFile.toString());
    expect(0, "show", "--format", "json");
    // no output reads the secret: output needs no --var for it
    expect(0, "output", "--json");

    assertNoSecretAnywhere();
  }

  /** Every command's output, every file but the var file, every request: none holds a secret. */
  private void assertNoSecretAnywhere() throws IOException {
    for (int i = 0; i < transcript.size(); i++) {
      assertNoSecretIn("output of command #" + (i + 1), transcript.get(i));
    }
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!file.equals(varFile)) {
          assertNoSecretIn(
              tmp.relativize(file).toString(),
              new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        }
      }
    }
    for (RequestLogEntry call : platform.emulator.requestLog()) {
      assertNoSecretIn(
          "emulator request " + call.summary(),
          call.path() + "?" + call.query() + "\n" + call.body());
    }
    assertThat(platform.emulator.requestLog()).isNotEmpty();
  }

  @Test
  void verboseApplyOfARotatedSecretDoesNotPrintIt() {
    expect(0, "apply", "--auto-approve");
    expect(0, "apply", "-v", "--auto-approve", "--var", "s3_secret_key=" + FROM_VAR);
    for (int i = 0; i < transcript.size(); i++) {
      assertNoSecretIn("output of command #" + (i + 1), transcript.get(i));
    }
  }

  private CliRun expect(int exitCode, String... command) {
    return expect(exitCode, platform.env(), command);
  }

  private CliRun expect(int exitCode, Map<String, String> env, String... command) {
    CliRun run = platform.cli(env, command);
    String what = String.join(" ", command);
    // the command line itself holds --var secrets: only what aepform printed is searched
    transcript.add(run.out() + "\n" + run.err());
    assertThat(run.exitCode())
        .as(what + "\nstdout: " + run.out() + "\nstderr: " + run.err())
        .isEqualTo(exitCode);
    return run;
  }

  /** Each secret raw, URL-encoded, JSON-escaped (also with non-ASCII escaped), and its prefix. */
  static Set<String> forms(String secret) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(secret);
    forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
    forms.add(jsonEscaped(secret, false));
    forms.add(jsonEscaped(secret, true));
    forms.add(secret.substring(0, secret.indexOf('/') + 5));
    return forms;
  }

  private static String jsonEscaped(String secret, boolean ascii) {
    try {
      ObjectMapper mapper =
          ascii
              ? JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build()
              : new ObjectMapper();
      String quoted = mapper.writeValueAsString(secret);
      return quoted.substring(1, quoted.length() - 1);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertNoSecretIn(String where, String text) {
    for (String secret : SECRETS) {
      for (String form : forms(secret)) {
        assertThat(text.contains(form))
            .as("%s contains the secret %s as '%s'", where, secret, form)
            .isFalse();
      }
    }
  }
}
