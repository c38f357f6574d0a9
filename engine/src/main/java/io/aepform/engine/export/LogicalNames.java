package io.aepform.engine.export;

import io.aepform.engine.manifest.Address;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Logical names derived from remote names: {@code "S3 Base Connection"} becomes {@code
 * s3_base_connection}. Names are unique per kind: a name already given gets {@code _2}, {@code _3},
 * ... in the order names are asked for.
 */
final class LogicalNames {
  private final String fallback;
  private final Set<String> taken = new HashSet<>();

  /** {@code kind} names what a remote name without letters or digits becomes. */
  LogicalNames(String kind) {
    this.fallback = snake(kind);
  }

  /** A fresh logical name for the remote name. */
  String next(String remoteName) {
    String base = base(remoteName, fallback);
    String name = base;
    for (int n = 2; !taken.add(name); n++) {
      name = base + "_" + n;
    }
    return name;
  }

  /** The name rule applied to one remote name, without uniqueness. */
  static String base(String remoteName, String fallback) {
    String ascii =
        Normalizer.normalize(remoteName, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    String name = ascii.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (name.isEmpty()) {
      return fallback;
    }
    // a logical name starts with a letter: "2024 leads" becomes dataset_2024_leads
    String out = Character.isDigit(name.charAt(0)) ? fallback + "_" + name : name;
    if (!Address.NAME.matcher(out).matches()) {
      throw new IllegalStateException("derived an invalid logical name: " + out);
    }
    return out;
  }

  /** {@code sourceConnection} as {@code source_connection}. */
  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
