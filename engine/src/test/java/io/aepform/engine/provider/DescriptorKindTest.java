package io.aepform.engine.provider;

import static io.aepform.engine.provider.SpecTestSupport.at;
import static io.aepform.engine.provider.SpecTestSupport.prepared;
import static io.aepform.engine.provider.SpecTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.ConfigRequest;
import io.aepform.engine.Engine;
import io.aepform.engine.ValidationResult;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.VariableValues;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptorKindTest {
  private final Kind kind = Kinds.all(Clock.systemUTC()).get("descriptor");

  private static final String IDENTITY =
      """
      "@type": xdm:descriptorIdentity
      xdm:sourceSchema: https://ns.adobe.com/acme/schemas/s1
      xdm:sourceProperty: /_acme/loyaltyId
      xdm:namespace: Loyalty
      xdm:property: xdm:code
      xdm:isPrimary: true
      """;

  @TempDir Path dir;

  @Test
  void aDescriptorHasNoNameAndIsKnownByTypeSchemaAndProperty() {
    assertThat(kind.nameField()).isEmpty();
    assertThat(kind.identity().pointers())
        .containsExactly("/@type", "/xdm:sourceSchema", "/xdm:sourceProperty");
    Values.at(prepared(kind, "d", IDENTITY), "/name")
        .ifPresent(n -> assertThat(n).as("no name is added").isNull());
  }

  @Test
  void theSourceVersionDefaultsToOneAsANumber() {
    assertThat(at(prepared(kind, "d", IDENTITY), "/xdm:sourceVersion"))
        .isEqualTo(new Value.Num(BigDecimal.ONE));
    assertThat(problems(kind, prepared(kind, "d", IDENTITY))).isEmpty();
  }

  @Test
  void eachTypeNeedsItsOwnFields() {
    assertThat(
            problems(kind, prepared(kind, "d", IDENTITY.replace("xdm:namespace: Loyalty\n", ""))))
        .containsExactly(
            "/xdm:namespace: missing required field spec.xdm:namespace: an"
                + " xdm:descriptorIdentity needs it (xdm/api/descriptors.md)");
    assertThat(
            problems(
                kind,
                prepared(
                    kind,
                    "d",
                    "\"@type\": xdm:descriptorOneToOne\n"
                        + "xdm:sourceSchema: https://ns.adobe.com/acme/schemas/s1\n"
                        + "xdm:sourceProperty: /_acme/storeId\n")))
        .containsExactly(
            "/xdm:destinationSchema: missing required field spec.xdm:destinationSchema: an"
                + " xdm:descriptorOneToOne needs it (xdm/api/descriptors.md)",
            "/xdm:destinationVersion: missing required field spec.xdm:destinationVersion: an"
                + " xdm:descriptorOneToOne needs it (xdm/api/descriptors.md)");
  }

  @Test
  void theSourcePropertyIsAPathWithoutPropertiesSegments() {
    for (String bad : new String[] {"_acme/loyaltyId", "/_acme/", "/properties/_acme"}) {
      assertThat(problems(kind, prepared(kind, "d", IDENTITY.replace("/_acme/loyaltyId", bad))))
          .as(bad)
          .singleElement()
          .asString()
          .startsWith("/xdm:sourceProperty: spec.xdm:sourceProperty '" + bad + "' must begin");
    }
  }

  /** "Schemas may contain only one primary identity" (xdm/api/descriptors.md). */
  @Test
  void validateRefusesTwoPrimaryIdentitiesOnOneSchemaAtTheSecond() throws IOException {
    Files.writeString(
        dir.resolve("main.yaml"),
        """
        kind: schema
        name: members
        spec:
          allOf: [{$ref: "https://ns.adobe.com/xdm/context/profile"}]
        ---
        kind: descriptor
        name: loyalty
        spec:
          "@type": xdm:descriptorIdentity
          xdm:sourceSchema: ${schema.members.id}
          xdm:sourceProperty: /_acme/loyaltyId
          xdm:namespace: Loyalty
          xdm:property: xdm:code
          xdm:isPrimary: true
        ---
        kind: descriptor
        name: email
        spec:
          "@type": xdm:descriptorIdentity
          xdm:sourceSchema: ${schema.members.id}
          xdm:sourceProperty: /_acme/email
          xdm:namespace: Email
          xdm:property: xdm:code
          xdm:isPrimary: true
        """);
    ValidationResult result =
        new Engine(Map.of())
            .validate(new ConfigRequest(dir, "default", VariableValues.Inputs.none()));
    assertThat(result.valid()).isFalse();
    assertThat(result.problems())
        .extracting(Object::toString)
        .containsExactly(
            dir.resolve("main.yaml")
                + ":24:18: descriptor.email: schemas may contain only one primary identity"
                + " (xdm/api/descriptors.md), and descriptor.loyalty is the primary identity of"
                + " ${schema.members.id} already: set xdm:isPrimary: false on one of them");
  }

  /**
   * "To participate in a union, a schema must include an identityMap fieldgroup or a primary
   * identity descriptor" (xdm/troubleshooting-guide.md): refused offline for a schema to create.
   */
  @Test
  void aSchemaEnabledForProfileNeedsAPrimaryIdentityOnItOrTheIdentityMap() throws IOException {
    String schemas =
        """
        kind: schema
        name: members
        spec:
          allOf: [{$ref: "https://ns.adobe.com/xdm/context/profile"}]
          meta:immutableTags: [union]
        ---
        kind: schema
        name: other
        spec:
          allOf: [{$ref: "https://ns.adobe.com/xdm/context/profile"}]
        ---
        kind: descriptor
        name: loyalty
        spec:
          "@type": xdm:descriptorIdentity
          xdm:sourceSchema: ${schema.%s.id}
          xdm:sourceProperty: /_acme/loyaltyId
          xdm:namespace: Loyalty
          xdm:property: xdm:code
          xdm:isPrimary: %s
        """;
    assertThat(validated(schemas.formatted("members", "true"))).isEmpty();
    String refused =
        dir.resolve("main.yaml")
            + ":5:23: schema.members: enabling Profile needs a primary identity first";
    assertThat(validated(schemas.formatted("members", "false")))
        .singleElement()
        .asString()
        .startsWith(refused);
    assertThat(validated(schemas.formatted("other", "true")))
        .singleElement()
        .asString()
        .startsWith(refused);
    assertThat(
            validated(
                schemas
                    .formatted("other", "true")
                    .replace(
                        "context/profile\"}]\n  meta:immutableTags",
                        "context/profile\"}, {$ref: \"https://ns.adobe.com/xdm/context/identitymap\"}]"
                            + "\n  meta:immutableTags")))
        .isEmpty();
  }

  private List<String> validated(String manifests) throws IOException {
    Files.writeString(dir.resolve("main.yaml"), manifests);
    return new Engine(Map.of())
            .validate(new ConfigRequest(dir, "default", VariableValues.Inputs.none()))
            .problems()
            .stream()
            .map(Object::toString)
            .toList();
  }
}
