package io.deskbridge.core.engine;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * What a customer handed over while nobody can answer is told (outside business hours, or with nobody online as the
 * vendor reports it), in en, cs, pl, sk and sl (other languages get English), and the line for the agent. The time is written in the customer's language with its zone, so that a
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

  /** The tag a handover with nobody online (the vendor's word) carries besides the handover tag. */
  static final String NOBODY_ONLINE_TAG = "deskbridge_no_agents_online";

  private static final Map<String, String> NOBODY_ONLINE = Map.of(
      "en", "No colleague is online right now; the first one available will reply here.",
      "cs", "Momentálně není nikdo z kolegů online, odpoví vám první, kdo bude k dispozici.",
      "pl", "W tej chwili żaden konsultant nie jest dostępny, odpowie pierwszy, który będzie wolny.",
      "sk", "Momentálne nie je nikto z kolegov online, odpovie vám prvý, kto bude k dispozícii.",
      "sl", "Trenutno ni na voljo nobenega sodelavca, odgovoril vam bo prvi, ki bo prost.");

  /** Said after the sentences above where the conversation is also kept as a ticket for a follow-up. */
  private static final Map<String, String> FOLLOW_UP = Map.of(
      "en", "Your request is also saved as a ticket, and a colleague will follow up on it.",
      "cs", "Váš požadavek jsme také uložili jako tiket a kolega se vám ozve.",
      "pl", "Twoją sprawę zapisaliśmy też jako zgłoszenie, konsultant się z Tobą skontaktuje.",
      "sk", "Vašu požiadavku sme uložili aj ako tiket a kolega sa vám ozve.",
      "sl", "Vašo zahtevo smo shranili tudi kot zahtevek, sodelavec se vam bo oglasil.");

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

  /** The sentence for a customer handed over while the vendor reports nobody online, in {@code language}. */
  static String nobodyOnlineSentence(String language) {
    return NOBODY_ONLINE.getOrDefault(language, NOBODY_ONLINE.get("en"));
  }

  /**
   * The sentence for a customer whose conversation is also kept as a ticket for a follow-up
   * ({@link io.deskbridge.core.spi.Capability#FOLLOW_UP_TICKET}), in {@code language}.
   */
  static String followUpSentence(String language) {
    return FOLLOW_UP.getOrDefault(language, FOLLOW_UP.get("en"));
  }

  /** The agent's line for a handover while the vendor reported nobody online. */
  static String nobodyOnlineAgentLine() {
    return "No agent was online at the handover: the customer was told the first colleague available replies.";
  }

  private static String when(String lang, ZonedDateTime opening) {
    return DateTimeFormatter.ofPattern(PATTERN.get(lang), Locale.forLanguageTag(lang)).format(opening);
  }
}
