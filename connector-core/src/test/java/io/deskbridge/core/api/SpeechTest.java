package io.deskbridge.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpeechTest {

  @Test
  void linksAndMarkdownGoAndNumbersAreWords() {
    String written = "We deliver within **2 working days**. Delivery is free for orders over 50 EUR, otherwise it "
        + "costs 4.5 EUR.\n\nMore: https://shop.example/help/delivery-times";

    assertThat(Speech.speakable(written, "en")).isEqualTo("We deliver within two working days. Delivery is free for "
        + "orders over fifty EUR, otherwise it costs four point five EUR.");
  }

  @Test
  void aLongReplyKeepsItsFirstTwoSentences() {
    assertThat(Speech.speakable("One. Two! Three? Four.", "en")).isEqualTo("One. Two!");
  }

  @Test
  void datesAndTimesAreSpokenInTheLanguage() {
    assertThat(Speech.speakable("Your parcel arrives on 2026-12-04 at 9:30.", "en"))
        .isEqualTo("Your parcel arrives on December fourth, twenty twenty-six at nine thirty.");
    assertThat(Speech.speakable("Balík dorazí 4. 12. 2026 v 9:00.", "cs"))
        .isEqualTo("Balík dorazí čtyři prosince dvě tisíce dvacet šest v devět.");
  }

  @Test
  void orderAndPhoneNumbersAreReadDigitByDigit() {
    assertThat(Speech.speakable("Order 48213 is on its way.", "en"))
        .isEqualTo("Order four eight two one three is on its way.");
    assertThat(Speech.speakable("Zamówienie 48213 jest w drodze, koszt 12 zł.", "pl"))
        .isEqualTo("Zamówienie cztery osiem dwa jeden trzy jest w drodze, koszt dwanaście zł.");
  }

  @Test
  void aMarkdownLinkKeepsItsTextAndListsLoseTheirBullets() {
    assertThat(Speech.speakable("- See [our returns page](https://x.example/r) for 30 days", "en"))
        .isEqualTo("See our returns page for thirty days");
  }
}
