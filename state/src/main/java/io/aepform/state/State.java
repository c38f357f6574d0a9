package io.aepform.state;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The recorded state of one environment: which remote objects aepform manages there, and how they
 * were last applied. Immutable; every change returns a new state.
 *
 * <p>{@code serial} is not bumped by the helpers that change resources: a run bumps it once per
 * write with {@link #nextSerial()}, and the store refuses a serial that does not move forward.
 *
 * @param version the state format version, {@link #FORMAT_VERSION} when written by this aepform
 * @param serial increases on every write of the same lineage
 * @param lineage a uuid fixed when the state is first created
 * @param aepformVersion the version of aepform that wrote the state
 * @param environment the environment name ({@code --env})
 * @param sandbox the sandbox the state belongs to
 * @param imsOrg the IMS organization the state belongs to
 * @param secretsSalt random per state, base64; salts the digests of secrets ({@link SecretDigests})
 * @param resources the resources, sorted by address, one per address
 */
public record State(
    int version,
    long serial,
    String lineage,
    String aepformVersion,
    String environment,
    String sandbox,
    String imsOrg,
    String secretsSalt,
    List<ResourceState> resources) {

  /** The newest state format this aepform reads and the one it writes. */
  public static final int FORMAT_VERSION = 1;

  /** Salt length in bytes: 128 bits, as NIST SP 800-132 recommends at least. */
  static final int SALT_BYTES = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  public State {
    Checks.check(
        version >= 1 && version <= FORMAT_VERSION,
        "version must be between 1 and " + FORMAT_VERSION + ", not " + version);
    Checks.check(serial >= 0, "serial must not be negative");
    Checks.check(isUuid(Checks.nonNull(lineage, "lineage")), "lineage must be a uuid: " + lineage);
    Checks.nonBlank(aepformVersion, "aepformVersion");
    Checks.nonBlank(environment, "environment");
    Checks.nonBlank(sandbox, "sandbox");
    Checks.nonBlank(imsOrg, "imsOrg");
    Checks.check(isSalt(Checks.nonNull(secretsSalt, "secretsSalt")), "secretsSalt is not valid");
    resources = sortedUnique(Checks.nonNull(resources, "resources"));
  }

  /** A new state with no resources: a fresh lineage, a fresh random salt, serial 0. */
  public static State empty(
      String environment, String sandbox, String imsOrg, String aepformVersion) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return new State(
        FORMAT_VERSION,
        0,
        UUID.randomUUID().toString(),
        aepformVersion,
        environment,
        sandbox,
        imsOrg,
        Base64.getEncoder().encodeToString(salt),
        List.of());
  }

  /** The resource at {@code address}, if recorded. */
  public Optional<ResourceState> find(String address) {
    return resources.stream().filter(r -> r.address().equals(address)).findFirst();
  }

  /** This state with {@code resource} added, or replacing the one at the same address. */
  public State with(ResourceState resource) {
    // resources are sorted by address: replace or insert in place (an apply calls this per
    // result, so it must not sort the whole state each time)
    Checks.nonNull(resource, "resource");
    int lo = 0;
    int hi = resources.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = resources.get(mid).address().compareTo(resource.address());
      if (c == 0) {
        lo = mid;
        break;
      } else if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    boolean replaces =
        lo < resources.size() && resources.get(lo).address().equals(resource.address());
    ResourceState[] changed = new ResourceState[resources.size() + (replaces ? 0 : 1)];
    for (int i = 0; i < lo; i++) {
      changed[i] = resources.get(i);
    }
    changed[lo] = resource;
    for (int i = replaces ? lo + 1 : lo; i < resources.size(); i++) {
      changed[replaces ? i : i + 1] = resources.get(i);
    }
    return withResources(List.of(changed));
  }

  /**
   * This state with the resource at {@code from} recorded at {@code to} (same kind), and every
   * dependency on {@code from} now on {@code to}: a rename of the address, not of the object.
   */
  public State moved(String from, String to) {
    ResourceState r =
        find(from).orElseThrow(() -> new IllegalArgumentException(from + " is not in state"));
    Checks.check(find(to).isEmpty(), to + " is already in state");
    List<ResourceState> out = new ArrayList<>();
    for (ResourceState other : resources) {
      ResourceState x = other.address().equals(from) ? r.at(to) : other;
      out.add(x.dependencies().contains(from) ? x.dependingOn(from, to) : x);
    }
    out.sort(Comparator.comparing(ResourceState::address));
    return withResources(out);
  }

  /** This state without the resource at {@code address}; the same state if there is none. */
  public State without(String address) {
    return withResources(resources.stream().filter(r -> !r.address().equals(address)).toList());
  }

  /** This state with its serial increased by one: call once before each write. */
  public State nextSerial() {
    return new State(
        version,
        serial + 1,
        lineage,
        aepformVersion,
        environment,
        sandbox,
        imsOrg,
        secretsSalt,
        resources);
  }

  /**
   * Refuses to go on when this state belongs to another sandbox or organization than the one the
   * run targets. The engine calls it right after reading the state, before any remote call.
   *
   * @throws StateException naming both sandboxes or organizations
   */
  public void checkBelongsTo(String sandbox, String imsOrg) {
    if (!this.sandbox.equals(sandbox)) {
      throw new StateException(
          StateException.Code.MISMATCH,
          mismatch("sandbox", this.sandbox, sandbox)
              + " Use the environment that targets sandbox '"
              + this.sandbox
              + "', or a new environment (--env) for sandbox '"
              + sandbox
              + "'.");
    }
    if (!this.imsOrg.equals(imsOrg)) {
      throw new StateException(
          StateException.Code.MISMATCH,
          mismatch("organization", this.imsOrg, imsOrg)
              + " Check AEP_ORG_ID, or use a new environment (--env) for this organization.");
    }
  }

  private String mismatch(String what, String recorded, String requested) {
    return String.format(
        "The state of environment '%s' belongs to %s '%s', not '%s'; refusing to use it.",
        environment, what, recorded, requested);
  }

  private State withResources(List<ResourceState> changed) {
    return new State(
        version,
        serial,
        lineage,
        aepformVersion,
        environment,
        sandbox,
        imsOrg,
        secretsSalt,
        changed);
  }

  private static List<ResourceState> sortedUnique(List<ResourceState> resources) {
    if (isSortedUnique(resources)) {
      return List.copyOf(resources); // the same list when it is already an immutable one
    }
    Set<String> seen = new HashSet<>();
    for (ResourceState resource : resources) {
      Checks.nonNull(resource, "resource");
      Checks.check(seen.add(resource.address()), "duplicate address " + resource.address());
    }
    return resources.stream().sorted(Comparator.comparing(ResourceState::address)).toList();
  }

  /** Strictly ascending addresses, in one pass: the common case, e.g. every state edit. */
  private static boolean isSortedUnique(List<ResourceState> resources) {
    String previous = null;
    for (ResourceState resource : resources) {
      if (resource == null || (previous != null && previous.compareTo(resource.address()) >= 0)) {
        return false;
      }
      previous = resource.address();
    }
    return true;
  }

  private static boolean isUuid(String value) {
    try {
      // fromString accepts short forms like "1-2-3-4-5"; only the canonical form is a lineage.
      return UUID.fromString(value).toString().equals(value);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isSalt(String value) {
    try {
      return Base64.getDecoder().decode(value).length >= SALT_BYTES;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
