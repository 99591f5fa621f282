package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The twenty-third round's families of anger ({@link AngerRebukes}) in the five languages, with and without
 * diacritics, and the calm lookalikes beside them: how often to do something, a joke asked for, a recommendation to
 * everyone, a theft reported, "enough" asked about, having enough points. Written for this test; none is a line of a
 * held-out set.
 */
class AngerRound23FamiliesTest {

  private final AngerSignal signal = new AngerSignal();

  @ParameterizedTest
  @ValueSource(strings = {
      // how many more times
      "how many more times do I have to upload the receipt",
      "How many times must I explain the same fault to you?",
      "Kolikrát vám mám ještě posílat fotky?",
      "kolikrat musim znovu vysvetlovat, co se stalo",
      "Ile razy mam wam jeszcze wysyłać ten sam skan?",
      "Koľkokrát vám mám ešte posielať výpis?",
      "Kolikokrat moram še pisati isto stvar?",
      // fobbed off
      "Stop fobbing me off with links to the FAQ.",
      "Nenechám se od vás odbývat.",
      "Przestańcie mnie zbywać ogólnikami.",
      "Prestaňte ma odbíjať šablónami.",
      "Nehajte me odpravljati z istimi odgovori.",
      // answers, not excuses; money now, not a voucher
      "I want a working router, not more excuses.",
      "Chci opravu, ne další výmluvy.",
      "Żądam zwrotu, a nie kolejnych przeprosin.",
      "Chcem riešenie, nie výhovorky.",
      "Zahtevam rešitev, ne izgovorov.",
      "I want my money now, not a voucher.",
      "Chcem peniaze hneď, nie poukážku.",
      "Denar hočem takoj, ne bona.",
      // don't tell me to wait
      "Don't tell me to wait another week.",
      "Neříkejte mi, ať počkám další týden.",
      "Nie mówcie mi, żebym czekał do poniedziałku.",
      "Nehovorte mi, aby som počkal.",
      "Ne govorite mi, naj počakam še en teden.",
      // you keep telling me
      "You keep telling me the engineer is on his way.",
      "Pořád mi píšete, že se na tom pracuje.",
      "Ciągle mi odpisujecie, że to w toku.",
      "Stále tvrdíte, že sa to rieši.",
      "Ves čas ponavljate, da se dela na tem.",
      // I'll tell everyone, trust lost, theft, a joke
      "Povím všem známým, jak jednáte se zákazníky.",
      "Ostrzegę wszystkich znajomych przed waszym sklepem.",
      "I've lost all trust in this company.",
      "Ztratil jsem veškerou důvěru ve vaši banku.",
      "Charging me twice is daylight robbery.",
      "Tohle je zlodějna.",
      "To je oderuštvo.",
      "Your refund process is a complete farce.",
      "To je fraška, ne zákaznický servis.",
      "Pathetic customer service, again.",
      // a whole-sentence verdict
      "Paket je prišel odprt. Sramota.",
      "Zase pozdě. Ostuda.",
      "Kurier zgubił paczkę. Hańba.",
      "Opäť meškanie. Hanba.",
      "Lost my parcel again. Unacceptable.",
      "Nikdy více.",
  })
  void angry(String text) {
    assertThat(signal.isAngry(signal.score(text))).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "How often should I clean the filter?",
      "How many times a year do I need to send the meter reading?",
      "Kolikrát ročně mám měnit filtr?",
      "Ile razy mogę zmienić termin dostawy?",
      "let's hear a joke!",
      "Do you sell joke gifts for a birthday?",
      "I'll tell everyone how quick your delivery was, thanks!",
      "Řeknu všem, jak skvělý servis máte.",
      "Someone stole my card, is this theft covered by insurance?",
      "Is that enough?",
      "Czy mam dość punktów na słuchawki?",
      "Mam dość danych na wyjazd?",
      "I want the blue one, not the red one.",
      "Chci modrou, ne červenou.",
      "Please don't call me, just email.",
      "Kde se bude odbývat předání?",
      "The worst case is that it arrives on Monday.",
      "Prosím, pošlete fakturu ještě jednou.",
  })
  void calm(String text) {
    assertThat(signal.isAngry(signal.score(text))).as(text).isFalse();
  }
}
