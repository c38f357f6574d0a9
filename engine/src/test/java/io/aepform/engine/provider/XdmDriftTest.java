package io.aepform.engine.provider;

import static io.aepform.engine.provider.SpecTestSupport.prepared;
import static io.aepform.engine.provider.SpecTestSupport.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.plan.Drifts;
import io.aepform.engine.plan.FieldChange;
import io.aepform.engine.value.Value;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Drift of XDM documents: the registry's update is a PUT of the whole document, so what it holds
 * below the declared definitions, properties and allOf that the configuration lacks is shown (the
 * update removes it), while what the registry adds by itself to every document is not.
 */
class XdmDriftTest {
  private final Map<String, ? extends Kind> kinds = Kinds.all(Clock.systemUTC());

  private static final String FIELD_GROUP =
      """
      title: Loyalty
      meta:intendedToExtend: [https://ns.adobe.com/xdm/context/profile]
      definitions:
        loyalty:
          properties:
            _acme:
              type: object
              properties:
                points: {type: integer, title: Points}
      allOf:
        - $ref: "#/definitions/loyalty"
      """;

  /** The field group as the registry answers it (xdm/api/field-groups.md, create answer). */
  private static final String ANSWERED =
      """
      $id: https://ns.adobe.com/acme/mixins/8779fd45d6e4eb074300023a439862bb
      meta:altId: _acme.mixins.8779fd45d6e4eb074300023a439862bb
      meta:resourceType: mixins
      version: "1.1"
      title: Loyalty
      type: object
      description: ""
      definitions:
        loyalty:
          type: object
          meta:xdmType: object
          properties:
            _acme:
              type: object
              meta:xdmType: object
              properties:
                points: {type: integer, title: Points, meta:xdmType: int}
      allOf:
        - {$ref: "#/definitions/loyalty", type: object, meta:xdmType: object}
      imsOrg: "{ORG_ID}"
      meta:extensible: true
      meta:abstract: true
      meta:intendedToExtend: [https://ns.adobe.com/xdm/context/profile]
      meta:xdmType: object
      meta:registryMetadata: {repo:createdDate: 1594941263588, eTag: "5e8a"}
      meta:containerId: tenant
      meta:tenantNamespace: _acme
      """;

  private static final String TIER = "/definitions/loyalty/properties/_acme/properties/tier";

  @Test
  void whatTheRegistryAddsToEveryFieldGroupIsNoDrift() {
    assertThat(drift("fieldGroup", FIELD_GROUP, ANSWERED)).isEmpty();
  }

  @Test
  void aFieldTheRegistryAnswersAsNotRequiredIsNoDrift() {
    // the lookup answer of xdm/api/field-groups.md marks its field "isRequired": false
    String answered =
        ANSWERED.replace("meta:xdmType: int}", "meta:xdmType: int, isRequired: false}");

    assertThat(drift("fieldGroup", FIELD_GROUP, answered)).isEmpty();
    assertThat(
            drift(
                "fieldGroup",
                FIELD_GROUP,
                answered.replace("isRequired: false", "isRequired: true")))
        .extracting(FieldChange::pointer)
        .containsExactly("/definitions/loyalty/properties/_acme/properties/points/isRequired");
  }

  @Test
  void aFieldAddedOutsideUnderTheDefinitionsIsDriftWithoutTheRegistrysAnnotations() {
    String added =
        ANSWERED.replaceAll(
            "(?m)^( *)(points: .*)$",
            "$1$2\n$1tier: {type: string, title: Tier, meta:xdmType: string}");

    assertThat(drift("fieldGroup", FIELD_GROUP, added))
        .containsExactly(
            new FieldChange(
                TIER, Optional.empty(), Optional.of(spec("{type: string, title: Tier}"))));
  }

  @Test
  void aKeyAddedOutsideToADeclaredFieldIsDrift() {
    String added = ANSWERED.replace("title: Points,", "title: Points, description: Total,");

    assertThat(drift("fieldGroup", FIELD_GROUP, added))
        .extracting(FieldChange::pointer)
        .containsExactly("/definitions/loyalty/properties/_acme/properties/points/description");
  }

  @Test
  void annotationsTheConfigurationWritesItselfCompareAsWritten() {
    String exported =
        FIELD_GROUP.replace(
            "points: {type: integer, title: Points}",
            "points: {type: integer, title: Points, meta:xdmType: int}");

    assertThat(drift("fieldGroup", exported, ANSWERED)).isEmpty();
    assertThat(drift("fieldGroup", exported, ANSWERED.replace("meta:xdmType: int", "")))
        .extracting(FieldChange::pointer)
        .containsExactly("/definitions/loyalty/properties/_acme/properties/points/meta:xdmType");
  }

  @Test
  void aPropertyAddedOutsideToADataTypeIsDrift() {
    String declared =
        """
        title: Address
        properties:
          city: {type: string}
        """;
    String answered =
        """
        title: Address
        type: object
        description: ""
        meta:xdmType: object
        refs: []
        properties:
          city: {type: string, meta:xdmType: string}
          zip: {type: string, meta:xdmType: string}
        """;

    assertThat(drift("dataType", declared, answered))
        .containsExactly(
            new FieldChange(
                "/properties/zip", Optional.empty(), Optional.of(spec("{type: string}"))));
  }

  @Test
  void aFieldGroupAddedOutsideToASchemaIsDriftWithoutTheRegistrysAnnotations() {
    String declared =
        """
        title: Customers
        allOf:
          - $ref: https://ns.adobe.com/xdm/context/profile
        """;
    String answered =
        """
        title: Customers
        type: object
        description: ""
        meta:class: https://ns.adobe.com/xdm/context/profile
        allOf:
          - {$ref: https://ns.adobe.com/xdm/context/profile, type: object, meta:xdmType: object}
          - {$ref: https://ns.adobe.com/acme/mixins/aa, type: object, meta:xdmType: object}
        """;

    List<FieldChange> drift = drift("schema", declared, answered);

    assertThat(drift).extracting(FieldChange::pointer).containsExactly("/allOf");
    assertThat(drift.get(0).after())
        .contains(
            spec(
                "[{$ref: https://ns.adobe.com/xdm/context/profile},"
                    + " {$ref: https://ns.adobe.com/acme/mixins/aa}]"));
    assertThat(drift("schema", declared, answered.replaceAll("(?m)^  - \\{\\$ref: .*/aa.*$", "")))
        .isEmpty();
  }

  private List<FieldChange> drift(String kindWord, String declared, String answered) {
    Kind kind = kinds.get(kindWord);
    Value applied = prepared(kind, "x", declared);
    return Drifts.fields(applied, kind.normalizeRemote(spec(answered)), kind.fields());
  }
}
