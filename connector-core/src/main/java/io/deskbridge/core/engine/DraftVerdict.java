package io.deskbridge.core.engine;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.CosineSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * What an agent did with the bot's draft, read from the public reply they sent after it: sent it as drafted, edited
 * it, or replaced it. Pure and thread-safe.
 *
 * <p>Both texts are compared after Unicode NFKC, lower case and collapsed white space:
 * <ul>
 *   <li>{@link #SENT_AS_DRAFTED}: at most {@value #AS_DRAFTED_CHANGE} of the longer text's characters differ (the
 *       Levenshtein distance, Apache Commons Text): a fixed typo, punctuation, a name filled in, but not an added
 *       sentence (a greeting and a sign-off around a 300-character reply are about 10 %);</li>
 *   <li>{@link #EDITED}: otherwise, when the cosine similarity of the two texts' word counts is at least
 *       {@value #EDITED_WORDS}: the agent kept the draft's wording and added or removed some (the draft kept whole with
 *       an added paragraph of the same length scores about 0.7);</li>
 *   <li>{@link #REPLACED}: below that: another answer, whose words the draft shares only in passing.</li>
 * </ul>
 */
public enum DraftVerdict {
  SENT_AS_DRAFTED,
  EDITED,
  REPLACED;

  /** The share of changed characters up to which a reply counts as sent as drafted. */
  public static final double AS_DRAFTED_CHANGE = 0.05;
  /** The word cosine similarity from which a reply counts as an edit of the draft. */
  public static final double EDITED_WORDS = 0.5;
  /** Texts are compared on at most this many characters each (the Levenshtein distance is quadratic). */
  static final int MAX_CHARS = 20_000;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  /** The code written in metrics, audit records and the verdicts file: {@code sent_as_drafted} and so on. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The comparison of a draft with the reply sent.
   *
   * @param verdict    what the agent did
   * @param characters 1 minus the Levenshtein distance over the longer text's length, when within the bound of
   *                   {@link #SENT_AS_DRAFTED}; else 0 (the distance is not computed beyond that bound)
   * @param words      the cosine similarity of the word counts, in [0, 1]
   */
  public record Comparison(DraftVerdict verdict, double characters, double words) {}

  /** Compares the bot's draft with the agent's public reply. */
  public static Comparison compare(String draft, String sent) {
    String a = normalize(draft);
    String b = normalize(sent);
    int longer = Math.max(a.length(), b.length());
    double characters = 1;
    if (longer > 0) {
      int allowed = (int) Math.floor(longer * AS_DRAFTED_CHANGE);
      int distance = new LevenshteinDistance(allowed).apply(a, b); // -1: more than allowed
      characters = distance < 0 ? 0 : 1 - (double) distance / longer;
    }
    double words = words(a, b);
    if (characters > 0) {
      return new Comparison(SENT_AS_DRAFTED, characters, words);
    }
    return new Comparison(words >= EDITED_WORDS ? EDITED : REPLACED, characters, words);
  }

  private static double words(String a, String b) {
    var left = counts(a);
    var right = counts(b);
    if (left.isEmpty() || right.isEmpty()) {
      return left.isEmpty() && right.isEmpty() ? 1 : 0;
    }
    return new CosineSimilarity().cosineSimilarity(left, right);
  }

  private static Map<CharSequence, Integer> counts(String text) {
    var counts = new HashMap<CharSequence, Integer>();
    var m = WORD.matcher(text);
    while (m.find()) {
      counts.merge(m.group(), 1, Integer::sum);
    }
    return counts;
  }

  private static String normalize(String text) {
    String t = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    t = SPACE.matcher(t).replaceAll(" ").strip();
    return t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t;
  }
}
