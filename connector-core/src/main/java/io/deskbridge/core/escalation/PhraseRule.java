package io.deskbridge.core.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of the signals' phrase syntax, compiled; matched within one {@link Sentence}. The syntax, from simple to
 * full:
 *
 * <ul>
 *   <li>{@code complaint}: the whole word; {@code complain*}: any word starting with it; {@code legal action*}:
 *       words that follow each other. Case and accents do not matter.
 *   <li>{@code file|lodge|make}: any of these words in this place; an alternative of several words in a row is
 *       written with hyphens ({@code potřetí|po-třetí}), since a space starts the next place.
 *   <li>{@code cancel* .. order*|account*}: the second part follows the first with at most four words between
 *       ({@code ..2}: at most two). The words between may not contain a preposition that starts another part of
 *       the sentence ({@code from, for, in, on, at, about, z, od, na, w, v, pro, dla, iz, …}), so "remove an item
 *       from my order" is not "remove … order"; write the preposition into a part when it belongs there
 *       ({@code unsubscrib* from .. plan}), or use {@code ...} ({@code ...3}) to allow any words between, across
 *       commas too. In such rules a word of five or more letters (a prefix: six) also matches with one
 *       typo inside it (a letter missing, extra, wrong, or two letters swapped; {@code cancfel}, {@code acount}),
 *       and a word of four or more letters also matches run together with a short word such as "to", "my" or
 *       "a" ({@code tocancel}, {@code mynewsletter}).
 *   <li>{@code ^}: the rule's first word must open the sentence ({@code ^si|ste .. robot*}).
 *   <li>{@code !fee*|charge*}: exclusions; the rule does not match when one of these words stands between its
 *       parts or within four words before or after it (in the same clause) ({@code cancel* .. order* !fee*} ignores "the fee to cancel
 *       an order"). An entry of exclusions alone applies to every entry of its list.
 * </ul>
 *
 * A match lies within one clause of the sentence (commas and the like separate clauses). Immutable and
 * thread-safe.
 */
final class PhraseRule {

  /** Default most words between two parts of a rule. */
  static final int GAP = 4;

  /** How far around a match exclusions are looked for. */
  static final int WINDOW = 4;

  /**
   * The shortest word that is matched with a typo. A prefix ({@code stem*}) needs one letter more: a short stem
   * with one letter changed is too often another word ("remov*" and "recover").
   */
  static final int FUZZY_LENGTH = 5;

  /** The shortest word that is matched when run together with a short word ("totalk"). */
  static final int GLUED_LENGTH = 4;

  /**
   * Prepositions that introduce another argument; a gap between a rule's parts may not hold one. The five
   * languages' lists are merged: {@code z} is "from" in Czech and Polish, {@code in} is "and" in Slovene, which a
   * gap may lose without harm. Left out because they are also English words in product names: Czech {@code pro}
   * ("Pro account") and Slovak {@code pre} ("pre-order").
   */
  static final WordSet BLOCKERS = WordSet.of(
      "from", "for", "in", "on", "at", "about", "into", "onto", "after", "before", "than", "instead",
      "z", "ze", "zo", "od", "dla", "na", "v", "ve", "vo", "w", "we", "o", "po", "iz", "za");

  /**
   * Common words one letter away from a rule word ("taking" and "talking", "remote" and "remove", "compliant" and
   * "complaint", Polish "przyjąć" (accept) and "przejąć" (take over), Slovene "vodnik" (guide) and "voznik" (driver),
   * "osebno" (in person) and "osebo", "kontaktnú" (contact, adjective) and "kontaktu", Czech "přebírat" (collect) and
   * "prebrať"): they are words, not typos, and never match another word with a typo.
   */
  static final WordSet NOT_TYPOS = WordSet.of("taking", "walking", "stalking", "sneaking", "teaching", "steak",
      "charting", "contract", "contracts", "remote", "chose", "clone", "cloze", "cloning", "older", "odder",
      "compliant", "summit", "failing", "filling", "trail", "przyjąć", "przyjmie", "przyjął", "przyjęła", "vodnik",
      "vodnika", "vodniku", "vodnikom", "osobn*", "osebn*", "kontaktn*", "přebír*");

  /** Short words that get run together with the next or the previous one ("tocancel", "mynewsletter"). */
  private static final List<String> GLUED = List.of("to", "my", "the", "an", "a", "ur", "i");

  private static final Pattern GAP_TOKEN = Pattern.compile("(\\.\\.\\.?)(\\d?)");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final String source;
  private final List<List<Slot>> parts;
  private final int[] gaps;
  private final boolean[] free;
  private final Slot exclusions;
  private final boolean anchored;

  private PhraseRule(String source, List<List<Slot>> parts, int[] gaps, boolean[] free, Slot exclusions,
      boolean anchored) {
    this.source = source;
    this.parts = parts;
    this.gaps = gaps;
    this.free = free;
    this.exclusions = exclusions;
    this.anchored = anchored;
  }

  /**
   * Compiles one entry.
   *
   * @return the rule, or null for a blank entry
   * @throws IllegalArgumentException when the entry is malformed (a gap at either end or two in a row, a word with
   *                                  no letters or digits)
   */
  static PhraseRule parse(String entry) {
    return parse(entry, true);
  }

  /**
   * Compiles one entry, with or without typo tolerance in rules of several parts (the signals' own lexicons of
   * insults and swear words turn it off: "potom" is not a typo of "pitom*").
   *
   * @see #parse(String)
   */
  static PhraseRule parse(String entry, boolean typos) {
    var tokens = entry.strip().split("\\s+");
    if (tokens.length == 1 && tokens[0].isEmpty()) {
      return null;
    }
    var parts = new ArrayList<List<Slot>>();
    var gaps = new ArrayList<Integer>();
    var free = new ArrayList<Boolean>();
    var exclusions = new ArrayList<String>();
    var current = new ArrayList<Slot>();
    boolean anchored = false;
    int pendingGap = -1;
    for (var token : tokens) {
      var gap = GAP_TOKEN.matcher(token);
      if (token.startsWith("!")) {
        exclusions.addAll(List.of(token.substring(1).split("\\|")));
      } else if (gap.matches()) {
        if (current.isEmpty() || pendingGap >= 0) {
          throw new IllegalArgumentException("'" + entry + "': '..' must stand between two parts");
        }
        parts.add(current);
        current = new ArrayList<>();
        pendingGap = gap.group(2).isEmpty() ? GAP : Integer.parseInt(gap.group(2));
        free.add(gap.group(1).length() == 3);
      } else {
        if (token.startsWith("^")) {
          if (!parts.isEmpty() || !current.isEmpty()) {
            throw new IllegalArgumentException("'" + entry + "': '^' may only open the entry");
          }
          anchored = true;
          token = token.substring(1);
        }
        current.add(Slot.parse(token, entry));
        if (pendingGap >= 0) {
          gaps.add(pendingGap);
          pendingGap = -1;
        }
      }
    }
    if (pendingGap >= 0) {
      throw new IllegalArgumentException("'" + entry + "': '..' must stand between two parts");
    }
    if (!current.isEmpty()) {
      parts.add(current);
    }
    boolean fuzzy = typos && parts.size() > 1;
    var fuzzyParts = parts.stream().map(p -> p.stream().map(s -> s.fuzzy(fuzzy)).toList()).toList();
    var freeGaps = new boolean[free.size()];
    for (int i = 0; i < freeGaps.length; i++) {
      freeGaps[i] = free.get(i);
    }
    var excluded = exclusions.isEmpty() ? new Slot(List.of()) : Slot.parse(String.join("|", exclusions), entry);
    return new PhraseRule(entry.strip(), fuzzyParts, gaps.stream().mapToInt(Integer::intValue).toArray(), freeGaps,
        excluded.excluding(fuzzy), anchored);
  }

  /** Whether the entry holds exclusions only, for every entry of its list. */
  boolean exclusionOnly() {
    return parts.isEmpty();
  }

  /**
   * The first match starting at or after {@code from}, or null.
   *
   * @param more exclusions of the rule's list (see {@link #exclusionOnly()}), applied like the rule's own
   * @return {@code [start, end)} word positions
   */
  int[] find(Sentence sentence, int from, WordSet more) {
    if (parts.isEmpty()) {
      return null;
    }
    var words = sentence.words();
    for (int start = from; start < words.size() && !(anchored && start > 0); start++) {
      int end = match(sentence, 0, 0, start, sentence.clause(start), more);
      if (end >= 0 && !excludedAround(sentence, start, end, more)) {
        return new int[] {start, end};
      }
    }
    return null;
  }

  /**
   * The match starting exactly at {@code start}, or null; see {@link #find}.
   *
   * @return {@code [start, end)} word positions
   */
  int[] matchAt(Sentence sentence, int start, WordSet more) {
    if (parts.isEmpty() || (anchored && start > 0) || start >= sentence.words().size()) {
      return null;
    }
    int end = match(sentence, 0, 0, start, sentence.clause(start), more);
    return end >= 0 && !excludedAround(sentence, start, end, more) ? new int[] {start, end} : null;
  }

  /** The words that can open a match: the first word of each alternative of the first place; none if no parts. */
  List<Word> openingWords() {
    return parts.isEmpty() ? List.of() : parts.get(0).get(0).alternatives().stream().map(a -> a.get(0)).toList();
  }

  /** The short words {@link Word} lets a word be run together with. */
  static List<String> glued() {
    return GLUED;
  }

  @Override
  public String toString() {
    return source;
  }

  /**
   * The end of a match of the rule from this part and slot on at {@code pos}, or -1. The words matched and the
   * {@code ..} gaps stay in {@code clause}; a {@code ...} gap may end in another clause.
   */
  private int match(Sentence sentence, int part, int slot, int pos, int clause, WordSet more) {
    var words = sentence.words();
    var slots = parts.get(part);
    if (slot == slots.size()) {
      if (part == parts.size() - 1) {
        return pos;
      }
      for (int gap = 0; gap <= gaps[part] && pos + gap < words.size(); gap++) {
        if (gap > 0) {
          var between = words.get(pos + gap - 1);
          if ((!free[part] && BLOCKERS.contains(between)) || excluded(between, more)) {
            return -1;
          }
        }
        int next = pos + gap;
        if (!free[part] && sentence.clause(next) != clause) {
          return -1;
        }
        int end = match(sentence, part + 1, 0, next, free[part] ? sentence.clause(next) : clause, more);
        if (end >= 0) {
          return end;
        }
      }
      return -1;
    }
    for (var alternative : slots.get(slot).alternatives) {
      if (matches(alternative, sentence, pos, clause)) {
        int end = match(sentence, part, slot + 1, pos + alternative.size(), clause, more);
        if (end >= 0) {
          return end;
        }
      }
    }
    return -1;
  }

  private static boolean matches(List<Word> alternative, Sentence sentence, int pos, int clause) {
    var words = sentence.words();
    if (pos + alternative.size() > words.size()) {
      return false;
    }
    for (int i = 0; i < alternative.size(); i++) {
      if (sentence.clause(pos + i) != clause || !alternative.get(i).matches(words.get(pos + i))) {
        return false;
      }
    }
    return true;
  }

  private boolean excludedAround(Sentence sentence, int start, int end, WordSet more) {
    var words = sentence.words();
    for (int i = Math.max(0, start - WINDOW); i < Math.min(words.size(), end + WINDOW); i++) {
      if ((i < start || i >= end) && excluded(words.get(i), more)
          && (sentence.clause(i) == sentence.clause(start) || sentence.clause(i) == sentence.clause(end - 1))) {
        return true;
      }
    }
    return false;
  }

  private boolean excluded(String word, WordSet more) {
    for (var alternative : exclusions.alternatives()) {
      if (alternative.get(0).matches(word)) {
        return true;
      }
    }
    return more != null && more.contains(word);
  }

  /** One place of a rule: alternatives, each one word or several in a row ("don't" is "don", "t"). */
  private record Slot(List<List<Word>> alternatives) {

    static Slot parse(String token, String entry) {
      var alternatives = new ArrayList<List<Word>>();
      for (var alternative : token.split("\\|")) {
        var folded = Folding.fold(alternative);
        boolean prefix = folded.endsWith("*");
        var pieces = NOT_WORD.split(prefix ? folded.substring(0, folded.length() - 1) : folded);
        var words = new ArrayList<Word>();
        for (var piece : pieces) {
          if (!piece.isEmpty()) {
            words.add(new Word(piece, false, false));
          }
        }
        if (words.isEmpty()) {
          throw new IllegalArgumentException("'" + entry + "': '" + alternative + "' has no letters or digits");
        }
        if (prefix) {
          var last = words.remove(words.size() - 1);
          words.add(new Word(last.literal(), true, false));
        }
        alternatives.add(List.copyOf(words));
      }
      return new Slot(List.copyOf(alternatives));
    }

    Slot fuzzy(boolean fuzzy) {
      return new Slot(alternatives.stream()
          .map(a -> a.stream().map(w -> new Word(w.literal(), w.prefix(), fuzzy && w.literal().length() >= GLUED_LENGTH))
              .toList())
          .toList());
    }

    /** Exclusions take typos only as prefixes ("newsleter" for "newsletter*"; "change" is not "charge"). */
    Slot excluding(boolean fuzzy) {
      return new Slot(alternatives.stream()
          .map(a -> a.stream().map(w -> new Word(w.literal(), w.prefix(),
              fuzzy && w.prefix() && w.literal().length() >= FUZZY_LENGTH + 1)).toList())
          .toList());
    }
  }

  /**
   * A word or prefix, matched exactly, or (when {@code fuzzy}) with one typo inside it or run together with a short
   * word.
   */
  record Word(String literal, boolean prefix, boolean fuzzy) {

    boolean matches(String word) {
      if (prefix ? word.startsWith(literal) : word.equals(literal)) {
        return true;
      }
      int length = word.length();
      int wanted = literal.length();
      if (!fuzzy) {
        return false;
      }
      if (length > wanted && glued(word)) {
        return true;
      }
      if (wanted < FUZZY_LENGTH + (prefix ? 1 : 0) || length < wanted - 1 || (!prefix && length > wanted + 1)) {
        return false;
      }
      char first = word.charAt(0);
      if ((first != literal.charAt(0) && first != literal.charAt(1)) || NOT_TYPOS.contains(word)) {
        return false;
      }
      if (!prefix) {
        return oneTypo(word, length, literal);
      }
      for (int n = wanted - 1; n <= wanted + 1 && n <= length; n++) {
        if (oneTypo(word, n, literal)) {
          return true;
        }
      }
      return false;
    }

    /** Whether the word is this one run together with a short word before or after it ("tocancel", "filea"). */
    private boolean glued(String word) {
      int extra = word.length() - literal.length();
      for (var small : GLUED) {
        int n = small.length();
        if ((prefix || extra == n) && word.startsWith(small) && word.startsWith(literal, n)) {
          return true;
        }
        if (!prefix && extra == n && word.endsWith(small) && word.startsWith(literal)) {
          return true;
        }
      }
      return false;
    }

    /** {@link #oneTypo(String, int, String)} on the whole of {@code a}. */
    static boolean oneTypo(String a, String b) {
      return oneTypo(a, a.length(), b);
    }

    /**
     * Whether the first {@code la} letters of {@code a} are {@code b} with one letter missing, extra or wrong, or
     * two neighbours swapped, keeping the first and last letters in place unless they are the swapped pair
     * ("acncel", "cancfel"; not "border" for "order", "cancer" for "cancel"). Allocates nothing.
     */
    static boolean oneTypo(String a, int la, String b) {
      int lb = b.length();
      if (Math.abs(la - lb) > 1 || la == 0 || lb == 0) {
        return false;
      }
      if (la == lb) {
        int first = -1;
        int second = -1;
        for (int i = 0; i < la; i++) {
          if (a.charAt(i) != b.charAt(i)) {
            if (first < 0) {
              first = i;
            } else if (second < 0) {
              second = i;
            } else {
              return false;
            }
          }
        }
        if (first < 0) {
          return true;
        }
        if (second < 0) {
          return first > 0 && first < la - 1;
        }
        return second == first + 1 && a.charAt(first) == b.charAt(second) && a.charAt(second) == b.charAt(first);
      }
      int shorter = Math.min(la, lb);
      int i = 0;
      while (i < shorter && a.charAt(i) == b.charAt(i)) {
        i++;
      }
      if (i == 0 || i >= shorter) {
        return false; // the first or the last letter is the one missing or extra
      }
      // the rest after the extra letter must be equal: a[i+1..] = b[i..] when a is longer, else a[i..] = b[i+1..]
      int skipA = la > lb ? 1 : 0;
      int skipB = 1 - skipA;
      for (int k = i; k + skipA < la && k + skipB < lb; k++) {
        if (a.charAt(k + skipA) != b.charAt(k + skipB)) {
          return false;
        }
      }
      return true;
    }
  }
}
