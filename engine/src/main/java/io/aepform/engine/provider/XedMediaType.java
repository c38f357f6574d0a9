package io.aepform.engine.provider;

import io.aepform.engine.value.Value;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XDM media types ({@code application/vnd.adobe.xed-full-notext+json; version=1}). Catalog answers
 * a dataset's {@code schemaRef.contentType} in its own form: catalog/api/filter-data.md lists
 * {@code application/vnd.adobe.xed+json;version=1}, and catalog/datasets/enable-for-profile.md
 * reads back {@code application/vnd.adobe.xed+json} for a dataset created with {@code
 * xed-full-notext+json; version=1}. The schema is the same while the major version is.
 */
final class XedMediaType {
  private static final Pattern XED =
      Pattern.compile(
          "application/vnd\\.adobe\\.xed(-[a-z-]+)?\\+json\\s*(;\\s*version\\s*=\\s*([0-9]+)[0-9.]*)?",
          Pattern.CASE_INSENSITIVE);

  private XedMediaType() {}

  /** True when both are XDM media types of the same major version (or one names none). */
  static boolean sameSchemaVersion(Value applied, Value remote) {
    Optional<Optional<String>> a = major(applied);
    Optional<Optional<String>> r = major(remote);
    if (a.isEmpty() || r.isEmpty()) {
      return false;
    }
    return a.get().isEmpty() || r.get().isEmpty() || a.get().equals(r.get());
  }

  /** Empty when not an XDM media type; else its major version, if it names one. */
  private static Optional<Optional<String>> major(Value v) {
    if (!(v instanceof Value.Str s)) {
      return Optional.empty();
    }
    Matcher m = XED.matcher(s.value().strip());
    return m.matches() ? Optional.of(Optional.ofNullable(m.group(3))) : Optional.empty();
  }
}
