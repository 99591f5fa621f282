package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The twenty-fourth round's families of anger ({@link AngerDemands}) in the five languages, with and without
 * diacritics, and the calm lookalikes beside them: opening hours asked about, an apology declined kindly, a warning
 * letter received, a question whether something is acceptable, "worst case" and "the worst time to", having enough
 * points, Polish "dość" as "rather". Written for this test; none is a line of a held-out set.
 */
class AngerRound24FamiliesTest {

  private final AngerSignal signal = new AngerSignal();

  @ParameterizedTest
  @ValueSource(strings = {
      // does anyone there even work
      "Does anyone there even read these emails?",
      "Čte to tam vůbec někdo?",
      "Czy ktoś w ogóle odpisuje na maile?",
      "Cita to vobec niekto?",
      "Ali sploh kdo bere ta sporočila?",
      // who do you think you are
      "Who do you think you are, cancelling my booking without a word?",
      "Co si o sobě myslíte, takhle jednat?",
      "Za kogo wy się uważacie?",
      "Za koho nás máte?",
      "Za koga nas imate?",
      "What are you playing at?",
      // apologies refused
      "I don't need your apologies, I need the parcel.",
      "Spare me the apologies and refund me.",
      "Nepotřebuju vaše omluvy, chci peníze.",
      "Nie potrzebuję waszych przeprosin.",
      "Nepotrebujem vase ospravedlnenia.",
      "Ne rabim več opravičil.",
      // an apology demanded
      "I expect a written apology from your manager.",
      "Očekávám omluvu od vedení.",
      "Żądam przeprosin na piśmie.",
      "Ocakavam ospravedlnenie.",
      "Zahtevam opravičilo.",
      // this is unacceptable
      "That is unacceptable.",
      "To je nepřijatelné.",
      "To jest niedopuszczalne.",
      "Je to neprípustné.",
      "To je nesprejemljivo.",
      "Unacceptable, the driver threw the box over the fence.",
      "Nepřijatelné, kurýr hodil balík přes plot.",
      // that's not how it's done
      "That is no way to treat customers.",
      "Takhle se to nedělá.",
      "Tak się nie traktuje klientów.",
      "Takto sa to nerobí.",
      "Tako se ne dela.",
      // ... or I'm leaving
      "Fix my connection or I'm leaving.",
      "Opravte to, nebo odcházím.",
      "Naprawcie to albo odchodzę.",
      "Opravte to, alebo odchádzam.",
      "Uredite to, drugače odhajam.",
      // a last warning; a verdict asked as a whole question
      "Final warning: refund me by Friday.",
      "Ostatnie ostrzeżenie, oddajcie pieniądze.",
      "Co to ma być?",
      "Čo to má byť?",
      "What is this supposed to be?",
  })
  void isAngry(String text) {
    assertThat(signal.isAngry(signal.score(text))).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Does anyone even work on Sundays?",
      "Czy ktoś w ogóle pracuje w sobotę?",
      "You don't need to apologise, it happens.",
      "No apology needed, thanks for the quick fix.",
      "Thank you for the apology, the voucher is fine.",
      "I got a final warning letter from you but I already paid.",
      "Dostałam ostatnie ostrzeżenie, ale zapłaciłam.",
      "Is it unacceptable to return a worn shoe?",
      "Can I cancel or change it?",
      "Is this the worst time to buy a TV?",
      "Je teď nejhorší doba na nákup letenek?",
      "Kdyby to v nejhorším nešlo, pošlu to zpět.",
      "W najgorszym razie odeślę paczkę.",
      "Mám už dost bodů na slevu?",
      "Mám už dosť bodov na kupón?",
      "Mam dość dużą paczkę, zmieści się do paczkomatu?",
      "Kaj si mislite o tem modelu?",
      "Co to má být za kabel, HDMI nebo USB-C?",
      "Takhle se to dělá?",
      "Ask your manager or I'll call tomorrow.",
  })
  void calmLookalikesAreNotAngry(String text) {
    assertThat(signal.isAngry(signal.score(text))).as(text).isFalse();
  }

  /**
   * Calm lines of the review of the twenty-fourth round (escalation-review-24.jsonl) that its families took for
   * anger: a branch asked about, "unacceptable" in a condition, leaving on holiday, a bank's final warning, apologies
   * declined kindly, a sorry card.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "Does anyone even work at the Leeds branch now, or has it closed for good?",
      "If this is unacceptable as proof of address, please tell me what else to send.",
      "Please ship before Friday, or else I'm gone on holiday and nobody can sign for it.",
      "My bank gave me a final warning, so please charge the card only once.",
      "No worries, I don't need any more apologies, the parcel came today. Thanks!",
      "I don't need another sorry card, I ordered the thank-you cards.",
      "Pracuje vůbec někdo na pobočce v Brně, nebo je zavřená natrvalo?",
      "Pokud je to nepřijatelné jako doklad o adrese, napište mi, co jiného poslat.",
      "Pošlete mi prosím fakturu do pátku, nebo odcházím na dovolenou a vyřídím to až v září.",
      "Zaplatím kartou, jinak přejdu na platbu převodem, jak vám to vyhovuje.",
      "Banka mi dala poslední varování, tak prosím strhněte platbu jen jednou.",
      "Nepotřebuju žádné omluvy, balík už dorazil, díky.",
      "Nepotřebuji další omluvenky, objednávala jsem přání k narozeninám.",
      "Czy ktoś w ogóle pracuje jeszcze w oddziale w Łodzi, czy został zamknięty?",
      "Jeśli to jest nie do przyjęcia jako dowód adresu, proszę dać znać, co wysłać.",
      "Proszę o szybką wysyłkę, bo odchodzę z pracy w piątek i nie odbiorę tam paczki.",
      "Bank dał mi ostatnie ostrzeżenie, więc proszę obciążyć kartę tylko raz.",
      "Nie potrzebuję więcej przeprosin, wszystko w porządku, paczka dotarła.",
      "Pracuje vôbec niekto na pobočke v Nitre, alebo je zatvorená natrvalo?",
      "Ak je to neprijateľné ako doklad o adrese, napíšte mi, čo iné poslať.",
      "Pošlite to prosím do piatku, inak odchádzam na dovolenku a prevezmem to až v septembri.",
      "Banka mi dala posledné varovanie, tak prosím strhnite platbu len raz.",
      "Nepotrebujem žiadne ospravedlnenie, balík prišiel, ďakujem.",
      "Ali sploh kdo dela v poslovalnici v Kranju, ali je zaprta za vedno?",
      "Pošljite prosim do petka, sicer grem na dopust in paketa ne bo nihče prevzel.",
      "Banka mi je dala zadnje opozorilo, zato prosim bremenite kartico samo enkrat.",
      "Ne rabim več opravičila, paket je prišel, hvala."
  })
  void reviewCalmLinesAreNotAngry(String text) {
    assertThat(signal.isAngry(signal.score(text))).as(text).isFalse();
  }
}
