package io.aepform.engine.manifest;

import io.aepform.engine.value.Reference;
import io.aepform.engine.value.Spelling;
import io.aepform.engine.value.TemplatePart;
import io.aepform.engine.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses strings with {@code ${...}} expressions into {@link Value.Template}s. {@code $${} is a
 * literal {@code ${}. Supported: {@code var.NAME}, {@code env.NAME}, {@code kind.name.attribute}.
 */
public final class ExpressionParser {
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private ExpressionParser() {}

  /** A plain string when {@code text} has no expression, else a template. */
  public static Value parse(String text, Position at) {
    if (!text.contains("${")) {
      return new Value.Str(text);
    }
    List<TemplatePart> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        literal.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = text.indexOf('}', i + 2);
        if (end < 0) {
          throw new ManifestException(at, "unterminated expression in \"" + text + "\": add '}'");
        }
        flush(literal, parts);
        parts.add(new TemplatePart.Ref(reference(text.substring(i + 2, end).trim(), at)));
        i = end + 1;
      } else {
        literal.append(text.charAt(i++));
      }
    }
    flush(literal, parts);
    boolean hasRef = parts.stream().anyMatch(p -> p instanceof TemplatePart.Ref);
    return hasRef ? new Value.Template(parts, text) : new Value.Str(literalText(parts));
  }

  private static Reference reference(String expr, Position at) {
    String[] segments = expr.split("\\.", -1);
    if (segments.length == 2 && segments[0].equals("var") && IDENT.matcher(segments[1]).matches()) {
      return Reference.var(segments[1]);
    }
    if (segments.length == 2 && segments[0].equals("env") && IDENT.matcher(segments[1]).matches()) {
      return Reference.env(segments[1]);
    }
    if (segments.length == 2 && segments[0].equals("platform")) {
      if (!PlatformFacts.NAMES.contains(segments[1])) {
        throw new ManifestException(
            at,
            "unknown platform fact \"${"
                + expr
                + "}\": expected one of "
                + PlatformFacts.NAMES.stream().map(n -> "${platform." + n + "}").toList()
                + Spelling.suggestion(segments[1], PlatformFacts.NAMES));
      }
      return Reference.platform(segments[1]);
    }
    if (segments.length == 3
        && IDENT.matcher(segments[0]).matches()
        && NAME.matcher(segments[1]).matches()
        && IDENT.matcher(segments[2]).matches()) {
      return Reference.resource(segments[0], segments[1], segments[2]);
    }
    throw new ManifestException(
        at,
        "invalid expression \"${"
            + expr
            + "}\": expected ${var.NAME}, ${env.NAME}, ${platform.tenantId} or"
            + " ${kind.name.attribute}"
            + " (write $${ for a literal ${)");
  }

  private static void flush(StringBuilder literal, List<TemplatePart> parts) {
    if (literal.length() > 0) {
      parts.add(new TemplatePart.Literal(literal.toString()));
      literal.setLength(0);
    }
  }

  private static String literalText(List<TemplatePart> parts) {
    StringBuilder sb = new StringBuilder();
    parts.forEach(p -> sb.append(((TemplatePart.Literal) p).text()));
    return sb.toString();
  }
}
