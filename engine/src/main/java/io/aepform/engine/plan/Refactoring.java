package io.aepform.engine.plan;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Problem;
import io.aepform.engine.manifest.Refactorings;
import io.aepform.engine.value.Value;
import io.aepform.error.UsageException;
import io.aepform.state.StateException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the configuration's moved, import and removed documents do to the records a plan starts
 * from. As in Terraform, moves chain (A to B, later B to C) and state never makes a move invalid:
 * an environment still at A and one already at B both end at C; a move whose {@code from} is empty
 * is skipped; only a move whose {@code from} and {@code to} both hold objects is an error. An
 * import whose address state already holds is done; a removal of an address it does not hold too.
 */
final class Refactoring {
  private Refactoring() {}

  /** Reads the object an import document names: the record of it as if state held it. */
  @FunctionalInterface
  interface Importer {
    Recorded read(Refactorings.Imported imported);
  }

  /** The records after the documents, and which addresses moved, import or are forgotten. */
  record Applied(Map<Address, Recorded> recorded, Planner.Marks marks, List<Problem> notes) {}

  static Applied apply(
      Refactorings docs, Map<Address, Recorded> recorded, Optional<Importer> importer) {
    Map<Address, Address> next = new HashMap<>();
    docs.moves().forEach(m -> next.put(m.from(), m.to()));
    Map<Address, Recorded> out = new LinkedHashMap<>(recorded);
    Map<Address, Address> movedFrom = new LinkedHashMap<>();
    List<Problem> notes = new ArrayList<>();
    for (Address from : recorded.keySet()) {
      Address end = from;
      for (int i = 0; i <= next.size() && next.containsKey(end); i++) {
        end = next.get(end);
      }
      if (end.equals(from)) {
        continue;
      }
      if (out.containsKey(end)) {
        throw new StateException(
            StateException.Code.CONFLICT,
            "cannot move "
                + from
                + " to "
                + end
                + ": state holds an object at both (ids "
                + id(recorded.get(from))
                + " and "
                + id(out.get(end))
                + "). Keep one: remove the other from state with aepform state rm ADDRESS"
                + " (nothing is deleted in AEP), then plan again");
      }
      out.remove(from);
      out.put(end, recorded.get(from).at(end));
      movedFrom.put(end, from);
    }
    for (Refactorings.Moved m : docs.moves()) {
      if (!recorded.containsKey(m.from()) && recorded.containsKey(m.to())) {
        notes.add(
            Problem.warning(
                m.at(),
                "the move from "
                    + m.from()
                    + " to "
                    + m.to()
                    + " is done already (state holds "
                    + m.to()
                    + "): nothing to do; the document can stay or go"));
      }
    }
    Map<Address, String> importing = new LinkedHashMap<>();
    for (Refactorings.Imported i : docs.imports()) {
      if (out.containsKey(i.to())) {
        continue;
      }
      Recorded r =
          importer
              .orElseThrow(
                  () ->
                      new UsageException(
                          UsageException.Code.INVALID_ARGUMENTS,
                          i.at()
                              + ": an import document needs the platform to read "
                              + i.to()
                              + ": plan without --refresh=false"))
              .read(i);
      String id = id(r);
      out.values().stream()
          .filter(o -> o.address().kind().equals(i.to().kind()) && id(o).equals(id))
          .findFirst()
          .ifPresent(
              o -> {
                throw new StateException(
                    StateException.Code.CONFLICT,
                    i.at()
                        + ": cannot import "
                        + id
                        + " as "
                        + i.to()
                        + ": state already tracks it as "
                        + o.address()
                        + ". If you renamed the resource, move it instead (kind: moved, from: "
                        + o.address()
                        + ", to: "
                        + i.to()
                        + ")");
              });
      out.put(i.to(), r);
      importing.put(i.to(), id);
    }
    Map<Address, String> forget = new LinkedHashMap<>();
    for (Refactorings.Removed r : docs.removals()) {
      if (out.containsKey(r.from())) {
        forget.put(r.from(), "a removed document at " + r.at() + " says to stop managing it");
      }
    }
    return new Applied(out, new Planner.Marks(movedFrom, importing, forget), notes);
  }

  private static String id(Recorded r) {
    return r.attributes().get("id") instanceof Value.Str s ? s.value() : "";
  }
}
