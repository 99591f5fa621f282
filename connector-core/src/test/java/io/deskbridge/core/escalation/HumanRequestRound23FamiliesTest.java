package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The twenty-third round's families of a request for a person ({@link HumanRequestFamilies}) in the five languages,
 * with and without diacritics, and the calm lookalikes beside them: the customer's own people, a call expected from
 * a courier, questions about the bot or about opening hours, human support asked about. Written for this test; none
 * is a line of a held-out set.
 */
class HumanRequestRound23FamiliesTest {

  private final HumanRequestSignal signal = new HumanRequestSignal(HumanRequestSignal.defaultPhrases());

  @ParameterizedTest
  @ValueSource(strings = {
      // human help by its adjective, advice from an employee
      "I need human help with this, the bot keeps looping.",
      "Potřebuji lidskou pomoc, tohle automat nezvládne.",
      "Potrebujem ludsku podporu, nie automat.",
      "Potrzebuję ludzkiej pomocy, bot nie rozumie pytania.",
      "Rabim človeško pomoč pri tej reklamaciji.",
      "Chtěl bych radu od vašeho pracovníka, ne od chatu.",
      "Potrzebuję porady od pracownika, nie od automatu.",
      "Prosim nasvet od svetovalca, ne od klepetalnika.",
      "I want advice from a member of staff, not canned text.",
      // a call expected from one of the shop's people
      "I expect a call from your technician today.",
      "Očekávám telefonát od vašeho technika ještě dnes.",
      "Ocakavam telefonat od vasho pracovnika.",
      "Czekam na kontakt od konsultanta w tej sprawie.",
      "Pričakujem klic od vašega svetovalca.",
      // a person to judge or decide
      "let a human decide this, not an algorithm",
      "Ať to posoudí člověk, ne algoritmus.",
      "At to clovek posoudi, ne stroj.",
      "Niech to oceni człowiek, a nie algorytm.",
      "Nech to preverí pracovník, nie systém.",
      "Naj to presodi človek, ne algoritem.",
      "Could an employee look at this refund, please?",
      // a named role who should call or talk
      "have the claims adjuster call me about the damage",
      "Ať mi zavolá likvidátor kvůli pojistné události.",
      "Prosím, aby mi zavolal projektant kvůli kuchyni.",
      "Proszę, żeby rzeczoznawca oddzwonił do mnie.",
      "Nech mi zavolá projektant, rozmery nesedia.",
      "Naj me pokliče projektant, mere se ne ujemajo.",
      "Chci mluvit s projektantem.",
      "Chcę porozmawiać z projektantem kuchni.",
      "Potrebujem pogovor z vašim likvidatorjem.",
      "I'd like to talk to the designer about the wardrobe.",
      "Chci vedoucí směny.",
      "Chcę kierownika zmiany.",
      "Potrebujem vodjo izmene.",
      // someone normal or competent
      "give me someone competent please",
      "Dejte mi někoho normálního.",
      "dajcie mi kogos normalnego",
      "Dajte mi niekoho normálneho.",
      "Dajte mi nekoga kompetentnega.",
      // someone from a department or the agency
      "I'd like someone from billing to call me back.",
      "We would like a person from accounts to go through the invoices with us.",
      "Rád bych mluvil s někým z reklamačního oddělení.",
      "Chciałbym porozmawiać z kimś z działu reklamacji.",
      "Rád by som hovoril s niekým z predaja.",
      "Rada bi govorila z nekom iz prodaje.",
      // anyone there?
      "Hello, is anyone there?",
      "Haló, je tam někdo?",
      "Halo, jest tam jakiś człowiek?",
      "Je tam nejaký živý človek?",
      "Je tam kakšen človek?",
      // Slovene: will someone get in touch
      "Se mi bo oglasil kakšen svetovalec?",
  })
  void asksForAPerson(String text) {
    assertThat(signal.matches(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "my designer will call you tomorrow",
      "Můj projektant vám zavolá zítra.",
      "Mój projektant do was zadzwoni.",
      "Náš projektant vás bude kontaktovať.",
      "Moj projektant vas bo poklical.",
      "I'm expecting a call from the courier.",
      "I expect a call from my colleague about the order.",
      "Čekám telefonát od kurýra.",
      "Czekam na telefon od kuriera.",
      "Are you a bot?",
      "Is there someone at the store on Sunday?",
      "Is anyone there at the branch on Sunday?",
      "Je tam někdo na prodejně v sobotu?",
      "Jest tam ktoś w sobotę?",
      "Rád bych zavolal někomu z rodiny, můžu použít váš telefon?",
      "I need an accountant's copy of the invoice.",
      "Do you offer human support on weekends?",
      "Nabízíte lidskou podporu o víkendu?",
      "The claims adjuster called me yesterday.",
      "Likwidator dzwonił wczoraj.",
      "let a friend decide the colour",
      "Lidské zdroje hledají nové kolegy?",
      "I need help from my husband to carry it.",
      "The worst case is that it arrives on Monday.",
      "Our designer will send you the drawings.",
      "Is there a human review of the photos?",
  })
  void calmLookalikesAreNoRequest(String text) {
    assertThat(signal.matches(text)).as(text).isFalse();
  }
}
