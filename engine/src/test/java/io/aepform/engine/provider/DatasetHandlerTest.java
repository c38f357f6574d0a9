package io.aepform.engine.provider;

import static io.aepform.engine.provider.SpecTestSupport.at;
import static io.aepform.engine.provider.SpecTestSupport.prepared;
import static io.aepform.engine.provider.SpecTestSupport.problems;
import static io.aepform.engine.provider.SpecTestSupport.unknown;
import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.manifest.ResourceKind;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetHandlerTest {
  private final ResourceKind handler = Kinds.all().get("dataset");

  @Test
  void describesTheKind() {
    assertThat(handler).isInstanceOf(DatasetHandler.class);
    assertThat(handler.kind()).isEqualTo("dataset");
    assertThat(handler.nameField()).isEqualTo("name");
    assertThat(handler.attributes()).containsExactlyInAnyOrder("id", "name");
  }

  @Test
  void aCompleteDatasetHasNoProblemsAndItsLogicalName() {
    Value spec =
        prepared(
            handler,
            "leads",
            "schemaRef:\n  id: https://ns.adobe.com/t/schemas/1\n"
                + "  contentType: application/vnd.adobe.xed-full+json;version=1\n"
                + "fileDescription:\n  format: parquet\n");
    assertThat(at(spec, "/name")).isEqualTo(Values.str("leads"));
    assertThat(problems(handler, spec)).isEmpty();
  }

  @Test
  void theSchemaRefIsRequired() {
    assertThat(problems(handler, prepared(handler, "leads", "description: x\n")))
        .containsExactly(
            "/schemaRef/id: missing required field spec.schemaRef.id",
            "/schemaRef/contentType: missing required field spec.schemaRef.contentType");
  }

  @Test
  void anUnknownSchemaIdIsFine() {
    Value spec =
        handler.normalize(
            handler.prepare(
                "leads",
                new Value.Obj(
                    Map.of(
                        "schemaRef",
                        new Value.Obj(
                            Map.of(
                                "id", unknown("schema", "demo", "id"),
                                "contentType", Values.str("application/json")))))));
    assertThat(problems(handler, spec)).isEmpty();
  }

  @Test
  void wrongTypesAreReported() {
    assertThat(
            problems(
                handler,
                prepared(
                    handler,
                    "leads",
                    "schemaRef:\n  id: {a: 1}\n  contentType: x\nfileDescription: parquet\ntags: [a]\n")))
        .containsExactly(
            "/schemaRef/id: spec.schemaRef.id must be a string",
            "/fileDescription: spec.fileDescription must be a mapping",
            "/tags: spec.tags must be a mapping");
  }
}
