package io.deskbridge.core.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One sentence of a message as {@linkplain Folding#fold folded} words, the unit the signals' rules match in. It
 * remembers where commas and similar marks cut it into clauses, so that a negation does not reach across them ("No,
 * I want to cancel"). Immutable and thread-safe.
 */
final class Sentence {

  /** Sentence ends: runs of {@code . ! ? ;}, the ellipsis and line breaks. */
  private static final Pattern END = Pattern.compile("[.!?;\u2026\\n\\r]+");

  /** How many filler words may stand between a negation and what it negates ("not want to cancel"). */
  private static final int NEGATION_REACH = 4;

  /**
   * Words that negate what follows: English (with "n't" split off as {@code t}), Czech, Slovak, Polish, Slovene.
   * Czech and Slovak mostly negate with the prefix {@code ne-} on the verb itself ("nechci", "nezrušíme"), which
   * simply does not match the positive word.
   */
  private static final WordSet NEGATORS = WordSet.of(
      "not", "no", "never", "t", "dont", "didnt", "doesnt", "wont", "isnt", "arent", "wasnt", "havent", "hasnt",
      "neither", "nor", "without",
      "ne", "nechci", "nechceme", "nechtěl*", "nikdy", "žádn*", "bez",
      "nechcem", "nechcel*", "žiadn*",
      "nie", "nigdy", "żadn*",
      "nočem", "nočemo", "nikoli", "nikdar", "noben*");

  /** Negated modals ("can't cancel", "couldn't reach") keep the wish: the customer wants it and cannot do it. */
  private static final WordSet MODALS = WordSet.of("can", "could", "ca");

  /**
   * Words that may stand between a negation and the word it negates: auxiliaries, volition, articles, pronouns and
   * light verbs ("don't want to file a complaint", "nechci podávat stížnost", "nie chcę anulować").
   */
  private static final WordSet FILLERS = WordSet.of(
      "to", "a", "an", "the", "any", "my", "your", "this", "that", "it", "i", "we", "you", "me", "be", "been",
      "want", "wanna", "need", "wish", "like", "intend", "plan", "going", "gonna", "try", "trying", "really",
      "actually", "yet", "do", "have", "make", "file", "lodge", "submit", "raise", "at", "all", "so", "too", "very",
      "that", "is", "was", "s",
      "chci", "chtěl*", "bych", "potřebuj*", "musím", "hodlám", "budu", "se", "si", "to", "mi", "vám", "moc",
      "podat", "podávat", "příliš", "tak",
      "chcę", "chciał*", "bym", "potrzebuj*", "muszę", "będę", "się", "zamierzam", "mi", "wam", "złożyć", "składać",
      "jest", "za", "aż",
      "chcem", "chcel*", "by", "som", "potrebujem", "budem", "sa", "podať", "je", "veľmi",
      "želim", "hočem", "bi", "rad", "rada", "moram", "bom", "vložiti", "oddati", "preveč", "zelo");

  /** Where letters meet digits ("order123"): the words are cut there. */
  private static final Pattern LETTERS_DIGITS = Pattern.compile("(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");

  /** Clause breaks inside a sentence. */
  private static final Pattern BREAK = Pattern.compile("[,:()\"\u2013\u2014]|\\s-\\s");

  private final List<String> words;
  private final int[] clauses;
  private final boolean question;

  private Sentence(List<String> words, int[] clauses, boolean question) {
    this.words = List.copyOf(words);
    this.clauses = clauses;
    this.question = question;
  }

  /** The sentences of the text, in order; none for blank text. */
  static List<Sentence> split(String text) {
    var sentences = new ArrayList<Sentence>();
    var m = END.matcher(text);
    int from = 0;
    while (from < text.length()) {
      boolean found = m.find(from);
      int end = found ? m.start() : text.length();
      var words = new ArrayList<String>();
      var clauses = new ArrayList<Integer>();
      var parts = BREAK.split(text.substring(from, end));
      int clause = 0;
      boolean join = false;
      for (int c = 0; c < parts.length; c++) {
        var partWords = Folding.words(parts[c]);
        boolean aside = c > 0 && politeAside(partWords);
        if (c > 0 && !aside && !join) {
          clause++;
        }
        join = aside;
        if (aside) {
          continue;
        }
        for (var word : partWords) {
          for (var piece : LETTERS_DIGITS.split(word)) {
            words.add(piece);
            clauses.add(clause);
          }
        }
      }
      if (!words.isEmpty()) {
        sentences.add(new Sentence(words, clauses.stream().mapToInt(Integer::intValue).toArray(),
            found && m.group().indexOf('?') >= 0));
      }
      from = found ? m.end() : text.length();
    }
    return sentences;
  }

  /**
   * Whether a part between commas is only a word of politeness ("please", "prosím vás", "proszę"), which the
   * customer sets off without ending the clause: it is left out, and "Spojte ma, prosím, s poradkyňou" is one clause,
   * "Spojte ma s poradkyňou".
   */
  private static boolean politeAside(List<String> words) {
    if (words.isEmpty() || words.size() > 3) {
      return false;
    }
    boolean please = false;
    for (var word : words) {
      if (PLEASE.contains(word)) {
        please = true;
      } else if (!PLEASE_COMPANIONS.contains(word)) {
        return false;
      }
    }
    return please;
  }

  /** Words of politeness that a customer sets off with commas, in the five languages. */
  private static final WordSet PLEASE = WordSet.of("please", "pls", "plz", "kindly", "prosím", "proszę", "prosim");

  /** Words that may stand beside "please" in such an aside ("prosím vás", "proszę pana", "lepo prosim"). */
  private static final WordSet PLEASE_COMPANIONS = WordSet.of("vás", "vas", "ťa", "tě", "te", "pana", "panią",
      "państwa", "bardzo", "pěkně", "pekne", "lepo", "moc", "very", "kindly");

  /** The sentence's words (runs of letters, runs of digits), folded; never empty. */
  List<String> words() {
    return words;
  }

  /** The index of the clause (0, 1, …) holding the word at this position; commas and the like separate clauses. */
  int clause(int position) {
    return clauses[position];
  }

  /** Whether the sentence ends with a question mark. */
  boolean question() {
    return question;
  }

  /**
   * Whether the word at {@code start} is negated: a negation stands before it with at most
   * {@value #NEGATION_REACH} filler words between ("I do not want to cancel", "no complaints", "nie chcę
   * anulować"). A negated "can" or "could" does not count ("I can't cancel my order" still wants to cancel).
   */
  boolean negated(int start) {
    for (int i = start - 1; i >= 0 && start - i <= NEGATION_REACH + 1 && clauses[i] == clauses[start]; i--) {
      var word = words.get(i);
      if (NEGATORS.contains(word)) {
        return !((word.equals("t") || word.equals("not")) && i > 0 && MODALS.contains(words.get(i - 1)));
      }
      if (!FILLERS.contains(word)) {
        return false;
      }
    }
    return false;
  }
}
