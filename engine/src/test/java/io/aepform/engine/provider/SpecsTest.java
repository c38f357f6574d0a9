package io.aepform.engine.provider;

import static io.aepform.engine.provider.SpecTestSupport.at;
import static io.aepform.engine.provider.SpecTestSupport.prepared;
import static io.aepform.engine.provider.SpecTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SpecsTest {
  private static final Path MANIFESTS_DOC = Path.of("../docs/manifests.md");
  private static final Pattern ALIAS_ROW =
      Pattern.compile("^\\| `([a-z0-9-]+)`( \\(flowSpec\\))? \\| `([0-9a-f-]{36})`.*$");

  private final Map<String, Kind> kinds = Kinds.all(Clock.systemUTC());

  /** The rows of the alias table in docs/manifests.md: alias, id, and whether it is a flowSpec. */
  record DocumentedAlias(String alias, String id, boolean flowSpec) {}

  static List<DocumentedAlias> documentedAliases() throws IOException {
    return Files.readAllLines(MANIFESTS_DOC).stream()
        .map(ALIAS_ROW::matcher)
        .filter(Matcher::matches)
        .map(m -> new DocumentedAlias(m.group(1), m.group(3), m.group(2) != null))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("documentedAliases")
  void everyAliasTheDocsListLoadsAsTheIdTheyGive(DocumentedAlias documented) {
    if (documented.flowSpec()) {
      Value spec = prepared(kinds.get("flow"), "f", "flowSpec:\n  id: " + documented.alias());
      assertThat(at(spec, "/flowSpec/id")).isEqualTo(Values.str(documented.id()));
    } else {
      for (String kind : List.of("connection", "sourceConnection", "targetConnection")) {
        Value spec = prepared(kinds.get(kind), "c", "connectionSpec:\n  id: " + documented.alias());
        assertThat(at(spec, "/connectionSpec/id")).as(kind).isEqualTo(Values.str(documented.id()));
      }
    }
  }

  @Test
  void theDocsListEveryAliasAManifestMayUse() throws IOException {
    assertThat(documentedAliases()).extracting(DocumentedAlias::alias).doesNotHaveDuplicates();
    assertThat(documentedAliases().stream().filter(a -> !a.flowSpec()).map(DocumentedAlias::alias))
        .containsExactlyInAnyOrderElementsOf(Specs.CONNECTION_SPEC_ALIASES.keySet());
    assertThat(
            documentedAliases().stream()
                .filter(DocumentedAlias::flowSpec)
                .map(DocumentedAlias::alias))
        .containsExactlyInAnyOrderElementsOf(Specs.FLOW_SPEC_ALIASES.keySet());
  }

  @Test
  void aMisspeltAliasIsRefusedNamingTheAliasesThereAre() {
    Kind connection = kinds.get("connection");
    assertThat(
            problems(connection, prepared(connection, "c", "connectionSpec:\n  id: amazon-s4\n")))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("/connectionSpec/id: ")
                    .contains("'amazon-s4'")
                    .contains("amazon-s3"));
    Kind flow = kinds.get("flow");
    assertThat(problems(flow, prepared(flow, "f", "flowSpec:\n  id: cloud-storag\n")))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("/flowSpec/id: ")
                    .contains("'cloud-storag'")
                    .contains("cloud-storage"));
  }

  @ParameterizedTest
  @CsvSource({
    "amazon-s3, s3AccessKey",
    "amazon-s3, folderPath",
    "sftp, host",
    "sftp, port",
    "sftp, userName",
    "adls-gen2, url",
    "adls-gen2, tenant",
    "adls-gen2, servicePrincipalId",
    "google-cloud-storage, accessKeyId"
  })
  void documentedIdentifiersAreNotSecret(String alias, String param) {
    assertThat(Specs.isSecretParam(Specs.CONNECTION_SPEC_ALIASES.get(alias), param)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "amazon-s3, s3SecretKey",
    "sftp, password",
    "sftp, privateKeyContent",
    "adls-gen2, servicePrincipalKey",
    "azure-blob, connectionString",
    "google-cloud-storage, secretAccessKey",
    "amazon-s3, host"
  })
  void everythingElseIsSecret(String alias, String param) {
    assertThat(Specs.isSecretParam(Specs.CONNECTION_SPEC_ALIASES.get(alias), param)).isTrue();
  }

  @Test
  void everyParameterOfAnUnknownSpecIsSecret() {
    assertThat(Specs.isSecretParam("00000000-0000-0000-0000-000000000000", "host")).isTrue();
    assertThat(Specs.isSecretParam("", "folderPath")).isTrue();
  }
}
