package io.aepform.engine.provider;

import static io.aepform.engine.provider.SpecTestSupport.at;
import static io.aepform.engine.provider.SpecTestSupport.prepared;
import static io.aepform.engine.provider.SpecTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityNamespaceKindTest {
  private final Kind kind = Kinds.all(Clock.systemUTC()).get("identityNamespace");

  @Test
  void twoDeclaredNamespacesCannotShareACodeOrADisplayNameInAnyCase() {
    List<Kind.Declared> declared =
        List.of(
            new Kind.Declared(
                "identityNamespace.a", prepared(kind, "a", "name: CRM\ncode: CRMID\n")),
            new Kind.Declared(
                "identityNamespace.b", prepared(kind, "b", "name: crm\ncode: crmid\n")),
            new Kind.Declared("identityNamespace.c", prepared(kind, "c", "name: C\ncode: C\n")));
    assertThat(kind.checkAll(declared))
        .extracting(f -> f.address() + " " + f.problem().pointer() + ": " + f.problem().message())
        .containsExactly(
            "identityNamespace.b /code: AEP refuses a second namespace with code 'crmid' (409,"
                + " identity-service.yaml), and identityNamespace.a has it already",
            "identityNamespace.b /name: AEP refuses a second namespace with name 'crm' (409,"
                + " identity-service.yaml), and identityNamespace.a has it already");
  }

  @Test
  void theDisplayNameDefaultsToTheLogicalNameAndTheCodeIsWritten() {
    Value spec = prepared(kind, "loyalty", "code: Loyalty\nidType: Cross_device\n");
    assertThat(at(spec, "/name")).isEqualTo(Values.str("loyalty"));
    assertThat(problems(kind, spec)).isEmpty();
    assertThat(problems(kind, prepared(kind, "loyalty", "idType: Cross_device\n")))
        .containsExactly("/code: missing required field spec.code");
  }

  @Test
  void idTypeIsOneOfTheSpecsTypesInAnyCaseAndSentInTheSpecsCasing() {
    assertThat(at(prepared(kind, "l", "code: L\nidType: CROSS_DEVICE\n"), "/idType"))
        .isEqualTo(Values.str("Cross_device"));
    assertThat(at(prepared(kind, "l", "code: L\nidType: non_people\n"), "/idType"))
        .isEqualTo(Values.str("Non_people"));
    assertThat(problems(kind, prepared(kind, "l", "code: L\nidType: Partner\n")))
        .containsExactly(
            "/idType: spec.idType must be one of [Cookie, Cross_device, Device, Email, Mobile,"
                + " Non_people, Phone], not \"Partner\"");
  }

  @Test
  void listsAnswerUpperCaseTypesWhichCompareAsTheSpecSpellsThem() {
    Value remote = kind.normalizeRemote(SpecTestSupport.spec("code: L\nidType: CROSS_DEVICE\n"));
    assertThat(at(remote, "/idType")).isEqualTo(Values.str("Cross_device"));
  }

  @Test
  void codesHoldOnlyLettersAndDigitsAndAreNotAdobesOwn() {
    assertThat(problems(kind, prepared(kind, "l", "code: loyalty_id\nidType: Email\n")))
        .containsExactly(
            "/code: spec.code 'loyalty_id' may contain only letters and numbers"
                + " (identity-service.yaml)");
    assertThat(problems(kind, prepared(kind, "l", "code: email\nidType: Email\n")))
        .containsExactly(
            "/code: email is one of Adobe's standard namespaces, which every sandbox has: do not"
                + " declare it; a descriptor names it by its code (xdm:namespace: email)");
  }

  @Test
  void codeAndTypeAreImmutableAndANamespaceIsNeverDeleted() {
    assertThat(kind.fields().immutableAt("/code")).isPresent();
    assertThat(kind.fields().immutableAt("/idType")).isPresent();
    assertThat(kind.undeletable(Value.Obj.empty(), List.of())).isPresent();
    assertThat(kind.adoptsExisting()).isTrue();
  }

  @Test
  void standardNamespacesAreKnownByCodeOrByTheirAnswer() {
    assertThat(kind.standard("ECID")).isTrue();
    assertThat(kind.standard("Loyalty")).isFalse();
    Remote adobes =
        new Remote(
            "411",
            "AdCloud",
            "",
            Map.of("code", Values.str("AdCloud")),
            SpecTestSupport.spec("code: AdCloud\ncustom: false\n"),
            Instant.EPOCH);
    Remote custom =
        new Remote(
            "10093197",
            "Loyalty Member",
            "",
            Map.of("code", Values.str("Loyalty")),
            SpecTestSupport.spec("code: Loyalty\ncustom: true\n"),
            Instant.EPOCH);
    assertThat(kind.system(adobes)).isTrue();
    assertThat(kind.system(custom)).isFalse();
  }
}
