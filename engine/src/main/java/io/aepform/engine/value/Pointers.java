package io.aepform.engine.value;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON Pointers, as used for positions, diffs and {@code ignoreChanges}. */
public final class Pointers {
  private Pointers() {}

  /** The unescaped tokens of a pointer; {@code ""} is the root. */
  public static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    if (pointer.isEmpty()) {
      return tokens;
    }
    if (!pointer.startsWith("/")) {
      throw new IllegalArgumentException("a JSON Pointer starts with '/': " + pointer);
    }
    int start = 1;
    while (true) {
      int slash = pointer.indexOf('/', start);
      String raw = pointer.substring(start, slash < 0 ? pointer.length() : slash);
      tokens.add(raw.indexOf('~') < 0 ? raw : raw.replace("~1", "/").replace("~0", "~"));
      if (slash < 0) {
        return tokens;
      }
      start = slash + 1;
    }
  }

  /** The pointer to a child of {@code parent}. */
  public static String child(String parent, String token) {
    if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
      return parent + "/" + token;
    }
    return parent + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  /** The pointer to an array element of {@code parent}. */
  public static String child(String parent, int index) {
    return parent + "/" + index;
  }

  static boolean isIndex(String token, int size) {
    if (token.isEmpty() || token.length() > 9 || !token.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return Integer.parseInt(token) < size;
  }
}
