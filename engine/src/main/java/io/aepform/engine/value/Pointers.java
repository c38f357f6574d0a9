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
    for (String raw : pointer.substring(1).split("/", -1)) {
      tokens.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  /** The pointer to a child of {@code parent}. */
  public static String child(String parent, String token) {
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
