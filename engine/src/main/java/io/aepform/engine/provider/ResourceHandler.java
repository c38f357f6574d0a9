package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.manifest.ResourceKind;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything kind-specific: the rules of {@link ResourceKind} plus the calls that create, read,
 * find and delete objects of the kind. Adding a kind is one new handler.
 */
public interface ResourceHandler extends ResourceKind {
  /** Fills what the API needs at create time and the user may leave out (e.g. a start time). */
  default Value beforeCreate(Value spec, Instant now) {
    return spec;
  }

  /** The create request body for a spec whose values are all known: secrets in clear. */
  default JsonNode createBody(Value spec) {
    return Values.toJsonRevealed(spec);
  }

  /** Sends the create call with {@code body} (secrets in clear) and returns the new object. */
  Remote create(PlatformClient client, JsonNode body);

  /**
   * Calls that follow a create (e.g. disabling a flow declared disabled). When one fails, the
   * object exists but is not as declared: the caller marks it tainted.
   */
  default Remote afterCreate(PlatformClient client, Remote created, Value spec) {
    return created;
  }

  /**
   * Whether {@link #afterCreate} makes calls for {@code spec}; when it does not, apply neither
   * waits for a call slot nor calls it.
   */
  default boolean callsAfterCreate(Value spec) {
    return false;
  }

  /** The object with that id, or empty when it does not exist. */
  Optional<Remote> read(PlatformClient client, String id);

  /** Every object of the kind in the sandbox, for refreshing many resources in a few calls. */
  List<Remote> list(PlatformClient client);

  /** Every object whose remote name is exactly {@code name}, for pending creates and import. */
  List<Remote> findByName(PlatformClient client, String name);

  /**
   * Fields (JSON Pointers) the API cannot change in place: a change under one of them replaces the
   * object. Empty when everything can be updated.
   */
  default java.util.Set<String> replaceFields() {
    return java.util.Set.of();
  }

  /**
   * Changes the object in place from {@code before} to {@code after} (specs with secrets in clear
   * where known), given the pointers that differ; returns it with its new etag.
   */
  Remote update(
      PlatformClient client, Remote current, Value before, Value after, List<String> changed);

  /** Deletes the object; an object already gone is not an error. */
  void delete(PlatformClient client, Remote remote);
}
