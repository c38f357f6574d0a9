package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Fields;
import io.aepform.engine.kind.Identity;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.kind.SpecProblem;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Profile merge policies ({@code POST /data/core/ups/config/mergePolicies},
 * profile/api/merge-policies.md): how Real-Time Customer Profile merges the fragments of one
 * person. AEP itself demotes the previous default when a policy becomes the default, allows one
 * policy active on edge per sandbox and refuses to delete that one; every sandbox has Adobe's own
 * default policy, which aepform never exports or deletes.
 */
final class MergePolicyKind implements Crud.Served {
  /** The {@code kind:} word: the only place it is written. */
  static final String KIND = "mergePolicy";

  /** Adobe's policy in every sandbox, as the list answers of merge-policies.md name it. */
  static final String ADOBE_DEFAULT = "Profile Default Merge Policy";

  /** ui-guide.md: "You can select up to 50 datasets". */
  private static final int MAX_DATASETS = 50;

  private static final Fields FIELDS =
      Fields.of(
          Field.string("/name").required(),
          Field.object("/schema").required(),
          Field.string("/schema/name")
              .required()
              .describe("The XDM class the policy merges, e.g. _xdm.context.profile"),
          Field.object("/identityGraph").required(),
          Field.string("/identityGraph/type").required().oneOf("none", "pdg"),
          Field.object("/attributeMerge").required(),
          Field.string("/attributeMerge/type")
              .required()
              .oneOf("timestampOrdered", "dataSetPrecedence"),
          Field.strings("/attributeMerge/order"),
          Field.string("/attributeMerge/order/*").references(DatasetKind.KIND),
          Field.bool("/default").defaultsTo("false"),
          Field.bool("/isActiveOnEdge").defaultsTo("false"));

  private final ProfileApi api = new ProfileApi();

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Fields fields() {
    return FIELDS;
  }

  @Override
  public Set<String> attributes() {
    return Set.of("id", "name");
  }

  @Override
  public Identity identity() {
    return Identity.name("name");
  }

  /** Adobe's default policy is listed with the user's own but belongs to every sandbox. */
  @Override
  public boolean system(Remote remote) {
    return remote.name().equals(ADOBE_DEFAULT);
  }

  @Override
  public Optional<String> undeletable(Value applied, List<Tracked> others) {
    return text(applied, "/name")
        .filter(ADOBE_DEFAULT::equals)
        .map(
            n -> "Adobe's default merge policy is part of every sandbox: aepform never deletes it");
  }

  /** {@code order} lists the datasets by priority, and only {@code dataSetPrecedence} takes one. */
  @Override
  public List<SpecProblem> check(Value spec) {
    List<SpecProblem> problems = new ArrayList<>(FIELDS.check(spec));
    String type = text(spec, "/attributeMerge/type").orElse("");
    Optional<Value> order = Values.at(spec, "/attributeMerge/order").map(Values::unmark);
    if (type.equals("timestampOrdered") && order.isPresent()) {
      problems.add(
          new SpecProblem(
              "/attributeMerge/order",
              "spec.attributeMerge.order is only for type dataSetPrecedence"));
    }
    if (type.equals("dataSetPrecedence")) {
      if (order.isEmpty() || (order.get() instanceof Value.Arr a && a.items().isEmpty())) {
        problems.add(
            new SpecProblem(
                "/attributeMerge",
                "spec.attributeMerge.order must list the datasets in order of priority for"
                    + " dataSetPrecedence"));
      } else if (order.get() instanceof Value.Arr a) {
        duplicatesOrTooMany(a, problems);
      }
    }
    return problems;
  }

  /**
   * One default per schema ("any existing merge policy that was previously set as the default will
   * automatically be updated to no longer be the default") and one policy active on edge
   * (merge-policies.md): two declared would take it from each other at every apply.
   */
  @Override
  public List<Finding> checkAll(List<Declared> declared) {
    Map<String, String> defaults = new HashMap<>();
    Map<String, String> edge = new HashMap<>();
    List<Finding> out = new ArrayList<>();
    for (Declared d : declared) {
      String schema = text(d.spec(), "/schema/name").orElse("");
      if (isTrue(d.spec(), "/default") && defaults.putIfAbsent(schema, d.address()) != null) {
        out.add(conflict(d, "/default", "as the default of " + schema, defaults.get(schema)));
      }
      if (isTrue(d.spec(), "/isActiveOnEdge") && edge.putIfAbsent("", d.address()) != null) {
        out.add(conflict(d, "/isActiveOnEdge", "active on edge", edge.get("")));
      }
    }
    return out;
  }

  private static Finding conflict(Declared d, String pointer, String what, String first) {
    String field = pointer.substring(1);
    return new Finding(
        d.address(),
        new SpecProblem(
            pointer,
            "AEP keeps one merge policy "
                + what
                + " (profile/api/merge-policies.md), and "
                + first
                + " is declared so already: set "
                + field
                + ": false on one of them"));
  }

  private static boolean isTrue(Value spec, String pointer) {
    return Values.at(spec, pointer).map(Values::unmark).orElse(null) instanceof Value.Bool b
        && b.value();
  }

  private static void duplicatesOrTooMany(Value.Arr order, List<SpecProblem> problems) {
    if (order.items().size() > MAX_DATASETS) {
      problems.add(
          new SpecProblem(
              "/attributeMerge/order",
              "spec.attributeMerge.order lists more than " + MAX_DATASETS + " datasets"));
    }
    Set<Value> seen = new HashSet<>();
    for (int i = 0; i < order.items().size(); i++) {
      Value v = order.items().get(i);
      if (Values.isKnown(v) && !seen.add(Values.unmark(v))) {
        problems.add(
            new SpecProblem(
                "/attributeMerge/order/" + i, "spec.attributeMerge.order lists a dataset twice"));
      }
    }
  }

  /**
   * AEP allows one policy active on edge per sandbox (merge-policies.md; ui-guide.md says per
   * sandbox): another one that is refuses the create or update, so the plan does.
   */
  @Override
  public List<SpecProblem> checkOnline(PlatformClient client, Value spec, Optional<String> id) {
    if (!flag(spec, "/isActiveOnEdge")) {
      return List.of();
    }
    for (Remote other : api.list(client)) {
      if (!Optional.of(other.id()).equals(id) && flag(other.body(), "/isActiveOnEdge")) {
        return List.of(
            new SpecProblem(
                "/isActiveOnEdge",
                "AEP allows one merge policy active on edge per sandbox, and '"
                    + other.name()
                    + "' (id "
                    + other.id()
                    + ") is: set its isActiveOnEdge to false first (to manage it, import it"
                    + " with aepform import), then apply this"));
      }
    }
    return List.of();
  }

  /**
   * "When you set a merge policy as the default, any existing merge policy that was previously set
   * as the default will automatically be updated to no longer be used as the default"
   * (merge-policies.md): the plan names the policy AEP demotes, and says that nothing restores it.
   */
  @Override
  public List<String> sideEffects(
      Optional<Value> before, Optional<Value> after, Supplier<List<Remote>> others) {
    boolean was = before.map(b -> flag(b, "/default")).orElse(false);
    if (after.isPresent() && flag(after.get(), "/default") && !was) {
      String schema = text(after.get(), "/schema/name").orElse("");
      List<String> demoted = new ArrayList<>();
      for (Remote r : others.get()) {
        if (flag(r.body(), "/default")
            && text(r.body(), "/schema/name").orElse("").equals(schema)) {
          demoted.add("'" + r.name() + "' (id " + r.id() + ")");
        }
      }
      return List.of(
          "becomes the default merge policy of "
              + schema
              + ": AEP demotes "
              + (demoted.isEmpty() ? "the current default" : String.join(", ", demoted))
              + ", and destroying this policy later does not make that one the default again");
    }
    if (after.isEmpty() && was) {
      return List.of(
          "is the default merge policy of "
              + before.flatMap(b -> text(b, "/schema/name")).orElse("its class")
              + ": deleting it does not make the policy it replaced the default again");
    }
    return List.of();
  }

  /** A PUT of the whole policy ("Overwrite a merge policy"): one call whatever changed. */
  @Override
  public Remote update(
      PlatformClient client, Remote current, Value before, Value after, List<String> changed) {
    return api.replace(client, current.id(), createBody(after));
  }

  /**
   * "If the merge policy has isActiveOnEdge set to true, the merge policy cannot be deleted. Use
   * either the PATCH or PUT endpoints to update the merge policy before deleting it"
   * (merge-policies.md): such a policy is put back with it off first.
   */
  @Override
  public void delete(PlatformClient client, Remote remote) {
    Optional<Remote> now = api.read(client, remote.id());
    if (now.isEmpty()) {
      return;
    }
    if (flag(now.get().body(), "/isActiveOnEdge")) {
      ObjectNode off = exportSpec(Values.toJsonRevealed(now.get().body()));
      off.put("isActiveOnEdge", false);
      api.replace(client, remote.id(), off);
    }
    api.delete(client, remote.id());
  }

  private static boolean flag(Value spec, String pointer) {
    return Values.at(spec, pointer)
        .map(Values::unmark)
        .map(v -> Values.looselyEqual(v, new Value.Bool(true)))
        .orElse(false);
  }

  private static Optional<String> text(Value spec, String pointer) {
    return Values.at(spec, pointer)
        .map(Values::unmark)
        .filter(v -> v instanceof Value.Str)
        .map(v -> ((Value.Str) v).value());
  }

  @Override
  public Crud api() {
    return api;
  }
}
