package io.aepform.engine.provider;

import static io.aepform.engine.provider.SpecTestSupport.at;
import static io.aepform.engine.provider.SpecTestSupport.prepared;
import static io.aepform.engine.provider.SpecTestSupport.problems;
import static io.aepform.engine.provider.SpecTestSupport.unknown;
import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetKindTest {
  private final Kind kind = Kinds.all(Clock.systemUTC()).get("dataset");

  @Test
  void describesTheKind() {
    assertThat(kind).isInstanceOf(DatasetKind.class);
    assertThat(kind.kind()).isEqualTo("dataset");
    assertThat(kind.nameField()).isEqualTo("name");
    assertThat(kind.attributes()).containsExactlyInAnyOrder("id", "name");
  }

  @Test
  void aCompleteDatasetHasNoProblemsAndItsLogicalName() {
    Value spec =
        prepared(
            kind,
            "leads",
            "schemaRef:\n  id: https://ns.adobe.com/t/schemas/1\n"
                + "  contentType: application/vnd.adobe.xed-full+json;version=1\n"
                + "fileDescription:\n  format: parquet\n");
    assertThat(at(spec, "/name")).isEqualTo(Values.str("leads"));
    assertThat(problems(kind, spec)).isEmpty();
  }

  @Test
  void theSchemaRefIsRequired() {
    assertThat(problems(kind, prepared(kind, "leads", "description: x\n")))
        .containsExactly("/schemaRef: missing required field spec.schemaRef");
  }

  @Test
  void anUnknownSchemaIdIsFine() {
    Value spec =
        kind.normalize(
            kind.prepare(
                "leads",
                new Value.Obj(
                    Map.of(
                        "schemaRef",
                        new Value.Obj(
                            Map.of(
                                "id", unknown("schema", "demo", "id"),
                                "contentType", Values.str("application/json")))))));
    assertThat(problems(kind, spec)).isEmpty();
  }

  @Test
  void wrongTypesAreReported() {
    assertThat(
            problems(
                kind,
                prepared(
                    kind,
                    "leads",
                    "schemaRef:\n  id: {a: 1}\n  contentType: x\nfileDescription: parquet\ntags: [a]\n")))
        .containsExactly(
            "/schemaRef/id: spec.schemaRef.id must be a string",
            "/fileDescription: spec.fileDescription must be a mapping",
            "/tags: spec.tags must be a mapping");
  }
}
