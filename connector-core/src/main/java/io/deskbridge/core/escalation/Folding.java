package io.deskbridge.core.escalation;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Accent- and case-insensitive text matching shared by the signals and retrieval: {@code "Stížnost"} and
 * {@code "stiznost"} fold to the same text, and so do {@code "Człowiek"} and {@code "czlowiek"}. Stateless and
 * thread-safe.
 */
public final class Folding {

  private Folding() {}

  /** The text in lower case with diacritics removed ({@code ł} becomes {@code l}); never null. */
  public static String fold(CharSequence text) {
    var decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    var sb = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      switch (c) {
        case 'ł', 'Ł' -> sb.append('l');
        case 'đ', 'Đ' -> sb.append('d');
        case 'ß' -> sb.append("ss");
        default -> sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  /** The folded text's words (runs of letters and digits), in order. */
  public static List<String> words(CharSequence text) {
    return List.of(fold(text).split("[^\\p{L}\\p{N}]+")).stream().filter(w -> !w.isEmpty()).toList();
  }

  /**
   * One pattern, to be run on {@linkplain #fold folded} text, that finds any of these phrases. A phrase is one or
   * more words separated by spaces; each word matches a whole word, or any word starting with it when it ends
   * with {@code *}; the words of a phrase must follow each other, separated by anything but letters and digits.
   * Case and accents in the phrases do not matter. Blank phrases are ignored; no phrases match nothing.
   */
  static Pattern phrases(Collection<String> phrases) {
    var alternatives = phrases.stream().map(String::strip).filter(p -> !p.isEmpty())
        .map(Folding::phrase).distinct().collect(Collectors.joining("|"));
    return Pattern.compile(alternatives.isEmpty() ? "(?!)" : "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")");
  }

  private static String phrase(String phrase) {
    return List.of(fold(phrase).split("\\s+")).stream().map(word -> {
      var prefix = word.endsWith("*");
      var stem = Pattern.quote(prefix ? word.substring(0, word.length() - 1) : word);
      return stem + (prefix ? "[\\p{L}\\p{N}]*" : "(?![\\p{L}\\p{N}])");
    }).collect(Collectors.joining("[^\\p{L}\\p{N}]+"));
  }
}
