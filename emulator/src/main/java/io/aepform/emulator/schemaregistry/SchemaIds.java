package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.store.ObjectStore;
import io.aepform.emulator.store.Scope;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schema Registry identities. Schemas, field groups ({@code mixins} in ids) and data types are
 * stored under their {@code meta:altId}; a {@code $id} maps to it one to one, so either finds the
 * resource (help/xdm/api/getting-started.md, "Resource identification").
 */
public final class SchemaIds {
  private static final Pattern ID =
      Pattern.compile(
          "https://ns\\.adobe\\.com/([a-z0-9_]+)/(schemas|mixins|datatypes)/([0-9a-f]+)");
  private static final SecureRandom RANDOM = new SecureRandom();

  private SchemaIds() {}

  /**
   * The tenant id of an org: its name before {@code @}, lower-case letters and digits, e.g. {@code
   * AEPFORMLOCAL@AdobeOrg} gives {@code aepformlocal}. Stable, so ids survive restarts.
   */
  public static String tenant(String orgId) {
    String name = orgId.contains("@") ? orgId.substring(0, orgId.indexOf('@')) : orgId;
    String t = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (t.isEmpty() || Character.isDigit(t.charAt(0))) {
      t = "t" + t;
    }
    return t.length() > 32 ? t.substring(0, 32) : t;
  }

  static String newHex() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * {@code collection} is the id's segment: {@code schemas}, {@code mixins} or {@code datatypes}.
   */
  static String id(String tenant, String collection, String hex) {
    return "https://ns.adobe.com/" + tenant + "/" + collection + "/" + hex;
  }

  static String altId(String tenant, String collection, String hex) {
    return "_" + tenant + "." + collection + "." + hex;
  }

  /** The {@code meta:altId} a {@code $id} corresponds to; the argument itself if it is one. */
  public static String toAltId(String idOrAltId) {
    Matcher m = ID.matcher(idOrAltId);
    return m.matches() ? altId(m.group(1), m.group(2), m.group(3)) : idOrAltId;
  }

  /** The schema with this {@code $id} or {@code meta:altId} in the scope. */
  public static Optional<ObjectNode> find(ObjectStore store, Scope scope, String idOrAltId) {
    return store.get(scope, ResourceKind.SCHEMA, toAltId(idOrAltId));
  }
}
