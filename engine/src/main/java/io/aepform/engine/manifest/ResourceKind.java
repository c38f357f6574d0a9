package io.aepform.engine.manifest;

import io.aepform.engine.value.Value;
import java.util.List;
import java.util.Set;

/**
 * What the manifest stage needs to know of a kind: its attributes, its aliases and defaults, the
 * types the API declares, which values are secret, and what the create call requires. The
 * provider's handlers implement it, so adding a kind is one new handler.
 */
public interface ResourceKind {
  /** The {@code kind:} word, e.g. {@code schema}. */
  String kind();

  /** The spec field that holds the remote name: {@code title} for schemas, else {@code name}. */
  String nameField();

  /** The attributes expressions may read, e.g. {@code id}, {@code name}. */
  Set<String> attributes();

  /** Expands well-known aliases and fills defaults, on the declared spec (before evaluation). */
  Value prepare(String logicalName, Value spec);

  /**
   * Converts values to the types the API declares and marks secrets, after evaluation. Unknown
   * values are left as they are.
   */
  Value normalize(Value spec);

  /**
   * Fields (JSON Pointers) that apply fills in at create time when the user leaves them out, such
   * as a flow's start time: state keeps them and later plans do not treat them as changes.
   */
  default Set<String> defaultedAtCreate() {
    return Set.of();
  }

  /**
   * Fields (JSON Pointers) the API cannot change in place: a change under one of them replaces the
   * object. Empty when everything can be updated.
   */
  default Set<String> replaceFields() {
    return Set.of();
  }

  /**
   * True when deleting an object of the kind loses data (a dataset's batches, the datasets built on
   * a schema): such an object is never replaced unless the user names it with --replace.
   */
  default boolean holdsData() {
    return false;
  }

  /** What the create call would refuse; unknown values are skipped. */
  List<SpecProblem> check(Value spec);

  /** A problem found in a spec, at a JSON Pointer into it. */
  record SpecProblem(String pointer, String message) {}
}
