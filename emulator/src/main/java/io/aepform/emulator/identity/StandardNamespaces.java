package io.aepform.emulator.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.store.ObjectStore;
import io.aepform.emulator.store.Scope;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The namespaces Adobe provides to every organization (identity-service/features/namespaces.md,
 * "Standard namespaces"), seeded into each org and sandbox on its first Identity Service call. Ids,
 * times and descriptions of CORE (0), ECID (4) and AdCloud (411) are those of
 * identity-service/api/list-namespaces.md, Email's id (6) is identity-service.yaml's example; the
 * other ids and idTypes are the emulator's choice.
 */
public final class StandardNamespaces {
  private record Standard(long id, String code, String name, String idType, String description) {}

  private static final long DEFAULT_TIME = 1441122419000L;
  private static final Map<Long, Long> DOCUMENTED_TIMES =
      Map.of(0L, 1441122419000L, 4L, 1495153678000L, 411L, 1522783145000L);

  private static final List<Standard> ALL =
      List.of(
          new Standard(0, "CORE", "CORE", "COOKIE", "CORE Namespace"),
          new Standard(4, "ECID", "ECID", "COOKIE", "ECID Namespace"),
          new Standard(6, "Email", "Email", "EMAIL", "Email"),
          new Standard(7, "Phone", "Phone", "PHONE", "Phone"),
          new Standard(8, "WAID", "Windows AID", "DEVICE", "Windows Advertising ID"),
          new Standard(9, "TNTID", "TNTID", "COOKIE", "Adobe Target"),
          new Standard(10, "AAID", "Adobe Analytics (Legacy ID)", "COOKIE", "Adobe Analytics"),
          new Standard(
              11,
              "Email_LC_SHA256",
              "Emails (SHA256, lowercased)",
              "EMAIL",
              "Pre-hashed email addresses"),
          new Standard(12, "Phone_E.164", "Phone (E.164)", "PHONE", "Phone numbers in E.164"),
          new Standard(13, "Phone_SHA256", "Phone (SHA256)", "PHONE", "SHA256-hashed phones"),
          new Standard(
              14,
              "Phone_SHA256_E.164",
              "Phone (SHA256_E.164)",
              "PHONE",
              "SHA256-hashed phones in E.164"),
          new Standard(15, "APNS", "Apple Push Notification service", "DEVICE", "APNs tokens"),
          new Standard(16, "FCM", "Firebase Cloud Messaging", "DEVICE", "FCM tokens"),
          new Standard(20, "GAID", "Google Ad ID (GAID)", "DEVICE", "Google Advertising ID"),
          new Standard(
              21, "IDFA", "Apple IDFA (ID for Advertisers)", "DEVICE", "Apple ID for Advertisers"),
          new Standard(411, "AdCloud", "AdCloud", "COOKIE", "Adobe AdCloud - ID Syncing Partner"));

  private StandardNamespaces() {}

  /**
   * Puts every standard namespace the scope lacks. Idempotent: standard namespaces can be neither
   * edited nor deleted through the API, so a missing one was never seeded.
   */
  static void seed(ObjectStore store, Scope scope) {
    for (Standard s : ALL) {
      String key = String.valueOf(s.id());
      if (store.get(scope, ResourceKind.IDENTITY_NAMESPACE, key).isEmpty()) {
        store.put(scope, ResourceKind.IDENTITY_NAMESPACE, key, document(s));
      }
    }
  }

  /**
   * The namespace with this code (compared case-insensitively) in the scope, standard or custom,
   * for other services that reference namespaces by code (e.g. identity descriptors).
   */
  public static Optional<ObjectNode> findByCode(ObjectStore store, Scope scope, String code) {
    for (Standard s : ALL) {
      if (s.code().equalsIgnoreCase(code)) {
        return Optional.of(document(s));
      }
    }
    return store.list(scope, ResourceKind.IDENTITY_NAMESPACE).stream()
        .map(Map.Entry::getValue)
        .filter(n -> n.path("code").asText().toLowerCase(Locale.ROOT).equals(lower(code)))
        .findFirst()
        .map(ObjectNode::deepCopy);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static ObjectNode document(Standard s) {
    long time = DOCUMENTED_TIMES.getOrDefault(s.id(), DEFAULT_TIME);
    return Json.object()
        .put("updateTime", time)
        .put("code", s.code())
        .put("status", "ACTIVE")
        .put("description", s.description())
        .put("id", s.id())
        .put("createTime", time)
        .put("idType", s.idType())
        .put("name", s.name())
        .put("custom", false);
  }
}
