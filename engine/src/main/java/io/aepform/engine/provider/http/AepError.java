package io.aepform.engine.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an error body says, whichever service wrote it: the code ({@code FLOW-1418-400}, {@code
 * XDM-1521-400}, the gateway's {@code 401013}, IMS's {@code invalid_client}), a title, a longer
 * detail (with the {@code report.detailed-message} of Flow Service and Schema Registry errors) and
 * the sub-errors of the report; each empty when absent.
 */
record AepError(String code, String title, String detail, List<String> subErrors) {
  static final AepError NONE = new AepError("", "", "");

  // sub-errors nest (errorBasic in schema-registry.yaml): a few levels say all a user can act on
  private static final int MAX_DEPTH = 3;

  AepError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    subErrors = List.copyOf(subErrors);
  }

  AepError(String code, String title, String detail) {
    this(code, title, detail, List.of());
  }

  /**
   * Reads the shapes seen from AEP: problem details of Flow Service and Schema Registry ({@code
   * type} ending in the code, {@code title}, {@code detail} or {@code errorMessage}, and a {@code
   * report} with {@code detailed-message} and {@code sub-errors}:
   * help/xdm/troubleshooting-guide.md, help/sources/tutorials/api/labels.md), Catalog's (the same,
   * a list of them, or {@code message} with {@code code}), the API gateway's ({@code error_code},
   * {@code message}) and IMS's ({@code error}, {@code error_description}).
   */
  static AepError parse(JsonNode body) {
    return parse(body, 0);
  }

  private static AepError parse(JsonNode body, int depth) {
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
    JsonNode report = node.path("report");
    String detailed = text(report, "detailed-message");
    if (!detailed.isEmpty() && !detailed.equals(title) && !detail.contains(detailed)) {
      detail = detail.isEmpty() ? detailed : detail + " (" + detailed + ")";
    }
    return new AepError(code, title, detail, subErrors(report.path("sub-errors"), depth));
  }

  /**
   * The id AEP gave the exchange, which Adobe support asks for: the {@code x-request-id} response
   * header, else the {@code report.request-id} of a Flow Service error body
   * (help/sources/tutorials/api/labels.md); empty when neither is there.
   */
  static String requestId(Map<String, List<String>> headers, JsonNode body) {
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase("x-request-id") && !h.getValue().isEmpty()) {
        return h.getValue().get(0).strip();
      }
    }
    JsonNode node = body.isArray() && body.size() > 0 ? body.get(0) : body;
    return text(node.path("report"), "request-id");
  }

  /** {@code code title: detail (sub-errors: a; b)}, skipping empty parts. */
  String summary() {
    String head = (code + " " + title).strip();
    String out = detail.isEmpty() ? head : (head.isEmpty() ? detail : head + ": " + detail);
    return subErrors.isEmpty() ? out : out + " (sub-errors: " + String.join("; ", subErrors) + ")";
  }

  private static List<String> subErrors(JsonNode list, int depth) {
    List<String> out = new ArrayList<>();
    if (!list.isArray() || depth >= MAX_DEPTH) {
      return out;
    }
    for (JsonNode sub : list) {
      String summary = sub.isObject() ? parse(sub, depth + 1).summary() : sub.asText("").strip();
      if (!summary.isEmpty()) {
        out.add(summary);
      }
    }
    return out;
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
