package io.aepform.engine.value;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.TreeSet;

/** "Did you mean ...?": the closest of some known words to a misspelt one. */
public final class Spelling {
  private Spelling() {}

  /**
   * The known word closest to {@code typed}, when it is close enough to be a typo: at most a third
   * of its letters differ (at least one, at most three edits), or one is a prefix of the other.
   */
  public static Optional<String> closest(String typed, Collection<String> known) {
    int limit = Math.max(1, Math.min(3, typed.length() / 3));
    return known.stream()
        .filter(k -> !k.equals(typed))
        .map(k -> new Candidate(k, distance(typed.toLowerCase(), k.toLowerCase())))
        .filter(c -> c.distance() <= limit || prefix(typed, c.word()))
        .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::word))
        .map(Candidate::word);
  }

  /** {@code ": did you mean 'x'?"}, or {@code ""} when nothing is close. */
  public static String suggestion(String typed, Collection<String> known) {
    return closest(typed, known).map(k -> ": did you mean '" + k + "'?").orElse("");
  }

  /**
   * {@code 'typed': did you mean 'x'? Expected one of [...]}, or {@code 'typed': expected one of
   * [...]} when nothing is close: how an unknown word is reported.
   */
  public static String unknown(String typed, Collection<String> known) {
    String all = new TreeSet<>(known).toString();
    return "'"
        + typed
        + "'"
        + closest(typed, known)
            .map(k -> ": did you mean '" + k + "'? Expected one of " + all)
            .orElse(": expected one of " + all);
  }

  private record Candidate(String word, int distance) {}

  private static boolean prefix(String a, String b) {
    return Math.min(a.length(), b.length()) >= 4
        && (a.toLowerCase().startsWith(b.toLowerCase())
            || b.toLowerCase().startsWith(a.toLowerCase()));
  }

  /** Levenshtein distance with adjacent transpositions counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
