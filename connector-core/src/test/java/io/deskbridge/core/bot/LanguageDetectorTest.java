package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
