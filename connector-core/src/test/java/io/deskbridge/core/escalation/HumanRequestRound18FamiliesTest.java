package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The eighteenth round's families of requests for a person and of lookalikes (docs/quality.md, "Eighteenth round"),
 * each in the five languages and in other words than held-out-16, on which they were found: informal spellings,
 * "find me a person", being passed or transferred to one, a call-back asked for as a noun, someone of the shop who
 * will get in touch or call; as lookalikes, a colleague of the customer's who will contact the shop and porting a
 * number from or to another operator.
 */
class HumanRequestRound18FamiliesTest {

  private final HumanRequestSignal signal = new HumanRequestSignal(HumanRequestSignal.defaultPhrases());

  @ParameterizedTest
  @ValueSource(strings = {
      "Could you put me thru to someone in returns?",
      // a call-centre operator, not porting a number (review of the merge)
      "Transfer me to another operator, please.",
      "Přepojte mě na jiného operátora, prosím.",
      "Proszę połączyć mnie z innym operatorem.",
      "Prepojte ma na iného operátora, prosím.",
      "Povežite me z drugim operaterjem, prosim.",
      "pls connect me w a live agent",
      "talk w someone pls",
      "Pls spojte me s clovekem",
      "prosze polacz mnie z konsultantem pls",
      "pls prepojte ma na operatora",
      "pls povezite me z operaterjem",
      "Could you find me a person to sort this out?",
      "Just get me a human please.",
      "Najděte mi prosím nějakého konzultanta.",
      "Znajdźcie mi jakiegoś konsultanta, proszę.",
      "Nájdite mi prosím nejakého operátora.",
      "Poiščite mi prosim svetovalca.",
      "I'd prefer to be transferred to an advisor.",
      "Could I be handed over to a specialist?",
      "Rád bych byl přepojen na konzultanta.",
      "Chciałbym zostać przekazany do konsultanta.",
      "Chcel by som byť prepojený na operátora.",
      "Rad bi bil preusmerjen na svetovalca.",
      "I'd like a callback today please.",
      "Please arrange a call back on 777 123 456.",
      "Poprosím o zpětné telefonické zavolání.",
      "Prosím o zavolání zpět, jsem k zastižení odpoledne.",
      "Czy mogę prosić o telefon zwrotny?",
      "Proszę o kontakt telefoniczny w tej sprawie.",
      "Poprosím o spätný telefonát.",
      "Žiadam o zavolanie späť.",
      "Želim povratni klic.",
      "Lahko prosim za povratni klic jutri dopoldne?",
      "Will one of you get in touch by phone?",
      "Bude mi někdo z vás volat?",
      "Czy ktoś od was się do mnie odezwie telefonicznie?",
      "Bude mi niekto z vás volať?",
      "Ali se mi bo kdo oglasil?",
      "Může mě kontaktovat kolega z vašeho oddělení?",
      "Could a colleague of yours contact me?",
      "Niech kolega do mnie zadzwoni.",
      "Nech mi zavolá váš kolega.",
      "Naj me pokliče vaš sodelavec.",
      "I want an operator.",
      "Chci operátora.",
      "Chcę operatora, numer zamówienia 123.",
      "Chcem operátora.",
      "Želim operaterja.",
  })
  void requestsForAPerson(String text) {
    assertThat(signal.matches(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // ordinary messages the first version of these families flagged (review of the merge)
      "I'll try the blue one first and be in touch if it doesn't fit.",
      "Can my parcel be forwarded to someone else?",
      "Can the delivery be redirected to someone in the office next door?",
      "Does the app need a callback for the payment webhook?",
      "Prosim za povratno informacijo.",
      "Přišla mi nějaká SMS, že mám volat na tohle číslo.",
      "Prišla mi nejaká SMS, že mám volať na toto číslo.",
      "Můj účet je spojen se zaměstnaneckou kartou.",
      "Môj účet je spojený so zamestnaneckou kartou.",
      "Thru the window I saw the courier leave.",
      "Please ship it w the other order.",
      "Can you find me a cheaper delivery agent?",
      "Najděte mi prosím technika na montáž v mém okolí.",
      "Znajdźcie mi paczkę, proszę.",
      "Nájdite mi prosím návod k tejto práčke.",
      "Poiščite mi prosim paket.",
      "I was transferred to an agent yesterday and nothing happened.",
      "Balík byl předán kurýrovi včera.",
      "Paczka została przekazana kurierowi.",
      "Zásielka bola odovzdaná kuriérovi.",
      "Paket je bil predan kurirju.",
      "Do you offer callbacks on weekends?",
      "I need the callback number for the courier.",
      "Prosím o zpětné zaslání dokladu.",
      "Prosiłem już wczoraj o oddzwonienie i nic.",
      "Prosím o spätné zaslanie faktúry.",
      "Povratni klic ste obljubili že prejšnji teden.",
      "Jak funguje zpětné volání?",
      "Will the courier get in touch before delivery?",
      "My colleague in purchasing will get in touch with you about the quote.",
      "Kurir se mi bo oglasil pred dostavo.",
      "Kurýr mi bude volat před doručením.",
      "A colleague will contact you about the order.",
      "Kolegyně vám zavolá ohledně dodání.",
      "Współpracownik skontaktuje się z wami w sprawie faktury.",
      "Kolega vám napíše kvôli reklamácii.",
      "Sodelavka vas bo poklicala zaradi računa.",
      "I want to port my number from another operator.",
      "Chci přenést číslo od jiného operátora.",
      "Chcę przenieść numer do innego operatora.",
      "Chcem preniesť číslo k inému operátorovi.",
      "Želim prenesti številko k drugemu operaterju.",
      "Potrebujem previesť moje číslo od iného operátora.",
      "Potrzebuję przenieść mój numer od innego operatora.",
      "Potřebuji přenést své číslo od jiného operátora.",
      "Moram prenesti svojo številko od drugega operaterja.",
      "Kolegyně vás bude kontaktovat ohledně reklamace.",
      "Współpracownica będzie się z wami kontaktować w sprawie zwrotu.",
      "Kolega vás bude kontaktovať ohľadom reklamácie.",
      "Sodelavec vas bo kontaktiral glede vračila.",
      "A coworker will be contacting you regarding the refund.",
      "Chcem si preniesť číslo od iného operátora.",
      "Chcę przenieść swój numer od innego operatora.",
  })
  void lookalikesAreNotRequests(String text) {
    assertThat(signal.matches(text)).as(text).isFalse();
  }

  /** A colleague of the customer's contacting the shop and porting a number are told to the learned signal too. */
  @ParameterizedTest
  @ValueSource(strings = {
      "A colleague will contact you about the order.",
      "Kolegyně vás bude kontaktovat ohledně reklamace.",
      "Współpracownica skontaktuje się z wami w sprawie zwrotu.",
      "Kolega vás bude kontaktovať ohľadom reklamácie.",
      "Sodelavec vas bo kontaktiral glede vračila.",
      "I want to port my number from another operator.",
      "Potřebuji přenést své číslo od jiného operátora.",
      "Potrzebuję przenieść mój numer od innego operatora.",
      "Potrebujem previesť moje číslo od iného operátora.",
      "Moram prenesti svojo številko od drugega operaterja.",
  })
  void colleaguesAndPortingAreNoRequestWhateverTheyName(String text) {
    assertThat(signal.asksAboutTheBot(text)).as(text).isTrue();
  }
}
