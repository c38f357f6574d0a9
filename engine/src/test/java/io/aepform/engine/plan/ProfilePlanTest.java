package io.aepform.engine.plan;

import static io.aepform.engine.plan.PlanFixtures.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Configuration;
import io.aepform.engine.manifest.Desired;
import io.aepform.engine.manifest.Resolver;
import io.aepform.engine.provider.Kinds;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.error.AepformException;
import io.aepform.error.SafetyException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What plans do with Profile-enabled schemas and datasets and with what AEP cannot delete
 * (xdm/schema/profile-enablement-planning.md, identity-service/api/create-custom-namespace.md).
 */
class ProfilePlanTest {
  private static final String SALT = "c2FsdHNhbHRzYWx0c2FsdA==";
  private static final Map<String, Kind> KINDS = Kinds.all(Clock.systemUTC());
  private static final Map<String, String> IDS =
      Map.of(
          "identityNamespace.loyalty", "10093197",
          "dataType.address", "https://ns.adobe.com/acme/datatypes/d1",
          "fieldGroup.loyalty", "https://ns.adobe.com/acme/mixins/f1",
          "fieldGroup.extra", "https://ns.adobe.com/acme/mixins/f2",
          "schema.members", "https://ns.adobe.com/acme/schemas/s1",
          "descriptor.loyalty_id", "0123456789abcdef0123456789abcdef01234567",
          "dataset.members", "65f0c0ffee");

  static final String NAMESPACE =
      """
      kind: identityNamespace
      name: loyalty
      spec: {name: Loyalty Member, code: Loyalty, idType: Cross_device}
      """;
  static final String DATA_TYPE =
      """
      kind: dataType
      name: address
      spec:
        title: Loyalty Address
        properties: {city: {type: string}}
      """;
  static final String FIELD_GROUPS =
      """
      kind: fieldGroup
      name: loyalty
      spec:
        title: Loyalty Details
        meta:intendedToExtend: [https://ns.adobe.com/xdm/context/profile]
        definitions:
          loyalty:
            properties:
              _acme:
                type: object
                properties:
                  loyaltyId: {type: string}
                  address: {$ref: "${dataType.address.id}"}
      ---
      kind: fieldGroup
      name: extra
      spec:
        title: Loyalty Extras
        meta:intendedToExtend: [https://ns.adobe.com/xdm/context/profile]
      """;
  static final String SCHEMA =
      """
      kind: schema
      name: members
      spec:
        title: Loyalty Members
        allOf:
          - $ref: https://ns.adobe.com/xdm/context/profile
          - $ref: ${fieldGroup.loyalty.id}
          - $ref: ${fieldGroup.extra.id}
        meta:class: https://ns.adobe.com/xdm/context/profile
        meta:immutableTags: [union]
      """;
  static final String DESCRIPTOR =
      """
      kind: descriptor
      name: loyalty_id
      spec:
        "@type": xdm:descriptorIdentity
        xdm:sourceSchema: ${schema.members.id}
        xdm:sourceProperty: /_acme/loyaltyId
        xdm:namespace: ${identityNamespace.loyalty.code}
        xdm:property: xdm:code
        xdm:isPrimary: true
      """;
  static final String DATASET =
      """
      kind: dataset
      name: members
      spec:
        name: Loyalty Members
        schemaRef: {id: "${schema.members.id}", contentType: application/vnd.adobe.xed+json;version=1}
        tags: {unifiedProfile: ["enabled:true"]}
      """;

  @TempDir Path dir;

  private Resolver.Resolved resolve(String... documents) {
    PlanFixtures.write(dir, "profile.yaml", String.join("---\n", documents));
    Configuration config = PlanFixtures.load(dir);
    return PlanFixtures.resolve(config, Map.of(), PlanFixtures.known(IDS));
  }

  private Resolver.Resolved everything() {
    return resolve(NAMESPACE, DATA_TYPE, FIELD_GROUPS, SCHEMA, DESCRIPTOR, DATASET);
  }

  /** State as apply would leave it: what was resolved, with its ids. */
  private static Map<Address, Recorded> applied(Resolver.Resolved resolved) {
    Map<Address, Recorded> state = new LinkedHashMap<>();
    for (Desired d : resolved.resources()) {
      List<Address> deps = d.decl().dependencies().stream().map(x -> x.target()).toList();
      state.put(
          d.address(),
          new Recorded(d.address(), Secrets.digested(d.spec(), SALT), d.attributes(), deps));
    }
    return state;
  }

  private static Plan plan(
      Resolver.Resolved desired, Map<Address, Recorded> recorded, Map<Address, String> forced) {
    return Planner.plan(
        "dev",
        "lin",
        1,
        SALT,
        KINDS,
        desired,
        recorded,
        Planner.Refresh.none(),
        forced,
        Planner.Marks.none(),
        List.of());
  }

  private static ResourceChange change(Plan plan, String address) {
    return plan.changes().stream()
        .filter(c -> c.address().equals(address(address)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void destroyForgetsWhatAepCannotDeleteSayingWhyAndDeletesTheRest() {
    Map<Address, Recorded> state = applied(everything());

    Plan plan = plan(new Resolver.Resolved(List.of(), List.of()), state, Map.of());

    assertThat(change(plan, "identityNamespace.loyalty").action()).isEqualTo(Action.FORGET);
    assertThat(change(plan, "identityNamespace.loyalty").reason())
        .contains("AEP cannot delete an identity namespace")
        .contains("identity-service/api/create-custom-namespace.md");
    assertThat(change(plan, "schema.members").action()).isEqualTo(Action.FORGET);
    assertThat(change(plan, "schema.members").reason())
        .contains("enabled for Profile, so it stays in AEP")
        .contains("xdm/schema/profile-enablement-planning.md");
    for (String used : List.of("fieldGroup.loyalty", "fieldGroup.extra", "dataType.address")) {
      assertThat(change(plan, used).action()).as(used).isEqualTo(Action.FORGET);
      assertThat(change(plan, used).reason()).as(used).startsWith("schema.members uses it");
    }
    assertThat(change(plan, "descriptor.loyalty_id").action()).isEqualTo(Action.DELETE);
    assertThat(change(plan, "dataset.members").action()).isEqualTo(Action.DELETE);
  }

  @Test
  void withoutTheUnionTagTheSchemaAndWhatItUsesAreDeleted() {
    Map<Address, Recorded> state =
        applied(
            resolve(
                NAMESPACE,
                DATA_TYPE,
                FIELD_GROUPS,
                SCHEMA.replace("  meta:immutableTags: [union]\n", "")));

    Plan plan = plan(new Resolver.Resolved(List.of(), List.of()), state, Map.of());

    for (String deleted :
        List.of("schema.members", "fieldGroup.loyalty", "fieldGroup.extra", "dataType.address")) {
      assertThat(change(plan, deleted).action()).as(deleted).isEqualTo(Action.DELETE);
    }
  }

  @Test
  void removingAFieldGroupFromAProfileSchemaReplacesItAndNeedsReplaceToConfirm() {
    Map<Address, Recorded> state = applied(everything());
    Resolver.Resolved fewer =
        resolve(
            NAMESPACE,
            DATA_TYPE,
            FIELD_GROUPS,
            SCHEMA.replace("    - $ref: ${fieldGroup.extra.id}\n", ""),
            DESCRIPTOR,
            DATASET);

    Plan plan = plan(fewer, state, Map.of());

    ResourceChange schema = change(plan, "schema.members");
    assertThat(schema.action()).isEqualTo(Action.REPLACE);
    assertThat(schema.reason())
        .isEqualTo(
            "it removes https://ns.adobe.com/acme/mixins/f2 from allOf, which AEP refuses on a"
                + " schema enabled for Profile (xdm/schema/best-practices.md): a new schema"
                + " replaces it, and the old one stays in AEP (it cannot be deleted), so give the"
                + " new one another title");
    assertThatThrownBy(() -> DataSafety.check(plan, KINDS, Set.of()))
        .isInstanceOf(AepformException.class)
        .hasMessageContaining("schema.members would be replaced (it removes")
        .hasMessageContaining("--replace schema.members");
  }

  @Test
  void aSchemaNotEnabledForProfileLosesAFieldGroupInPlace() {
    String plain = SCHEMA.replace("  meta:immutableTags: [union]\n", "");
    Map<Address, Recorded> state = applied(resolve(NAMESPACE, DATA_TYPE, FIELD_GROUPS, plain));

    Plan plan =
        plan(
            resolve(
                NAMESPACE,
                DATA_TYPE,
                FIELD_GROUPS,
                plain.replace("    - $ref: ${fieldGroup.extra.id}\n", "")),
            state,
            Map.of());

    assertThat(change(plan, "schema.members").action()).isEqualTo(Action.UPDATE);
  }

  /**
   * xdm/schema/composition.md: "Once a dataset is created for the schema, the rules of schema
   * evolution become strictly enforced": a schema with a dataset loses a field group only by
   * replacement, with its dataset, confirmed with --replace.
   */
  @Test
  void aSchemaWithADatasetLosesAFieldGroupOnlyByReplacement() {
    String plain = SCHEMA.replace("  meta:immutableTags: [union]\n", "");
    String dataset = DATASET.replace("        tags: {unifiedProfile: [\"enabled:true\"]}\n", "");
    Map<Address, Recorded> state =
        applied(resolve(NAMESPACE, DATA_TYPE, FIELD_GROUPS, plain, dataset));

    Plan plan =
        plan(
            resolve(
                NAMESPACE,
                DATA_TYPE,
                FIELD_GROUPS,
                plain.replace("    - $ref: ${fieldGroup.extra.id}\n", ""),
                dataset),
            state,
            Map.of());

    ResourceChange schema = change(plan, "schema.members");
    assertThat(schema.action()).isEqualTo(Action.REPLACE);
    assertThat(schema.reason())
        .isEqualTo(
            "it removes https://ns.adobe.com/acme/mixins/f2 from allOf, which AEP refuses once a"
                + " dataset is created for the schema (dataset.members; xdm/schema/composition.md:"
                + " only additive changes): a new schema replaces it");
    assertThatThrownBy(() -> DataSafety.check(plan, KINDS, Set.of()))
        .isInstanceOf(AepformException.class)
        .hasMessageContaining("--replace schema.members");
  }

  @Test
  void aFieldGroupAProfileSchemaUsesOnlyGainsFields() {
    Map<Address, Recorded> state = applied(everything());
    String withoutField = FIELD_GROUPS.replace("loyaltyId: {type: string}\n            ", "");

    assertThatThrownBy(
            () ->
                plan(
                    resolve(NAMESPACE, DATA_TYPE, withoutField, SCHEMA, DESCRIPTOR, DATASET),
                    state,
                    Map.of()))
        .isInstanceOf(SafetyException.class)
        .hasMessage(
            "fieldGroup.loyalty: it removes the field /_acme/loyaltyId, which AEP refuses:"
                + " schema.members uses it and is enabled for Profile (xdm/schema/composition.md:"
                + " the fields become non-editable in every schema that references them). Add"
                + " fields only, or declare a new fieldGroup under another title with the change"
                + " and use it instead");

    String withField =
        FIELD_GROUPS.replace(
            "loyaltyId: {type: string}\n",
            "loyaltyId: {type: string}\n            tier: {type: string}\n");
    Plan adding =
        plan(
            resolve(NAMESPACE, DATA_TYPE, withField, SCHEMA, DESCRIPTOR, DATASET), state, Map.of());
    assertThat(change(adding, "fieldGroup.loyalty").action()).isEqualTo(Action.UPDATE);
  }

  @Test
  void aDataTypeIsFrozenThroughTheFieldGroupOfASchemaWithADataset() {
    String plain = SCHEMA.replace("  meta:immutableTags: [union]\n", "");
    String dataset = DATASET.replace("        tags: {unifiedProfile: [\"enabled:true\"]}\n", "");
    String retyped = DATA_TYPE.replace("city: {type: string}", "city: {type: integer}");

    Map<Address, Recorded> withDataset =
        applied(resolve(NAMESPACE, DATA_TYPE, FIELD_GROUPS, plain, dataset));
    assertThatThrownBy(
            () ->
                plan(
                    resolve(NAMESPACE, retyped, FIELD_GROUPS, plain, dataset),
                    withDataset,
                    Map.of()))
        .isInstanceOf(SafetyException.class)
        .hasMessageStartingWith(
            "dataType.address: it redefines the field /city, which AEP refuses: schema.members"
                + " uses it and dataset.members was created for that schema");

    Map<Address, Recorded> schemaOnly = applied(resolve(NAMESPACE, DATA_TYPE, FIELD_GROUPS, plain));
    Plan inPlace = plan(resolve(NAMESPACE, retyped, FIELD_GROUPS, plain), schemaOnly, Map.of());
    assertThat(change(inPlace, "dataType.address").action()).isEqualTo(Action.UPDATE);
  }

  @Test
  void theUnionTagCannotBeRemovedAndSettingItSaysItCannotBeUndone() {
    Map<Address, Recorded> enabled = applied(everything());
    Resolver.Resolved untagged =
        resolve(
            NAMESPACE,
            DATA_TYPE,
            FIELD_GROUPS,
            SCHEMA.replace("  meta:immutableTags: [union]\n", ""),
            DESCRIPTOR,
            DATASET);
    assertThatThrownBy(
            () -> DataSafety.withIrreversibleChecks(plan(untagged, enabled, Map.of()), KINDS))
        .hasMessageStartingWith(
            "schema.members: spec.meta:immutableTags is [\"union\"] and AEP never unsets it");

    Map<Address, Recorded> disabled = applied(untagged);
    Plan enabling =
        DataSafety.withIrreversibleChecks(plan(everything(), disabled, Map.of()), KINDS);
    assertThat(enabling.warnings())
        .anySatisfy(
            w ->
                assertThat(w.message())
                    .startsWith(
                        "sets spec.meta:immutableTags to [\"union\"], which cannot be undone"));
  }

  @Test
  void disablingProfileOnADatasetIsRefusedUnlessReplaceConfirmsTheUpdate() {
    Map<Address, Recorded> state = applied(everything());
    Resolver.Resolved disabled =
        resolve(
            NAMESPACE,
            DATA_TYPE,
            FIELD_GROUPS,
            SCHEMA,
            DESCRIPTOR,
            DATASET.replace("\n  tags: {unifiedProfile: [\"enabled:true\"]}", ""));

    Plan plan = plan(disabled, state, Map.of());
    assertThat(change(plan, "dataset.members").action()).isEqualTo(Action.UPDATE);
    assertThatThrownBy(() -> DataSafety.check(plan, KINDS, Set.of()))
        .hasMessage(
            "dataset.members would be updated in place, and that disables Profile on the dataset,"
                + " which removes its profile records from Real-Time Customer Profile"
                + " (xdm/schema/profile-enablement-planning.md). aepform never does this"
                + " implicitly. To confirm, plan again with --replace dataset.members: for this"
                + " change it confirms the update (the object is updated in place, not replaced)");

    Address dataset = address("dataset.members");
    Plan confirmed = plan(disabled, state, Map.of(dataset, "replacement requested with --replace"));
    assertThat(change(confirmed, "dataset.members").action()).isEqualTo(Action.UPDATE);
    DataSafety.check(confirmed, KINDS, Set.of(dataset));
  }

  @Test
  void aNamespaceCodeOrTypeCannotChange() {
    Map<Address, Recorded> state = applied(resolve(NAMESPACE));
    for (String changed :
        List.of(
            NAMESPACE.replace("code: Loyalty", "code: Loyalty2"),
            NAMESPACE.replace("Cross_device", "Email"))) {
      assertThatThrownBy(() -> plan(resolve(changed), state, Map.of()))
          .hasMessageContaining(
              "cannot change once the identityNamespace exists, and the identityNamespace cannot"
                  + " be replaced: set it back to");
    }
    assertThat(
            change(
                    plan(
                        resolve(NAMESPACE.replace("Cross_device", "CROSS_DEVICE")),
                        state,
                        Map.of()),
                    "identityNamespace.loyalty")
                .action())
        .as("idType compares without regard to case")
        .isEqualTo(Action.NO_OP);
  }

  @Test
  void aDescriptorReadsTheNamespaceCodeBeforeApply() {
    Desired descriptor =
        resolve(NAMESPACE, DATA_TYPE, FIELD_GROUPS, SCHEMA, DESCRIPTOR).resources().stream()
            .filter(d -> d.address().equals(address("descriptor.loyalty_id")))
            .findFirst()
            .orElseThrow();
    assertThat(Values.at(descriptor.spec(), "/xdm:namespace")).contains(new Value.Str("Loyalty"));
  }
}
