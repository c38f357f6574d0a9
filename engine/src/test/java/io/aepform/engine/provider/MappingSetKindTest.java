package io.aepform.engine.provider;

import static io.aepform.engine.provider.SpecTestSupport.at;
import static io.aepform.engine.provider.SpecTestSupport.prepared;
import static io.aepform.engine.provider.SpecTestSupport.problems;
import static io.aepform.engine.provider.SpecTestSupport.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingSetKindTest {
  private final Kind kind = Kinds.all(Clock.systemUTC()).get("mappingSet");

  private static final String SET =
      """
      outputSchema:
        schemaRef:
          id: https://ns.adobe.com/t/schemas/1
      mappings:
        - sourceType: ATTRIBUTE
          source: email
          destination: personalEmail.address
      """;

  /** A GET answer as data-prep/api/mapping-set.md shows it (sourceType as a media type). */
  private static final String ANSWER =
      """
      id: e7c80e4c0d8f4a98a7d400b4e178b635
      version: 2
      createdDate: 1614901254724
      supportVersion: "1.1"
      outputSchema:
        id: 1d2e3f
        version: 0
        schemaRef:
          id: https://ns.adobe.com/t/schemas/1
          contentType: application/vnd.adobe.xed-full+json;version=1
      mappings:
        - id: 394bec970d54410b98e1d4c55a3843ca
          version: 0
          sourceType: text/x.schema-path
          source: email
          destination: personalEmail.address
          identity: false
          sourceAttribute: email
          destinationXdmPath: personalEmail.address
      status: DRAFT
      xdmSchema: https://ns.adobe.com/t/schemas/1
      """;

  @Test
  void describesTheKind() {
    assertThat(kind).isInstanceOf(MappingSetKind.class);
    assertThat(kind.nameField()).isEmpty();
    assertThat(kind.attributes()).containsExactlyInAnyOrder("id", "version");
    assertThat(kind.renewedByUpdate()).containsExactly("version");
  }

  @Test
  void theContentTypeDefaultsToTheFullSchema() {
    Value spec = prepared(kind, "customers", SET);
    assertThat(at(spec, "/outputSchema/schemaRef/contentType"))
        .isEqualTo(Values.str("application/vnd.adobe.xed-full+json;version=1"));
    assertThat(problems(kind, spec)).isEmpty();
  }

  @Test
  void aMappingSetNeedsMappingsWithKnownSourceTypes() {
    assertThat(problems(kind, prepared(kind, "m", SET.substring(0, SET.indexOf("mappings:")))))
        .containsExactly("/mappings: missing required field spec.mappings");
    Value empty = prepared(kind, "m", SET.substring(0, SET.indexOf("  - ")) + " []\n");
    assertThat(problems(kind, empty))
        .containsExactly("/mappings: spec.mappings needs at least one mapping");
    assertThat(problems(kind, prepared(kind, "m", SET.replace("ATTRIBUTE", "COLUMN"))))
        .containsExactly(
            "/mappings/0/sourceType: spec.mappings.0.sourceType must be one of [ATTRIBUTE,"
                + " EXPRESSION, STATIC], not \"COLUMN\"");
  }

  @Test
  void theAnswerComparesAsTheCreateBodyWithSourceTypesAsWords() {
    Value remote = kind.normalizeRemote(spec(ANSWER));
    Value applied = prepared(kind, "customers", SET);
    assertThat(remote).isEqualTo(applied);
    assertThat(kind.identity().matches(applied, remote)).isTrue();
    assertThat(kind.identity().matches(prepared(kind, "x", SET.replace("email", "mail")), remote))
        .isFalse();
  }

  @Test
  void mediaTypesWrittenInTheManifestAreReadAsWords() {
    Value spec = prepared(kind, "m", SET.replace("ATTRIBUTE", "text/x.aep-xl"));
    assertThat(at(spec, "/mappings/0/sourceType")).isEqualTo(Values.str("EXPRESSION"));
  }

  @Test
  void destroyForgetsItBecauseAepCannotDeleteIt() {
    assertThat(kind.undeletable(prepared(kind, "m", SET), List.of()))
        .hasValue(
            "AEP cannot delete a mapping set (the Data Prep API has no DELETE): it stays in AEP");
  }
}
