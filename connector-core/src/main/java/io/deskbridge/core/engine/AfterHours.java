package io.deskbridge.core.engine;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * What a customer handed over outside business hours is told, in en, cs, pl, sk and sl (other languages get
 * English), and the line for the agent. The time is written in the customer's language with its zone, so that a
 * customer elsewhere is not misled; the sentences avoid putting the weekday after a preposition, where Slavic
 * languages would inflect it.
 */
final class AfterHours {
  /** The tag a handover outside business hours carries besides the handover tag. */
  static final String TAG = "deskbridge_after_hours";

  private static final Map<String, String> SENTENCE = Map.of(
      "en", "Our team is not available right now; a colleague will reply once our working hours start (%s).",
      "cs", "Náš tým teď není k dispozici, kolega se vám ozve, jakmile začne pracovní doba (%s).",
      "pl", "Nasz zespół jest teraz niedostępny, konsultant odpowie, gdy zaczną się godziny pracy (%s).",
      "sk", "Náš tím teraz nie je k dispozícii, kolega sa vám ozve, keď začne pracovný čas (%s).",
      "sl", "Naša ekipa trenutno ni na voljo, sodelavec vam bo odgovoril, ko se začne delovni čas (%s).");

  private static final Map<String, String> PATTERN = Map.of(
      "en", "EEEE d MMMM, H:mm z",
      "cs", "EEEE d. MMMM, H:mm z",
      "pl", "EEEE, d MMMM, H:mm z",
      "sk", "EEEE d. MMMM, H:mm z",
      "sl", "EEEE, d. MMMM, H:mm z");

  private AfterHours() {}

  /** The sentence for the customer, in {@code language}, naming when people are back. */
  static String customerSentence(String language, ZonedDateTime opening) {
    String lang = SENTENCE.containsKey(language) ? language : "en";
    return SENTENCE.get(lang).formatted(when(lang, opening));
  }

  /** The line for the agent's note (in English, like the rest of the note). */
  static String agentLine(ZonedDateTime opening) {
    return "Outside business hours: the customer was told a colleague replies once working hours start ("
        + when("en", opening) + ").";
  }

  private static String when(String lang, ZonedDateTime opening) {
    return DateTimeFormatter.ofPattern(PATTERN.get(lang), Locale.forLanguageTag(lang)).format(opening);
  }
}
