package io.aepform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceStateTest {
  private static final PendingCreate PENDING =
      new PendingCreate("leads", Instant.parse("2026-03-01T10:00:00Z"), "run-1");

  @Test
  void specAndAttributesCannotBeChangedFromOutside() {
    ObjectNode spec = TestStates.json("{\"name\":\"s3\"}");
    ResourceState resource =
        ResourceState.created(
            "connection.s3", "connection", "id-1", "s3", "", spec, spec, List.of());

    spec.put("name", "changed");
    resource.spec().put("name", "changed too");
    resource.attributes().put("name", "changed too");

    assertThat(resource.spec().get("name").textValue()).isEqualTo("s3");
    assertThat(resource.attributes().get("name").textValue()).isEqualTo("s3");
  }

  @Test
  void dependenciesAreSortedAndDistinct() {
    ResourceState resource =
        ResourceState.pendingCreate(
            "flow.a", "flow", TestStates.json("{}"), List.of("b.x", "a.y", "b.x"), PENDING);

    assertThat(resource.dependencies()).containsExactly("a.y", "b.x");
    assertThat(resource.logicalName()).isEqualTo("a");
    assertThat(resource.name()).isEqualTo("leads");
  }

  @Test
  void addressMustBeKindDotName() {
    assertThatThrownBy(() -> created("schema.x", "dataset", "id"))
        .hasMessageContaining("must be 'dataset.<name>'");
    assertThatThrownBy(() -> created("schema.", "schema", "id"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> created("schema.a b", "schema", "id"))
        .hasMessageContaining("whitespace");
  }

  @Test
  void pendingGoesWithPendingStatusAndNoId() {
    assertThatThrownBy(() -> created("schema.x", "schema", ""))
        .hasMessageContaining("the id must be empty while pending create, and set otherwise");
    assertThatThrownBy(
            () ->
                new ResourceState(
                    "schema.x",
                    "schema",
                    "",
                    "x",
                    "",
                    ResourceStatus.PENDING_CREATE,
                    TestStates.json("{}"),
                    TestStates.json("{}"),
                    List.of(),
                    Optional.empty()))
        .hasMessageContaining("a pending record goes with status pending-create");
    ResourceState pending =
        ResourceState.pendingCreate(
            "dataset.leads", "dataset", TestStates.json("{}"), List.of(), PENDING);
    assertThatThrownBy(pending::taint).hasMessageContaining("cannot taint a pending create");
  }

  @Test
  void refusesSelfDependencyAndBlankNames() {
    assertThatThrownBy(
            () ->
                ResourceState.created(
                    "flow.a",
                    "flow",
                    "id",
                    "a",
                    "",
                    TestStates.json("{}"),
                    TestStates.json("{}"),
                    List.of("flow.a")))
        .hasMessageContaining("must not depend on itself");
    assertThatThrownBy(() -> new PendingCreate(" ", Instant.EPOCH, "run"))
        .hasMessageContaining("remoteName must not be blank");
  }

  @Test
  void statusesHaveTheirJsonSpelling() {
    assertThat(ResourceStatus.fromJson("pending-create")).contains(ResourceStatus.PENDING_CREATE);
    assertThat(ResourceStatus.fromJson("created")).contains(ResourceStatus.CREATED);
    assertThat(ResourceStatus.fromJson("tainted")).contains(ResourceStatus.TAINTED);
    assertThat(ResourceStatus.fromJson("PENDING_CREATE")).isEmpty();
  }

  private static ResourceState created(String address, String kind, String id) {
    return ResourceState.created(
        address, kind, id, "x", "", TestStates.json("{}"), TestStates.json("{}"), List.of());
  }
}
