package io.deskbridge.core.api;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a written reply into one a voicebot can speak: links and Markdown go, dates, times and numbers are written
 * out as words in the reply's language (ICU4J's {@link RuleBasedNumberFormat} spell-out rules; English, Czech, Polish,
 * Slovak and Slovene among many), long digit runs (order and phone numbers) are read digit by digit, and the text is
 * cut to its first {@value #MAX_SENTENCES} sentences. Pure and thread-safe.
 */
final class Speech {
  /** Sentences kept: a spoken answer should be short. */
  static final int MAX_SENTENCES = 2;
  /** Digit runs at least this long are read digit by digit (order numbers, phone numbers), not as an amount. */
  private static final int DIGIT_BY_DIGIT = 5;

  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern URL = Pattern.compile("(https?://|www\\.)\\S+");
  private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern DOTTED_DATE = Pattern.compile("\\b(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})\\b");
  private static final Pattern TIME = Pattern.compile("\\b([01]?\\d|2[0-3]):([0-5]\\d)\\b");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

  private Speech() {}

  /**
   * The speakable form of {@code text}.
   *
   * @param language the reply's language (ISO 639-1); an unknown one is spoken as English
   */
  static String speakable(String text, String language) {
    var locale = new ULocale(language == null || language.isBlank() ? "en" : language.toLowerCase(Locale.ROOT));
    var lines = new ArrayList<String>();
    for (String line : text.split("\\R")) {
      String plain = MARKDOWN_LINK.matcher(line).replaceAll("$1");
      boolean hadUrl = URL.matcher(plain).find();
      plain = URL.matcher(plain).replaceAll("");
      plain = plain.replaceAll("^\\s*(#+|[-*•]|\\d+\\.)\\s+", "").replaceAll("[*_`>#]", "").strip();
      if (plain.isEmpty() || (hadUrl && plain.split("\\s+").length <= 3)) {
        continue; // a line that was a link ("More: https://…") says nothing when spoken
      }
      lines.add(plain);
    }
    // dates first: their dots ("4. 12. 2026") are not sentence ends
    String joined = dates(String.join(" ", lines).replaceAll("\\s+", " ").strip(), locale);
    var sentences = SENTENCE_END.split(joined);
    String shortened = String.join(" ", List.of(sentences).subList(0, Math.min(MAX_SENTENCES, sentences.length)));
    return numbers(times(shortened, locale), locale).replace("\u00ad", "").replaceAll("\\s+", " ").strip();
  }

  private static RuleBasedNumberFormat spellout(ULocale locale) {
    return new RuleBasedNumberFormat(locale, RuleBasedNumberFormat.SPELLOUT);
  }

  private static String spell(ULocale locale, long number, String ruleSet) {
    var f = spellout(locale);
    for (String name : f.getRuleSetNames()) {
      if (name.equals(ruleSet)) {
        return f.format(number, ruleSet);
      }
    }
    return f.format(number);
  }

  private static String dates(String text, ULocale locale) {
    String out = replace(ISO_DATE, text, m -> date(locale, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)), m.group()));
    return replace(DOTTED_DATE, out, m -> date(locale, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(1)), m.group()));
  }

  /** A date as words: "December fourth, twenty twenty-six"; elsewhere the day, the month's name, the year. */
  private static String date(ULocale locale, int year, int month, int day, String original) {
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return original;
    }
    String monthName = DateFormatSymbols.getInstance(locale)
        .getMonths(DateFormatSymbols.FORMAT, DateFormatSymbols.WIDE)[month - 1];
    String yearWords = spell(locale, year, "%spellout-numbering-year");
    if (locale.getLanguage().equals("en")) {
      return monthName + " " + spell(locale, day, "%spellout-ordinal") + ", " + yearWords;
    }
    return spell(locale, day, "%spellout-numbering") + " " + monthName + " " + yearWords;
  }

  private static String times(String text, ULocale locale) {
    return replace(TIME, text, m -> {
      String hour = spell(locale, Integer.parseInt(m.group(1)), "%spellout-numbering");
      int minutes = Integer.parseInt(m.group(2));
      return minutes == 0 ? hour : hour + " " + spell(locale, minutes, "%spellout-numbering");
    });
  }

  private static String numbers(String text, ULocale locale) {
    return replace(NUMBER, text, m -> {
      String n = m.group();
      if (n.matches("\\d+") && (n.length() >= DIGIT_BY_DIGIT || (n.length() > 1 && n.startsWith("0")))) {
        var digits = new ArrayList<String>();
        n.chars().forEach(c -> digits.add(spell(locale, c - '0', "%spellout-numbering")));
        return String.join(" ", digits);
      }
      var f = spellout(locale);
      return n.matches("\\d+") ? f.format(Long.parseLong(n)) : f.format(new BigDecimal(n.replace(',', '.')));
    });
  }

  private interface Replacement {
    String apply(Matcher m);
  }

  private static String replace(Pattern pattern, String text, Replacement replacement) {
    var m = pattern.matcher(text);
    var out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
