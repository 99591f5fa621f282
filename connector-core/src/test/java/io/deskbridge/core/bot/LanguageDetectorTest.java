package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectorTest {

  private final LanguageDetector detector = new LanguageDetector("en");

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      en | How can I reset my password? I can't log in.
      en | Where is my order #48213?
      en | I want to talk to a real person, please.
      en | Do you have an invoice for me?
      en | The parcel never arrived
      en | Can I pay by card?
      en | This is the THIRD time my package is late!!!
      en | Thanks for the help
      en | What are your opening hours?
      en | Please cancel my order 55120
      cs | Jak dlouho trvá doručení do Brna?
      cs | Chci mluvit s operátorem.
      cs | Chtěl bych podat reklamaci, bota se rozpadla po týdnu.
      cs | Kde je moje objednávka?
      cs | Zapomněl jsem heslo.
      cs | Dobrý den, mám problém.
      cs | Můžu platit kartou?
      cs | Kdy máte otevřeno?
      cs | chci mluvit s clovekem
      cs | Děkuji
      pl | Jak mogę zwrócić towar, który kupiłem w zeszłym tygodniu?
      pl | Kiedy jesteście otwarci w sobotę?
      pl | Gdzie jest moja paczka?
      pl | Chcę rozmawiać z człowiekiem.
      pl | Nie pamiętam hasła
      pl | Dzień dobry
      pl | Czy mogę zapłacić kartą?
      pl | Potrzebuję faktury VAT
      pl | Dziękuję bardzo
      pl | Czy macie darmową dostawę?
      sk | Chcem hovoriť s človekom.
      sk | Kde je moja objednávka? Ďakujem.
      sk | Ako dlho trvá doručenie?
      sk | Zabudol som heslo.
      sk | Môžem platiť kartou?
      sk | Ďakujem pekne
      sk | Kedy máte otvorené?
      sk | Potrebujem faktúru, prosím.
      sk | Tovar prišiel poškodený, čo mám robiť?
      sk | Som veľmi nespokojný s doručením
      sl | Želim govoriti z operaterjem.
      sl | Kje je moje naročilo?
      sl | Kako lahko ponastavim geslo?
      sl | Hvala lepa
      sl | Kdaj ste odprti?
      sl | Ali lahko plačam s kartico?
      sl | Paket še ni prišel
      sl | Imam vprašanje glede računa
      sl | Zakaj je dostava tako draga?
      sl | Dober dan, rabim pomoč
      """)
  void detectsShortMessages(String language, String text) {
    assertThat(detector.detect(text)).as(text).isEqualTo(language);
  }

  @Test
  void fallsBackWithoutEvidence() {
    assertThat(detector.guess("#48213")).isEmpty();
    assertThat(detector.detect("#48213")).isEqualTo("en");
    assertThat(new LanguageDetector("cs").detect("")).isEqualTo("cs");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\t", "?!", "...", "48213", "#55120", "2024-05-01 14:30", "+420 777 123 456",
      "55120 / 48213", ":-)", "👍", "€ 129,90"})
  void textWithoutLettersHasNoLanguage(String text) {
    assertThat(detector.guess(text)).as(text).isEmpty();
    assertThat(new LanguageDetector("sk").detect(text)).as(text).isEqualTo("sk");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      en | Thanks
      en | password
      cs | Děkuji
      cs | Objednávka
      cs | Zboží
      pl | Dziękuję
      pl | zamówienie
      pl | Przesyłka
      sk | Ďakujem
      sk | Reklamácia
      sk | Zásielka
      sl | Hvala
      sl | naročilo
      sl | Pošiljka
      """)
  void detectsOneWord(String language, String text) {
    assertThat(detector.detect(text)).as(text).isEqualTo(language);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      cs | Hello, kde je moje objednávka? Pořád nepřišla.
      cs | Můj iPhone 15 Pro Max se nechce nabíjet
      pl | Order 48213: gdzie jest moja paczka, nadal jej nie ma
      pl | Mój MacBook Air nie chce się włączyć
      sk | Sorry, ale objednávka stále neprišla, čo teraz?
      sl | Hi, paket še vedno ni prišel, kaj naj naredim?
      en | Dzień dobry, I would like to cancel my order please
      """)
  void mixedLanguageGoesToTheLanguageOfMostOfTheText(String language, String text) {
    assertThat(detector.detect(text)).as(text).isEqualTo(language);
  }

  @Test
  void closeLanguagesMayGoEitherWayOnAWordTheyShareAlmost() {
    // "zásilka" (cs) / "zásielka" (sk): one word without a letter or frequent word only one of them has
    assertThat(detector.detect("Zásilka")).isIn("cs", "sk");
    // a greeting in one language, the request in another: either is a fair answer
    assertThat(detector.detect("Dobrý den, my order never arrived and nobody answers")).isIn("cs", "en");
  }

  @ParameterizedTest
  @ValueSource(strings = {"iPhone 15", "Dyson V15", "Samsung Galaxy S23", "Lenovo ThinkPad", "PayPal", "SUMMER20",
      "DPD", "Brno", "MacBook Air", "OK", "ok", "x", "#48213 iPhone", "Reklamace", "faktura"})
  void namesCodesAndOneUnmarkedWordAreNoEvidence(String text) {
    // the bot then looks at the whole conversation, then takes the default language
    assertThat(detector.guess(text)).as(text).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      0 | iPhone 15 Pro
      1 | Samsung Galaxy S23
      4 | courier never showed up
      2 | Reklamace. Nefunguje
      5 | KOLKO STOJI DOPRAVA DO KOSIC
      3 | Where is my Dyson V15
      4 | Samsung Galaxy se ne prižge
      0 | 48213
      """)
  void ordinaryWordsAreLowerCaseWordsOfLetters(int count, String text) {
    assertThat(LanguageDetector.ordinaryWords(text)).as(text).isEqualTo(count);
  }

  @Test
  void answersOnlySupportedLanguagesOrNothing() {
    for (var text : List.of("Wo ist meine Bestellung?", "Hol van a csomagom?", "Où est ma commande ?", "Kde je?")) {
      detector.guess(text).ifPresent(l -> assertThat(LanguageDetector.SUPPORTED).as(text).contains(l));
    }
  }

  @Test
  void isDeterministicAndSafeToShareBetweenThreads() {
    var texts = LanguageSamples.load().stream().map(LanguageSamples.Sample::text).toList();
    var sequential = texts.stream().map(detector::guess).toList();
    var other = new LanguageDetector("en");
    assertThat(texts.stream().map(other::guess).toList()).isEqualTo(sequential);
    for (int round = 0; round < 3; round++) {
      assertThat(texts.parallelStream().map(detector::guess).toList()).isEqualTo(sequential);
    }
  }

  @Test
  void frequentWordsAreKnownFolded() {
    for (var word : List.of("the", "jsem", "jest", "som", "sem", "prosim", "dekuji", "dziekuje")) {
      assertThat(LanguageDetector.isFrequentWord(word)).as(word).isTrue();
    }
    for (var word : List.of("heslo", "faktura", "password", "objednavka", "")) {
      assertThat(LanguageDetector.isFrequentWord(word)).as(word).isFalse();
    }
  }
}
