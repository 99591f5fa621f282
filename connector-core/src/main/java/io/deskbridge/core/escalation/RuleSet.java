package io.deskbridge.core.escalation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules indexed by the words that can open them, so that a sentence is matched against the few rules one of its
 * words can start rather than against all of them at every position. Immutable and thread-safe.
 */
final class RuleSet {

  /** The length of the keys under which prefixes are indexed. */
  private static final int KEY = 3;

  private final List<PhraseRule> rules;
  private final List<WordSet> extraExclusions;
  private final Map<String, List<Opening>> words = new HashMap<>();
  private final Map<String, List<Opening>> prefixes = new HashMap<>();
  private final List<Opening> shortPrefixes = new ArrayList<>();
  private final Map<Character, List<Opening>> tolerant = new HashMap<>();

  private record Opening(PhraseRule.Word word, int rule) {}

  RuleSet(List<PhraseRule> rules) {
    this(rules, null);
  }

  /**
   * @param extraExclusions for each rule, exclusions applied on top of its own (those of its list), or null for
   *                        none at all
   */
  RuleSet(List<PhraseRule> rules, List<WordSet> extraExclusions) {
    this.rules = List.copyOf(rules);
    this.extraExclusions = extraExclusions == null ? null : List.copyOf(extraExclusions);
    for (int r = 0; r < this.rules.size(); r++) {
      for (var word : this.rules.get(r).openingWords()) {
        var opening = new Opening(word, r);
        var literal = word.literal();
        if (!word.prefix()) {
          words.computeIfAbsent(literal, k -> new ArrayList<>()).add(opening);
        } else if (literal.length() >= KEY) {
          prefixes.computeIfAbsent(literal.substring(0, KEY), k -> new ArrayList<>()).add(opening);
        } else {
          shortPrefixes.add(opening);
        }
        if (word.fuzzy()) {
          // a typo keeps the first letter, or swaps it with the second; a word glued after starts with it too
          tolerant.computeIfAbsent(literal.charAt(0), k -> new ArrayList<>()).add(opening);
          if (literal.length() > 1 && literal.charAt(1) != literal.charAt(0)) {
            tolerant.computeIfAbsent(literal.charAt(1), k -> new ArrayList<>()).add(opening);
          }
        }
      }
    }
  }

  /** A set of rules compiled from entries ({@link PhraseRule} syntax); blank entries are skipped. */
  static RuleSet of(boolean typos, String... entries) {
    var rules = new ArrayList<PhraseRule>();
    for (var entry : entries) {
      var rule = PhraseRule.parse(entry, typos);
      if (rule != null) {
        rules.add(rule);
      }
    }
    return new RuleSet(rules);
  }

  /**
   * Every match in the sentence as {@code {rule, start, end}}, {@code rule} being the rule's index: for each rule
   * (in order) its matches by start, possibly overlapping.
   */
  List<int[]> matches(Sentence sentence) {
    var candidates = new BitSet[rules.size()];
    var tokens = sentence.words();
    for (int i = 0; i < tokens.size(); i++) {
      var token = tokens.get(i);
      mark(candidates, words.get(token), token, i);
      if (token.length() >= KEY) {
        mark(candidates, prefixes.get(token.substring(0, KEY)), token, i);
      }
      mark(candidates, shortPrefixes, token, i);
      mark(candidates, tolerant.get(token.charAt(0)), token, i);
      for (var small : PhraseRule.glued()) {
        if (token.length() > small.length() && token.startsWith(small)) {
          mark(candidates, tolerant.get(token.charAt(small.length())), token, i);
        }
      }
    }
    var found = new ArrayList<int[]>();
    for (int r = 0; r < candidates.length; r++) {
      if (candidates[r] == null) {
        continue;
      }
      for (int start = candidates[r].nextSetBit(0); start >= 0; start = candidates[r].nextSetBit(start + 1)) {
        var match = rules.get(r).matchAt(sentence, start, extraExclusions == null ? null : extraExclusions.get(r));
        if (match != null) {
          found.add(new int[] {r, match[0], match[1]});
        }
      }
    }
    return found;
  }

  private static void mark(BitSet[] candidates, List<Opening> openings, String token, int position) {
    if (openings == null) {
      return;
    }
    for (var opening : openings) {
      if (opening.word().matches(token)) {
        if (candidates[opening.rule()] == null) {
          candidates[opening.rule()] = new BitSet();
        }
        candidates[opening.rule()].set(position);
      }
    }
  }
}
