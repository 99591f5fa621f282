package io.deskbridge.core.bot;

import java.util.Map;

/**
 * What the bot says to customers, in en, cs, pl, sk and sl; other languages get English. On a chat the handover,
 * clarifying and rephrasing lines are chat-sized: one short line each, as a person in a chat would write.
 */
final class Phrases {

  private Phrases() {}

  private static final Map<String, String> HANDOVER = Map.of(
      "en", "Thank you, I am passing your request to a colleague from our team who will continue here. "
          + "You don't need to repeat anything.",
      "cs", "Děkuji, předávám váš požadavek kolegům z našeho týmu, kteří budou pokračovat tady. "
          + "Nic nemusíte opakovat.",
      "pl", "Dziękuję, przekazuję Twoją sprawę osobie z naszego zespołu, która zajmie się nią w tej rozmowie. "
          + "Nie musisz niczego powtarzać.",
      "sk", "Ďakujem, odovzdávam vašu požiadavku kolegom z nášho tímu, ktorí budú pokračovať tu. "
          + "Nič nemusíte opakovať.",
      "sl", "Hvala, vašo zahtevo predajam sodelavcem iz naše ekipe, ki bodo nadaljevali tukaj. "
          + "Ničesar vam ni treba ponavljati.");

  private static final Map<String, String> CLARIFY_TWO = Map.of(
      "en", "Could you tell me a bit more? Is your question about \"%s\" or \"%s\"?",
      "cs", "Můžete mi prosím napsat trochu víc? Jde vám o „%s“, nebo o „%s“?",
      "pl", "Czy możesz napisać trochę więcej? Czy chodzi o „%s” czy o „%s”?",
      "sk", "Môžete mi prosím napísať trochu viac? Ide vám o „%s“, alebo o „%s“?",
      "sl", "Mi lahko poveste malo več? Ali gre za »%s« ali za »%s«?");

  private static final Map<String, String> CLARIFY_ONE = Map.of(
      "en", "Could you tell me a bit more? Is your question about \"%s\"?",
      "cs", "Můžete mi prosím napsat trochu víc? Jde vám o „%s“?",
      "pl", "Czy możesz napisać trochę więcej? Czy chodzi o „%s”?",
      "sk", "Môžete mi prosím napísať trochu viac? Ide vám o „%s“?",
      "sl", "Mi lahko poveste malo več? Ali gre za »%s«?");

  private static final Map<String, String> CLARIFY_NONE = Map.of(
      "en", "Could you tell me a bit more about what you need?",
      "cs", "Můžete mi prosím napsat trochu víc o tom, co potřebujete?",
      "pl", "Czy możesz napisać trochę więcej o tym, czego potrzebujesz?",
      "sk", "Môžete mi prosím napísať trochu viac o tom, čo potrebujete?",
      "sl", "Mi lahko poveste malo več o tem, kaj potrebujete?");

  private static final Map<String, String> REPHRASE = Map.of(
      "en", "I am not sure I understood. Could you say it in other words, in a sentence or two?",
      "cs", "Nejsem si jistý, že jsem vám správně porozuměl. Můžete to prosím napsat jinými slovy, jednou nebo dvěma "
          + "větami?",
      "pl", "Nie jestem pewien, czy dobrze zrozumiałem. Czy możesz napisać to innymi słowami, w jednym lub dwóch "
          + "zdaniach?",
      "sk", "Nie som si istý, či som vám správne porozumel. Môžete to prosím napísať inými slovami, jednou alebo dvoma "
          + "vetami?",
      "sl", "Nisem prepričan, da sem vas prav razumel. Mi lahko to poveste z drugimi besedami, v enem ali dveh "
          + "stavkih?");

  private static final Map<String, String> HANDOVER_CHAT = Map.of(
      "en", "Thanks, a colleague will take over here. No need to repeat anything.",
      "cs", "Díky, tady převezme kolega. Nic nemusíte opakovat.",
      "pl", "Dziękuję, tutaj przejmie konsultant. Nie musisz niczego powtarzać.",
      "sk", "Vďaka, tu prevezme kolega. Nič nemusíte opakovať.",
      "sl", "Hvala, tukaj bo nadaljeval sodelavec. Ničesar vam ni treba ponavljati.");

  private static final Map<String, String> CLARIFY_TWO_CHAT = Map.of(
      "en", "Do you mean \"%s\" or \"%s\"?",
      "cs", "Myslíte „%s“, nebo „%s“?",
      "pl", "Chodzi o „%s” czy o „%s”?",
      "sk", "Myslíte „%s“, alebo „%s“?",
      "sl", "Mislite »%s« ali »%s«?");

  private static final Map<String, String> CLARIFY_ONE_CHAT = Map.of(
      "en", "Do you mean \"%s\"?",
      "cs", "Myslíte „%s“?",
      "pl", "Chodzi o „%s”?",
      "sk", "Myslíte „%s“?",
      "sl", "Mislite »%s«?");

  private static final Map<String, String> CLARIFY_NONE_CHAT = Map.of(
      "en", "Could you tell me a bit more?",
      "cs", "Můžete napsat trochu víc?",
      "pl", "Możesz napisać trochę więcej?",
      "sk", "Môžete napísať trochu viac?",
      "sl", "Mi lahko poveste malo več?");

  private static final Map<String, String> REPHRASE_CHAT = Map.of(
      "en", "Sorry, I didn't get that. Could you put it another way?",
      "cs", "Promiňte, nerozuměl jsem. Můžete to napsat jinak?",
      "pl", "Przepraszam, nie zrozumiałem. Możesz napisać to inaczej?",
      "sk", "Prepáčte, nerozumel som. Môžete to napísať inak?",
      "sl", "Oprostite, nisem razumel. Lahko to poveste drugače?");

  private static final Map<String, String> MORE = Map.of(
      "en", "More:", "cs", "Více:", "pl", "Więcej:", "sk", "Viac:", "sl", "Več:");

  private static final Map<String, String> NOT_IN_YOUR_LANGUAGE = Map.of(
      "en", "Sorry, this answer is not available in your language yet:",
      "cs", "Omlouváme se, tato odpověď zatím není k dispozici v češtině:",
      "pl", "Przepraszamy, ta odpowiedź nie jest jeszcze dostępna po polsku:",
      "sk", "Ospravedlňujeme sa, táto odpoveď zatiaľ nie je dostupná v slovenčine:",
      "sl", "Oprostite, ta odgovor še ni na voljo v slovenščini:");

  static String handover(String language, boolean chat) {
    return in(chat ? HANDOVER_CHAT : HANDOVER, language);
  }

  static String clarify(String language, boolean chat, String first, String second) {
    return String.format(in(chat ? CLARIFY_TWO_CHAT : CLARIFY_TWO, language), first, second);
  }

  static String clarify(String language, boolean chat, String only) {
    return String.format(in(chat ? CLARIFY_ONE_CHAT : CLARIFY_ONE, language), only);
  }

  static String clarify(String language, boolean chat) {
    return in(chat ? CLARIFY_NONE_CHAT : CLARIFY_NONE, language);
  }

  static String rephrase(String language, boolean chat) {
    return in(chat ? REPHRASE_CHAT : REPHRASE, language);
  }

  static String more(String language) {
    return in(MORE, language);
  }

  static String notInYourLanguage(String language) {
    return in(NOT_IN_YOUR_LANGUAGE, language);
  }

  private static String in(Map<String, String> texts, String language) {
    return texts.getOrDefault(language, texts.get("en"));
  }
}
