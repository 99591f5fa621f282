package io.deskbridge.core.escalation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of folded words, each a whole word or, ending with {@code *}, a prefix; matched exactly (no typos).
 * Immutable and thread-safe.
 */
final class WordSet {

  private final Set<String> words;
  private final List<String> prefixes;

  private WordSet(Set<String> words, List<String> prefixes) {
    this.words = words;
    this.prefixes = prefixes;
  }

  /** The set of these words and prefixes ({@code *} at the end), folded; duplicates are fine. */
  static WordSet of(String... entries) {
    var words = new HashSet<String>();
    var prefixes = new ArrayList<String>();
    for (var entry : entries) {
      var folded = Folding.fold(entry.strip());
      if (folded.endsWith("*")) {
        prefixes.add(folded.substring(0, folded.length() - 1));
      } else {
        words.add(folded);
      }
    }
    return new WordSet(Set.copyOf(words), List.copyOf(prefixes));
  }

  /** Whether this folded word is in the set. */
  boolean contains(String word) {
    if (words.contains(word)) {
      return true;
    }
    for (var prefix : prefixes) {
      if (word.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
