package io.aepform.engine.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks secrets by where they sit, for values nobody registered with the {@link Redactor}: the
 * headers that carry credentials, token and secret fields anywhere, and, under {@code auth} or
 * {@code params} (where Flow Service connections keep their credentials), any field whose name
 * suggests a secret.
 */
final class SensitiveFields {
  private static final Set<String> HEADERS =
      Set.of("authorization", "x-api-key", "proxy-authorization", "cookie", "set-cookie");
  private static final Set<String> ALWAYS =
      Set.of("access_token", "client_secret", "refresh_token", "id_token", "password");
  private static final Set<String> CREDENTIAL_HOLDERS = Set.of("auth", "params");
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(secret|password|passphrase|token|key|credential|connectionstring|sasuri"
              + "|signature).*");

  private SensitiveFields() {}

  static boolean isSensitiveHeader(String name) {
    return HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  static boolean isSensitiveFormField(String name) {
    return ALWAYS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** A copy of {@code node} with sensitive values replaced by {@link Redactor#MASK}. */
  static JsonNode mask(JsonNode node) {
    JsonNode copy = node.deepCopy();
    walk(copy, false, true);
    return copy;
  }

  /**
   * A copy of {@code node} with only token and password fields masked, names that never hold an
   * identifier, for answers whose other credential fields the platform already masked itself.
   */
  static JsonNode maskTokens(JsonNode node) {
    JsonNode copy = node.deepCopy();
    walk(copy, false, false);
    return copy;
  }

  private static void walk(JsonNode node, boolean underCredentials, boolean byPosition) {
    if (node.isArray()) {
      node.forEach(child -> walk(child, underCredentials, byPosition));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    ObjectNode object = (ObjectNode) node;
    // properties() is the live entry set, so setValue masks in place
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      String name = field.getKey();
      if (isSecretName(name, underCredentials)) {
        field.setValue(TextNode.valueOf(Redactor.MASK));
      } else {
        boolean holder = byPosition && CREDENTIAL_HOLDERS.contains(name);
        walk(field.getValue(), underCredentials || holder, byPosition);
      }
    }
  }

  private static boolean isSecretName(String name, boolean underCredentials) {
    return ALWAYS.contains(name.toLowerCase(Locale.ROOT))
        || (underCredentials && SECRET_NAME.matcher(name).matches());
  }
}
