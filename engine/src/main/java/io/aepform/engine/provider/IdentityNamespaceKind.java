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
import io.aepform.error.SafetyException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Custom identity namespaces in Identity Service ({@code POST /idnamespace/identities},
 * identity-service/api/create-custom-namespace.md). "Once a namespace has been created, it cannot
 * be deleted and its identity symbol and type cannot be changed" (identity-service/features/
 * namespaces.md): {@code code} and {@code idType} are immutable and a namespace is never replaced;
 * destroy leaves it in AEP, and a later apply that declares it again adopts it by its code (AEP
 * refuses a second one with 409). Standard namespaces (Email, ECID, ...) exist in every sandbox:
 * descriptors reference them by code; they are never declared, created or exported.
 */
final class IdentityNamespaceKind implements Crud.Served {
  /** The {@code kind:} word: the only place it is written. */
  static final String KIND = "identityNamespace";

  /** The create spec's {@code idType} values ({@code namespaceCreate}, identity-service.yaml). */
  private static final List<String> CREATE_TYPES =
      List.of("Cookie", "Cross_device", "Device", "Email", "Mobile", "Non_people", "Phone");

  /** The same types as the update spec spells them ({@code namespaceUpdate}). */
  private static final List<String> UPDATE_TYPES =
      List.of("COOKIE", "CROSS_DEVICE", "Device", "Email", "MOBILE", "Non_people", "Phone");

  /** Adobe's standard namespaces (identity-service/features/namespaces.md), by code. */
  private static final Set<String> STANDARD =
      Set.of(
              "CORE",
              "ECID",
              "Email",
              "Phone",
              "WAID",
              "TNTID",
              "AAID",
              "Email_LC_SHA256",
              "Phone_E.164",
              "Phone_SHA256",
              "Phone_SHA256_E.164",
              "APNS",
              "FCM",
              "GAID",
              "IDFA",
              "AdCloud")
          .stream()
          .map(c -> c.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());

  private static final Fields FIELDS =
      Fields.of(
          Field.string("/name").required(),
          Field.string("/code")
              .required()
              .immutable()
              .ignoreCase()
              .describe("The identity symbol: letters and digits only, unique in the sandbox."),
          Field.string("/idType")
              .required()
              .immutable()
              .ignoreCase()
              .oneOf(CREATE_TYPES.toArray(String[]::new)),
          Field.string("/description"));

  private final IdentityServiceApi api = new IdentityServiceApi();

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
    return Set.of("id", "code", "name");
  }

  /**
   * Display names and codes are both unique in a sandbox ("You cannot use an existing display name
   * and identity symbol", identity-service/features/namespaces.md); the code ("Must be unique",
   * identity-service.yaml) is what other objects name a namespace by.
   */
  @Override
  public Identity identity() {
    return Identity.nameAndKey("name", "/code");
  }

  @Override
  public boolean standard(String code) {
    return STANDARD.contains(code.toLowerCase(Locale.ROOT));
  }

  @Override
  public boolean system(Remote remote) {
    boolean adobes =
        Values.at(remote.body(), "/custom").orElse(null) instanceof Value.Bool custom
            && !custom.value();
    return adobes
        || (remote.attributes().get("code") instanceof Value.Str code && standard(code.value()));
  }

  @Override
  public boolean adoptsExisting() {
    return true;
  }

  @Override
  public Value normalize(Value spec) {
    return withType(fields().normalize(spec), CREATE_TYPES);
  }

  /** Lists answer {@code CROSS_DEVICE} for {@code Cross_device} (list-namespaces.md). */
  @Override
  public Value normalizeRemote(Value body) {
    return withType(fields().normalize(body), CREATE_TYPES);
  }

  @Override
  public List<SpecProblem> check(Value spec) {
    List<SpecProblem> problems = new ArrayList<>(fields().check(spec));
    if (Values.unmark(Values.at(spec, "/code").orElse(Value.Null.INSTANCE))
        instanceof Value.Str code) {
      if (!code.value().matches("[A-Za-z0-9]+")) {
        problems.add(
            new SpecProblem(
                "/code",
                "spec.code '"
                    + code.value()
                    + "' may contain only letters and numbers (identity-service.yaml)"));
      } else if (standard(code.value())) {
        problems.add(
            new SpecProblem(
                "/code",
                code.value()
                    + " is one of Adobe's standard namespaces, which every sandbox has: do not"
                    + " declare it; a descriptor names it by its code (xdm:namespace: "
                    + code.value()
                    + ")"));
      }
    }
    return problems;
  }

  /**
   * Two declared namespaces with one code or one display name: AEP creates the first and answers
   * the second 409 (identity-service.yaml, features/namespaces.md), leaving a namespace no one can
   * delete. Compared without regard to case, as the local platform does.
   */
  @Override
  public List<Finding> checkAll(List<Declared> declared) {
    List<Finding> out = new ArrayList<>();
    for (String field : List.of("code", "name")) {
      Map<String, String> seen = new HashMap<>();
      for (Declared d : declared) {
        if (!(Values.at(d.spec(), "/" + field).map(Values::unmark).orElse(null)
            instanceof Value.Str v)) {
          continue;
        }
        String first = seen.putIfAbsent(v.value().toLowerCase(Locale.ROOT), d.address());
        if (first != null) {
          String why = "AEP refuses a second namespace with " + field + " '" + v.value() + "'";
          out.add(
              new Finding(
                  d.address(),
                  new SpecProblem(
                      "/" + field,
                      why + " (409, identity-service.yaml), and " + first + " has it already")));
        }
      }
    }
    return out;
  }

  @Override
  public Optional<String> undeletable(Value applied, List<Tracked> others) {
    return Optional.of(
        "AEP cannot delete an identity namespace (\"once a namespace has been created, it cannot"
            + " be deleted\", identity-service/api/create-custom-namespace.md): it stays in AEP,"
            + " and declaring it again adopts it by its code");
  }

  /**
   * The namespace with the spec's code, compared without regard to case as AEP refuses a code taken
   * in another case: the code alone identifies it, its display name may have changed.
   */
  @Override
  public List<Remote> find(PlatformClient client, Value spec) {
    if (!(Values.unmark(Values.at(spec, "/code").orElse(Value.Null.INSTANCE))
        instanceof Value.Str code)) {
      return List.of();
    }
    return list(client).stream()
        .filter(r -> r.attributes().get("code") instanceof Value.Str c)
        .filter(
            r -> ((Value.Str) r.attributes().get("code")).value().equalsIgnoreCase(code.value()))
        .toList();
  }

  /** PUT of the whole namespace, {@code idType} spelled as the update spec spells it. */
  @Override
  public Remote update(
      PlatformClient client, Remote current, Value before, Value after, List<String> changed) {
    ObjectNode body = (ObjectNode) Values.toJsonRevealed(withType(after, UPDATE_TYPES));
    return api.replace(client, current.id(), body);
  }

  @Override
  public void delete(PlatformClient client, Remote remote) {
    throw new SafetyException(
        SafetyException.Code.UNDELETABLE,
        "identity namespace " + remote.name() + ": " + undeletable(Value.Null.INSTANCE, List.of()));
  }

  /**
   * {@code spec} with its {@code idType} spelled as {@code spelling} spells it, when one matches.
   */
  private static Value withType(Value spec, List<String> spelling) {
    if (Values.at(spec, "/idType").orElse(null) instanceof Value.Str type) {
      for (String t : spelling) {
        if (t.equalsIgnoreCase(type.value())) {
          return Values.with(spec, "/idType", new Value.Str(t));
        }
      }
    }
    return spec;
  }

  @Override
  public Crud api() {
    return api;
  }
}
