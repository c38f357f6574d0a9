package io.aepform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StateTest {
  @Test
  void emptyStartsAFreshLineageWithARandomSalt() {
    State a = State.empty("dev", "dev-sandbox", "ORG@AdobeOrg", "0.1.0");
    State b = State.empty("dev", "dev-sandbox", "ORG@AdobeOrg", "0.1.0");

    assertThat(a.serial()).isZero();
    assertThat(a.version()).isEqualTo(State.FORMAT_VERSION);
    assertThat(a.resources()).isEmpty();
    assertThat(UUID.fromString(a.lineage()).toString()).isEqualTo(a.lineage());
    assertThat(Base64.getDecoder().decode(a.secretsSalt())).hasSize(16);
    assertThat(a.lineage()).isNotEqualTo(b.lineage());
    assertThat(a.secretsSalt()).isNotEqualTo(b.secretsSalt());
  }

  @Test
  void withKeepsResourcesSortedAndReplacesByAddress() {
    State state = TestStates.empty(3).with(TestStates.schema()).with(TestStates.connection());
    ResourceState tainted = TestStates.schema().taint();

    State changed = state.with(tainted);

    assertThat(changed.resources())
        .extracting(ResourceState::address)
        .containsExactly("connection.s3", "schema.demo_profile");
    assertThat(changed.find("schema.demo_profile")).contains(tainted);
    assertThat(changed.serial()).isEqualTo(3);
    assertThat(state.find("schema.demo_profile").orElseThrow().status())
        .isEqualTo(ResourceStatus.CREATED);
  }

  @Test
  void withInsertsInOrderAtEitherEndAndInTheMiddle() {
    State state = TestStates.empty(1);
    List<String> added = new ArrayList<>();
    for (String name : List.of("m", "z", "a", "k", "q", "a0", "zz")) {
      state = state.with(schemaNamed(name));
      added.add("schema." + name);
    }
    state = state.with(schemaNamed("k").taint());

    assertThat(state.resources())
        .extracting(ResourceState::address)
        .containsExactlyElementsOf(added.stream().sorted().toList());
    assertThat(state.find("schema.k").orElseThrow().status()).isEqualTo(ResourceStatus.TAINTED);
  }

  private static ResourceState schemaNamed(String name) {
    ResourceState s = TestStates.schema();
    return new ResourceState(
        "schema." + name,
        s.kind(),
        s.id() + name,
        s.name(),
        s.etag(),
        s.status(),
        s.spec(),
        s.attributes(),
        s.dependencies(),
        s.pending());
  }

  @Test
  void withoutRemovesOneAddressAndIgnoresUnknownOnes() {
    State state = TestStates.sample(1);

    assertThat(state.without("connection.s3").find("connection.s3")).isEmpty();
    assertThat(state.without("connection.s3").resources()).hasSize(3);
    assertThat(state.without("connection.nothing")).isEqualTo(state);
  }

  @Test
  void nextSerialChangesOnlyTheSerial() {
    State state = TestStates.sample(41);

    State next = state.nextSerial();

    assertThat(next.serial()).isEqualTo(42);
    assertThat(next.resources()).isEqualTo(state.resources());
    assertThat(next.lineage()).isEqualTo(state.lineage());
  }

  @Test
  void resourcesAreCopiedAndSorted() {
    List<ResourceState> list =
        new ArrayList<>(List.of(TestStates.schema(), TestStates.connection()));
    State state =
        new State(
            1, 0, TestStates.LINEAGE, "0.1.0", "dev", "dev", "ORG@AdobeOrg", TestStates.SALT, list);
    list.clear();

    assertThat(state.resources())
        .extracting(ResourceState::address)
        .containsExactly("connection.s3", "schema.demo_profile");
    assertThatThrownBy(() -> state.resources().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesInvalidValues() {
    assertThatThrownBy(() -> stateWith(TestStates.LINEAGE, TestStates.SALT, 2))
        .hasMessageContaining("version must be between 1 and 1");
    assertThatThrownBy(() -> stateWith("1-2-3-4-5", TestStates.SALT, 1))
        .hasMessageContaining("lineage must be a uuid");
    assertThatThrownBy(() -> stateWith(TestStates.LINEAGE, "c2hvcnQ=", 1))
        .hasMessageContaining("secretsSalt");
    assertThatThrownBy(
            () ->
                TestStates.empty(1).with(TestStates.schema()).resources().add(TestStates.schema()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(
            () ->
                new State(
                    1,
                    0,
                    TestStates.LINEAGE,
                    "0.1.0",
                    "dev",
                    "dev",
                    "ORG@AdobeOrg",
                    TestStates.SALT,
                    List.of(TestStates.schema(), TestStates.schema())))
        .hasMessageContaining("duplicate address schema.demo_profile");
  }

  @Test
  void checkBelongsToRefusesAnotherSandboxOrOrganization() {
    State state = TestStates.empty(1);

    state.checkBelongsTo("dev", "ORG@AdobeOrg");
    assertThatThrownBy(() -> state.checkBelongsTo("prod", "ORG@AdobeOrg"))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("belongs to sandbox 'dev', not 'prod'");
    assertThatThrownBy(() -> state.checkBelongsTo("dev", "OTHER@AdobeOrg"))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("belongs to organization 'ORG@AdobeOrg', not 'OTHER@AdobeOrg'");
  }

  private static State stateWith(String lineage, String salt, int version) {
    return new State(version, 0, lineage, "0.1.0", "dev", "dev", "ORG", salt, List.of());
  }
}
