package io.deskbridge.core.lookup;

import java.util.Map;

/** The lookup's own lines to the customer, in the five languages of the bot (English otherwise). */
final class LookupPhrases {

  private static final Map<String, String> ASK_ORDER_NUMBER = Map.of(
      "en", "Could you please send me your order number? Then I can check your order right away.",
      "cs", "Pošlete mi prosím číslo vaší objednávky? Hned ji zkontroluji.",
      "pl", "Czy możesz podać numer zamówienia? Od razu je sprawdzę.",
      "sk", "Pošlete mi, prosím, číslo vašej objednávky? Hneď ju skontrolujem.",
      "sl", "Mi lahko pošljete številko naročila? Takoj ga preverim.");

  private static final Map<String, String> ASK_EMAIL = Map.of(
      "en", "Could you please send me the e-mail address you ordered with?",
      "cs", "Pošlete mi prosím e-mailovou adresu, se kterou jste objednávali?",
      "pl", "Czy możesz podać adres e-mail, którego użyto przy zamówieniu?",
      "sk", "Pošlete mi, prosím, e-mailovú adresu, s ktorou ste objednávali?",
      "sl", "Mi lahko pošljete e-poštni naslov, s katerim ste naročili?");

  private static final Map<String, String> ASK_PHONE = Map.of(
      "en", "Could you please send me the phone number you ordered with?",
      "cs", "Pošlete mi prosím telefonní číslo, se kterým jste objednávali?",
      "pl", "Czy możesz podać numer telefonu, którego użyto przy zamówieniu?",
      "sk", "Pošlete mi, prosím, telefónne číslo, s ktorým ste objednávali?",
      "sl", "Mi lahko pošljete telefonsko številko, s katero ste naročili?");

  private static final Map<String, String> HANDOVER = Map.of(
      "en", "Thank you, a colleague from our team will check this for you and continue here. "
          + "You don't need to repeat anything.",
      "cs", "Děkuji, kolega z našeho týmu to pro vás prověří a bude pokračovat tady. Nic nemusíte opakovat.",
      "pl", "Dziękuję, osoba z naszego zespołu sprawdzi to dla Ciebie i odpowie w tej rozmowie. "
          + "Nie musisz niczego powtarzać.",
      "sk", "Ďakujem, kolega z nášho tímu to pre vás preverí a bude pokračovať tu. Nič nemusíte opakovať.",
      "sl", "Hvala, sodelavec iz naše ekipe bo to preveril in nadaljeval tukaj. Ničesar vam ni treba ponavljati.");

  private LookupPhrases() {}

  /** Asking for the key a lookup needs ({@code order_number}, {@code email}, {@code phone}). */
  static String ask(String key, String language) {
    return in(switch (key) {
      case "email" -> ASK_EMAIL;
      case "phone" -> ASK_PHONE;
      default -> ASK_ORDER_NUMBER;
    }, language);
  }

  /** Telling the customer a person takes over; says nothing about any record. */
  static String handover(String language) {
    return in(HANDOVER, language);
  }

  private static String in(Map<String, String> texts, String language) {
    return texts.getOrDefault(language, texts.get("en"));
  }
}
