package io.deskbridge.core.bot;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Detects English, Czech, Polish, Slovak or Slovene in short customer messages, deterministically and in process.
 *
 * <p>The statistical model is Lingua's, restricted to the five languages, in its low-accuracy mode (trigram models
 * only). The two languages it rates highest are weighed once more on {@link FrequentWords}' hand-written evidence:
 * the letters and frequent words that only one of the two uses ("jsem", "chci", "ř" against "som", "chcem", "ô"), so
 * that Czech and Slovak typed without diacritics ("kdy prijde balik" / "kedy pride balik") are told apart. The
 * model's choice stands unless the other has strictly more. Text the model cannot place gets {@link
 * FrequentWords#guess}; text without evidence has no language. Why this mode and this check, and their accuracy:
 * docs/quality.md, "Language detection".
 *
 * <p>The model is loaded once per process, when the first detector is created (so during start-up, not on the first
 * customer message), and shared. Immutable and thread-safe.
 */
public final class LanguageDetector {

  /** The languages it can tell apart, as ISO 639-1 codes. */
  public static final List<String> SUPPORTED = List.of("en", "cs", "pl", "sk", "sl");

  private static final Map<Language, String> CODES = Map.of(Language.ENGLISH, "en", Language.CZECH, "cs",
      Language.POLISH, "pl", Language.SLOVAK, "sk", Language.SLOVENE, "sl");

  private final String defaultLanguage;
  private final com.github.pemistahl.lingua.api.LanguageDetector model;

  /** @param defaultLanguage returned when the text shows no evidence; any ISO 639-1 code */
  public LanguageDetector(String defaultLanguage) {
    this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
    this.model = Model.INSTANCE;
  }

  /** The text's language, or the default language when the text shows no evidence. */
  public String detect(String text) {
    return guess(text).orElse(defaultLanguage);
  }

  /**
   * The text's language, or empty when the text shows no evidence for any language: no letter or frequent word of
   * one of them, and fewer than two ordinary words. Names, codes and numbers alone ("iPhone 15", "Brno",
   * "SUMMER20", "#48213") are no evidence, so that a follow-up message like that keeps the conversation's language.
   */
  public Optional<String> guess(String text) {
    var hint = FrequentWords.guess(text);
    if (hint.isEmpty() && ordinaryWords(text) < 2) {
      return Optional.empty();
    }
    var ranked = model.computeLanguageConfidenceValues(text).keySet().iterator();
    if (!ranked.hasNext()) {
      return hint;
    }
    var first = CODES.get(ranked.next());
    if (!ranked.hasNext()) {
      return Optional.of(first);
    }
    var second = CODES.get(ranked.next());
    return Optional.of(FrequentWords.evidenceAgainst(text, second, first)
        > FrequentWords.evidenceAgainst(text, first, second) ? second : first);
  }

  /**
   * Words of two or more letters in lower case, capitalised only at the start of a sentence: what running text is
   * made of, unlike names ("Galaxy"), brands ("iPhone") and codes ("DPD", "S23"). A text all in capitals counts as
   * lower case.
   */
  static int ordinaryWords(String text) {
    var t = text.equals(text.toUpperCase(Locale.ROOT)) ? text.toLowerCase(Locale.ROOT) : text;
    var words = WORD.matcher(t);
    int count = 0;
    int end = 0;
    while (words.find()) {
      boolean sentenceStart = end == 0 || SENTENCE_END.matcher(t.substring(end, words.start())).find();
      var word = words.group();
      var rest = sentenceStart ? word.substring(word.offsetByCodePoints(0, 1)) : word;
      if (word.codePointCount(0, word.length()) >= 2 && word.codePoints().allMatch(Character::isLetter)
          && rest.codePoints().noneMatch(Character::isUpperCase)) {
        count++;
      }
      end = words.end();
    }
    return count;
  }

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?\\n]");

  /** True when the folded word is one of the frequent words of a supported language ("the", "jsem", "jest"). */
  static boolean isFrequentWord(String foldedWord) {
    return FrequentWords.isFrequent(foldedWord);
  }

  /** Lingua over the five languages, low-accuracy mode, models loaded up front; built on first use. */
  private static final class Model {
    static final com.github.pemistahl.lingua.api.LanguageDetector INSTANCE =
        LanguageDetectorBuilder.fromLanguages(CODES.keySet().toArray(Language[]::new))
            .withLowAccuracyMode()
            .withPreloadedLanguageModels()
            .build();
  }
}
