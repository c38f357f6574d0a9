package io.aepform.engine.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What an error body says, whichever service wrote it: the code ({@code FLOW-1418-400}, {@code
 * XDM-1521-400}, the gateway's {@code 401013}, IMS's {@code invalid_client}), a title and a longer
 * detail; each empty when absent.
 */
record AepError(String code, String title, String detail) {
  static final AepError NONE = new AepError("", "", "");

  AepError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * Reads the shapes seen from AEP: problem details of Flow Service and Schema Registry ({@code
   * type} ending in the code, {@code title}, {@code detail} or {@code errorMessage}), Catalog's
   * (the same, a list of them, or {@code message} with {@code code}), the API gateway's ({@code
   * error_code}, {@code message}) and IMS's ({@code error}, {@code error_description}).
   */
  static AepError parse(JsonNode body) {
    JsonNode node = body.isArray() && body.size() > 0 ? body.get(0) : body;
    if (!node.isObject()) {
      // an HTML error page from a proxy says nothing worth repeating
      boolean plainText = node.isTextual() && !node.asText().strip().startsWith("<");
      return plainText ? new AepError("", firstLine(node.asText()), "") : NONE;
    }
    String code = codeOf(node);
    String title = firstText(node, "title", "message", "error_description");
    String detail = firstText(node, "detail", "errorMessage", "error_description", "message");
    if (detail.equals(title)) {
      detail = "";
    }
    return new AepError(code, title, detail);
  }

  /** {@code code title: detail}, skipping empty parts. */
  String summary() {
    String head = (code + " " + title).strip();
    return detail.isEmpty() ? head : (head.isEmpty() ? detail : head + ": " + detail);
  }

  private static String codeOf(JsonNode node) {
    String type = text(node, "type");
    if (!type.isEmpty()) {
      // ".../errors/FLOW-1439-404": the code is the last path segment
      return type.substring(type.lastIndexOf('/') + 1);
    }
    return firstText(node, "error_code", "code", "errorCode", "error");
  }

  private static String firstText(JsonNode node, String... names) {
    for (String name : names) {
      String value = text(node, name);
      if (!value.isEmpty()) {
        return value;
      }
    }
    return "";
  }

  private static String text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText().strip();
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
