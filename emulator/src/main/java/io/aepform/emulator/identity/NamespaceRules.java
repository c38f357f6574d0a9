package io.aepform.emulator.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Violation;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a namespace body must hold (identity-service.yaml, namespaceCreate / namespaceUpdate). */
final class NamespaceRules {
  /**
   * The identity types of the API, upper case as list answers spell them. The spec's enums mix
   * cases ({@code Cookie, Cross_device, Non_people} on create; {@code COOKIE, CROSS_DEVICE} on
   * update), so any case is accepted.
   */
  static final Set<String> ID_TYPES =
      Set.of("COOKIE", "CROSS_DEVICE", "DEVICE", "EMAIL", "MOBILE", "NON_PEOPLE", "PHONE");

  // identity-service.yaml, namespaceCreate.code: "Must be unique. May contain only letters and
  // numbers."
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]+");

  private NamespaceRules() {}

  /** Checks a create body; answers its idType as sent. */
  static String checkCreate(ObjectNode body) {
    String idType = checkCommon(body);
    String code = body.get("code").asText();
    if (!CODE.matcher(code).matches()) {
      throw new Violation("code '" + code + "' may contain only letters and numbers");
    }
    return idType;
  }

  /** Checks a PUT body: as on create, all of name, code and idType are required. */
  static String checkUpdate(ObjectNode body) {
    return checkCommon(body);
  }

  /** The idType in the upper case that GET and list answers use. */
  static String upper(String idType) {
    return idType.toUpperCase(Locale.ROOT);
  }

  private static String checkCommon(ObjectNode body) {
    Fields.requireString(body, "name", "name");
    Fields.requireString(body, "code", "code");
    Fields.optionalString(body, "description", "description");
    String idType = Fields.requireString(body, "idType", "idType");
    if (!ID_TYPES.contains(upper(idType))) {
      throw new Violation(
          "Please provide a valid value of idType. Valid values are: "
              + "[Cookie, Cross_device, Device, Email, Mobile, Non_people, Phone] (any case); got '"
              + idType
              + "'");
    }
    return idType;
  }
}
