package io.aepform.engine.provider;

import static io.aepform.engine.provider.SpecTestSupport.at;
import static io.aepform.engine.provider.SpecTestSupport.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import org.junit.jupiter.api.Test;

class SpecDefaultsTest {
  @Test
  void theNameDefaultsToTheLogicalName() {
    assertThat(at(SpecDefaults.name(spec("a: b\n"), "name", "leads"), "/name"))
        .isEqualTo(Values.str("leads"));
  }

  @Test
  void aGivenNameIsKept() {
    Value spec = spec("name: Leads Dataset\n");
    assertThat(SpecDefaults.name(spec, "name", "leads")).isSameAs(spec);
  }

  @Test
  void orElseFillsOnlyAMissingField() {
    assertThat(at(SpecDefaults.orElse(spec("a: b\n"), "/type", "object"), "/type"))
        .isEqualTo(Values.str("object"));
    assertThat(at(SpecDefaults.orElse(spec("type: array\n"), "/type", "object"), "/type"))
        .isEqualTo(Values.str("array"));
    assertThat(
            at(SpecDefaults.orElse(spec("description: ''\n"), "/description", "x"), "/description"))
        .isEqualTo(Values.str(""));
  }

  @Test
  void anAliasIsExpandedAndTheVersionDefaulted() {
    Value out =
        SpecDefaults.specRef(
            spec("connectionSpec:\n  id: amazon-s3\n"),
            "/connectionSpec",
            Specs.CONNECTION_SPEC_ALIASES);
    assertThat(at(out, "/connectionSpec/id"))
        .isEqualTo(Values.str("ecadc60c-7455-4d87-84dc-2a0e293d997b"));
    assertThat(at(out, "/connectionSpec/version")).isEqualTo(Values.str("1.0"));
  }

  @Test
  void aWholeNumberVersionBecomesTheStringTheApiDeclares() {
    assertThat(version("1")).isEqualTo(Values.str("1.0"));
    assertThat(version("2")).isEqualTo(Values.str("2.0"));
    assertThat(version("1.0")).isEqualTo(Values.str("1.0"));
    assertThat(version("\"1.0\"")).isEqualTo(Values.str("1.0"));
    assertThat(version("\"2.1\"")).isEqualTo(Values.str("2.1"));
  }

  private static Value version(String yaml) {
    return at(
        SpecDefaults.specRef(
            spec("flowSpec:\n  id: cloud-storage\n  version: " + yaml + "\n"),
            "/flowSpec",
            Specs.FLOW_SPEC_ALIASES),
        "/flowSpec/version");
  }

  @Test
  void aRealIdIsKept() {
    Value out =
        SpecDefaults.specRef(
            spec("connectionSpec:\n  id: 0a1b2c3d-0000-4000-8000-000000000000\n  version: '1.0'\n"),
            "/connectionSpec",
            Specs.CONNECTION_SPEC_ALIASES);
    assertThat(at(out, "/connectionSpec/id"))
        .isEqualTo(Values.str("0a1b2c3d-0000-4000-8000-000000000000"));
  }

  @Test
  void aMissingOrMalformedBlockIsLeftForTheChecks() {
    Value none = spec("name: x\n");
    assertThat(SpecDefaults.specRef(none, "/connectionSpec", Specs.CONNECTION_SPEC_ALIASES))
        .isSameAs(none);
    Value text = spec("connectionSpec: amazon-s3\n");
    assertThat(SpecDefaults.specRef(text, "/connectionSpec", Specs.CONNECTION_SPEC_ALIASES))
        .isSameAs(text);
  }

  @Test
  void anAliasOfTheOtherKindIsNotExpanded() {
    Value out =
        SpecDefaults.specRef(
            spec("flowSpec:\n  id: amazon-s3\n"), "/flowSpec", Specs.FLOW_SPEC_ALIASES);
    assertThat(at(out, "/flowSpec/id")).isEqualTo(Values.str("amazon-s3"));
  }
}
