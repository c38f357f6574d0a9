package io.aepform.engine.provider;

import static io.aepform.engine.provider.SpecTestSupport.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.value.Value;
import org.junit.jupiter.api.Test;

/**
 * A flow's transformations are patched by name: Adobe's update-dataflows page shows a flow whose
 * {@code transformations[0]} is {@code Copy} and {@code [1]} {@code Mapping}, so the index in the
 * manifest says nothing of the index in AEP.
 */
class FlowTransformationsTest {
  /** The flow as sources/tutorials/api/update-dataflows.md answers it (the parts that matter). */
  private static final Value AEP_FLOW =
      spec(
          """
          transformations:
            - name: Copy
              params:
                deltaColumn: {name: Datefield, dateFormat: YYYY-MM-DD, timezone: UTC}
            - name: Mapping
              params: {mappingId: 0b090130b58b4819afc78b6dc98b484d, mappingVersion: "0"}
          """);

  private static Value mapping(String version) {
    return spec(
        """
        transformations:
          - name: Mapping
            params: {mappingId: 0b090130b58b4819afc78b6dc98b484d, mappingVersion: "%s"}
        """
            .formatted(version));
  }

  @Test
  void aNewMappingVersionReplacesTheTransformationNamedMappingWhereAepHoldsIt() {
    assertThat(FlowTransformations.patch(AEP_FLOW, mapping("0"), mapping("1")).toString())
        .isEqualTo(
            "[{\"op\":\"replace\",\"path\":\"/transformations/1\",\"value\":{\"name\":\"Mapping\","
                + "\"params\":{\"mappingId\":\"0b090130b58b4819afc78b6dc98b484d\","
                + "\"mappingVersion\":\"1\"}}}]");
  }

  @Test
  void anUnchangedTransformationIsNotSent() {
    assertThat(FlowTransformations.patch(AEP_FLOW, mapping("0"), mapping("0"))).isEmpty();
  }

  @Test
  void aTransformationAepDoesNotHoldIsAddedAndOneNoLongerDeclaredIsRemoved() {
    Value remote = spec("transformations:\n  - name: Copy\n    params: {}\n");
    Value before = spec("transformations:\n  - name: Copy\n    params: {}\n");
    assertThat(FlowTransformations.patch(remote, before, mapping("2")).toString())
        .isEqualTo(
            "[{\"op\":\"remove\",\"path\":\"/transformations/0\",\"value\":{\"name\":\"Copy\","
                + "\"params\":{}}},{\"op\":\"add\",\"path\":\"/transformations/-\",\"value\":"
                + "{\"name\":\"Mapping\",\"params\":{\"mappingId\":"
                + "\"0b090130b58b4819afc78b6dc98b484d\",\"mappingVersion\":\"2\"}}}]");
  }
}
