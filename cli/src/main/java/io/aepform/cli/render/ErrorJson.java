package io.aepform.cli.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.graph.GraphException;
import io.aepform.engine.manifest.ManifestException;
import io.aepform.engine.manifest.Problem;
import io.aepform.engine.provider.http.ApiException;
import io.aepform.error.AepformException;
import io.aepform.error.ErrorCode;
import io.aepform.error.InternalException;
import io.aepform.error.UsageException;
import java.util.List;
import java.util.Locale;

/**
 * A failure as the diagnostics document {@code --format json} prints instead of its usual one, so a
 * script reads what went wrong from stdout: each diagnostic has its domain, its stable code and the
 * message stderr shows, with the file, line and column when there is a place. Messages are the ones
 * the engine wrote, secrets already redacted.
 */
public final class ErrorJson {
  private ErrorJson() {}

  /** The document for a failure of a command. */
  public static String render(Exception e) {
    if (!(e instanceof AepformException ae)) {
      return document(List.of(diagnostic(new InternalException("internal error: " + e))));
    }
    if (ae instanceof ManifestException m) {
      return document(m.problems().stream().map(p -> located(ae, p)).toList());
    }
    if (ae instanceof GraphException g) {
      return document(List.of(located(ae, g.problem())));
    }
    return document(List.of(diagnostic(ae)));
  }

  /** The document for a command line picocli could not parse. */
  public static String usage(String message) {
    return document(
        List.of(
            diagnostic(
                new UsageException(UsageException.Code.INVALID_ARGUMENTS, message.strip()))));
  }

  private static String document(List<ObjectNode> diagnostics) {
    ObjectNode root = Json.NODES.objectNode();
    root.put("format_version", "1.0");
    long errors =
        diagnostics.stream().filter(d -> d.get("severity").asText().equals("error")).count();
    root.put("error_count", errors);
    root.put("warning_count", diagnostics.size() - errors);
    ArrayNode list = root.putArray("diagnostics");
    diagnostics.forEach(list::add);
    return Json.pretty(root);
  }

  private static ObjectNode diagnostic(AepformException e) {
    ObjectNode node = head("error", e.domain(), e.code(), e.getMessage());
    if (e instanceof ApiException api) {
      ObjectNode platform = node.putObject("platform");
      platform.put("status", api.status());
      platform.put("aep_code", api.aepCode());
      platform.put("request_id", api.requestId());
      platform.put("outcome_unknown", api.outcomeUnknown());
    }
    return node;
  }

  /** A problem with its place, as validate's JSON gives it (line and column 0: the whole file). */
  private static ObjectNode located(AepformException e, Problem p) {
    String severity = p.severity().name().toLowerCase(Locale.ROOT);
    ObjectNode node = head(severity, e.domain(), e.code(), p.message());
    node.put("file", p.position().file());
    node.put("line", p.position().line());
    node.put("column", p.position().column());
    return node;
  }

  private static ObjectNode head(String severity, ErrorCode domain, String code, String message) {
    ObjectNode node = Json.NODES.objectNode();
    node.put("severity", severity);
    node.put("domain", domain.id());
    node.put("code", code);
    node.put("message", message == null ? "" : message);
    return node;
  }
}
