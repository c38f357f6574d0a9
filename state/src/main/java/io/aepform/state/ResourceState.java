package io.aepform.state;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * One resource as recorded in state.
 *
 * <p>Invariants: {@code address} is {@code kind + "." + logical name}; a {@link
 * ResourceStatus#PENDING_CREATE} resource has a {@code pending} record and an empty {@code id} (the
 * remote object may not exist yet); any other status has a non-empty {@code id} and no {@code
 * pending} record. {@code spec} and {@code attributes} are copied on the way in and out, because
 * Jackson nodes are mutable and a state must not change behind its writer's back.
 *
 * @param address the address, e.g. {@code schema.demo_profile}
 * @param kind the kind, e.g. {@code schema}
 * @param id the remote id; empty while pending create
 * @param name the remote name (title for schemas)
 * @param etag the remote etag; empty when the API has none
 * @param status the lifecycle status
 * @param spec the applied spec; secrets already replaced by digests by the caller
 * @param attributes attributes other resources may reference, e.g. {@code {"id": ..., "altId":
 *     ...}}
 * @param dependencies addresses this resource depends on, sorted, without duplicates
 * @param pending the pending create record; present exactly when status is pending-create
 */
public record ResourceState(
    String address,
    String kind,
    String id,
    String name,
    String etag,
    ResourceStatus status,
    ObjectNode spec,
    ObjectNode attributes,
    List<String> dependencies,
    Optional<PendingCreate> pending) {

  public ResourceState {
    Checks.nonBlank(kind, "kind");
    Checks.nonBlank(address, "address");
    Checks.check(
        address.startsWith(kind + ".") && address.length() > kind.length() + 1,
        "address '" + address + "' must be '" + kind + ".<name>'");
    Checks.check(address.chars().noneMatch(Character::isWhitespace), "address has whitespace");
    Checks.nonNull(id, "id");
    Checks.nonBlank(name, "name");
    Checks.nonNull(etag, "etag");
    Checks.nonNull(status, "status");
    Checks.nonNull(pending, "pending");
    boolean isPending = status == ResourceStatus.PENDING_CREATE;
    Checks.check(
        isPending == pending.isPresent(),
        address + ": a pending record goes with status pending-create, and only with it");
    Checks.check(
        isPending == id.isEmpty(),
        address + ": the id must be empty while pending create, and set otherwise");
    spec = Checks.nonNull(spec, "spec").deepCopy();
    attributes = Checks.nonNull(attributes, "attributes").deepCopy();
    dependencies = sortedDependencies(address, Checks.nonNull(dependencies, "dependencies"));
  }

  /** The same record at another address of the same kind. */
  public ResourceState at(String newAddress) {
    return new ResourceState(
        newAddress, kind, id, name, etag, status, spec, attributes, dependencies, pending);
  }

  /** The same record depending on {@code to} where it depended on {@code from}. */
  public ResourceState dependingOn(String from, String to) {
    List<String> deps = dependencies.stream().map(d -> d.equals(from) ? to : d).distinct().toList();
    return new ResourceState(
        address, kind, id, name, etag, status, spec, attributes, deps, pending);
  }

  /** A resource whose remote object exists. */
  public static ResourceState created(
      String address,
      String kind,
      String id,
      String name,
      String etag,
      ObjectNode spec,
      ObjectNode attributes,
      List<String> dependencies) {
    return new ResourceState(
        address,
        kind,
        id,
        name,
        etag,
        ResourceStatus.CREATED,
        spec,
        attributes,
        dependencies,
        Optional.empty());
  }

  /** A resource whose create call is about to be sent; {@code pending.remoteName()} is its name. */
  public static ResourceState pendingCreate(
      String address,
      String kind,
      ObjectNode spec,
      List<String> dependencies,
      PendingCreate pending) {
    return new ResourceState(
        address,
        kind,
        "",
        pending.remoteName(),
        "",
        ResourceStatus.PENDING_CREATE,
        spec,
        JsonNodeFactory.instance.objectNode(),
        dependencies,
        Optional.of(pending));
  }

  /** This resource marked tainted, so that the next apply replaces it. */
  public ResourceState taint() {
    Checks.check(
        status != ResourceStatus.PENDING_CREATE, address + ": cannot taint a pending create");
    return new ResourceState(
        address,
        kind,
        id,
        name,
        etag,
        ResourceStatus.TAINTED,
        spec,
        attributes,
        dependencies,
        pending);
  }

  /** The logical name: the address without its kind. */
  public String logicalName() {
    return address.substring(kind.length() + 1);
  }

  /** A copy of the applied spec. */
  @Override
  public ObjectNode spec() {
    return spec.deepCopy();
  }

  /** A copy of the attributes. */
  @Override
  public ObjectNode attributes() {
    return attributes.deepCopy();
  }

  private static List<String> sortedDependencies(String address, List<String> dependencies) {
    for (String dependency : dependencies) {
      Checks.nonBlank(dependency, "dependency");
      Checks.check(!dependency.equals(address), address + " must not depend on itself");
    }
    // Sorted and distinct so that the same graph always gives the same bytes.
    return dependencies.stream().distinct().sorted().toList();
  }
}
