package io.deskbridge.core.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Suggests the known name closest to a misspelt one, for "did you mean" in configuration errors. */
public final class DidYouMean {
  private DidYouMean() {}

  /**
   * The candidate with the smallest edit distance to {@code typed} (case-insensitive), when that distance is at
   * most a third of the longer name (at least 2); empty when nothing is that close.
   */
  public static Optional<String> closest(String typed, Collection<String> candidates) {
    String t = typed.toLowerCase(Locale.ROOT);
    return candidates.stream()
        .map(c -> new Scored(c, distance(t, c.toLowerCase(Locale.ROOT))))
        .filter(s -> s.distance() <= Math.max(2, Math.max(t.length(), s.name().length()) / 3))
        .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
        .map(Scored::name);
  }

  private record Scored(String name, int distance) {}

  /** Levenshtein distance (insert, delete, substitute, each 1), two rows. */
  public static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
