package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The twenty-fifth round's requests for a person ({@link HumanRequestReach}): being put through to whoever, and being
 * called back by whoever, in the five languages, with and without diacritics; and the calm lookalikes beside them:
 * a device, plan or account connected or transferred, a taxi called, the courier's call, a call asked about as a
 * step of a process, the customer's own people, a call on the customer's behalf. Written for this test; none is a
 * line of a held-out set.
 */
class HumanRequestRound25FamiliesTest {

  private final HumanRequestSignal signal = new HumanRequestSignal(HumanRequestSignal.defaultPhrases());

  @ParameterizedTest
  @ValueSource(strings = {
      // put through to whoever
      "Can you connect me with the dispatcher for route 12?",
      "pls transfer me to billing, the invoice is wrong",
      "Patch me through to the night desk.",
      "Přepojte mě prosím na lékárnici.",
      "Muzete me prepojit na dispecink?",
      "Můžete mě s ní spojit?",
      "Połączcie mnie z dyspozytorem.",
      "Czy moglibyście mnie przełączyć do księgowości?",
      "Prosze mnie polaczyc z biurem podrozy.",
      "Prepojte ma na dispečing, prosím.",
      "Mohli by ste ma s ňou spojiť?",
      "Povežite me z lekarnarjem, prosim.",
      "Ali me lahko prevezete na racunovodstvo?",
      "Czy mogę prosić do telefonu pana Nowaka?",
      // called back by whoever
      "Could your surveyor call me about the damp report?",
      "Please ring me back on the number in my profile.",
      "Have the installer contact me to agree on the fittings.",
      "Give me a call when you get a minute, it is about order 4411.",
      "Zavolejte mi prosím kvůli smlouvě.",
      "Mohla by mi zavolat vaše lékárnice?",
      "Ozval by se mi prosím někdo z fakturace?",
      "Ať mi zavolá dispečer, potřebuji změnit adresu nakládky.",
      "Zadzwońcie do mnie w sprawie polisy.",
      "Niech oddzwoni do mnie ktoś z księgowości.",
      "Czy może do mnie zadzwonić opiekun klienta?",
      "Proszę o kontakt telefoniczny w sprawie reklamacji.",
      "Zavolajte mi, prosím, ohľadom faktúry.",
      "Nech mi zavolá niekto z účtovného.",
      "Mozete mi niekto z vasho tímu zavolat?",
      "Pokličite me glede pogodbe, prosim.",
      "Naj me poklice kdo iz racunovodstva.",
      "Bi me lahko poklicala vasa lekarnarka?",
      // getting in touch with whoever, an appointment with whoever
      "I'd like to get in touch with the person who measured our kitchen.",
      "Chtěla bych se spojit s vaší účetní.",
      "Chciałbym skontaktować się z opiekunem klienta.",
      "Potrebujem sa spojiť s dispečerom.",
      "Rada bi se povezala z vašo referentko.",
      "Can I book an appointment with a mortgage adviser?",
      "Chtěl bych se objednat na konzultaci s finančním poradcem.",
      "Chciałabym umówić spotkanie z doradcą kredytowym.",
      "Chcel by som si dohodnúť konzultáciu s daňovým poradcom.",
      "Rad bi se dogovoril za posvet z vašim arhitektom.",
      // a person to look at it, judge it or answer
      "Chci, aby se na to podíval člověk, ne automat.",
      "Zależy mi, żeby sprawę sprawdził człowiek.",
      "Prosím, nech to posúdi človek.",
      "Želim, da mojo pritožbo pregleda človek.",
      "Mohla by mi odpovědět vaše poradkyně?",
      "Mógłby mi pomóc wasz specjalista od ogrzewania?",
      "Mohol by mi pomôcť váš technik?",
      "Bi mi lahko odgovorila vasa strokovnjakinja?",
      "Could I get someone from the warehouse to check the serial number?",
  })
  void asksForAPerson(String text) {
    assertThat(signal.matches(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // a device, plan, account or place
      "How do I connect my printer to the wifi?",
      "Can you transfer me to the annual plan?",
      "Please connect me to the internet again, the router is blinking.",
      "Přepojte mě na jiný tarif od příštího měsíce.",
      "Czy możecie mnie przenieść na tańszy abonament?",
      "Prepojte ma na nový program od januára.",
      "Can you transfer me to the airport on Friday?",
      // a taxi, the courier, a process, the customer's own people, on the customer's behalf
      "Can you call me a taxi from reception?",
      "Could the courier call me before delivery?",
      "Will the driver ring me when he is close?",
      "Zavolá mi kurýr, než přijede?",
      "Může mi kurýr zavolat předem?",
      "Czy kurier może do mnie zadzwonić przed dostawą?",
      "Môže mi kuriér zavolať pred doručením?",
      "Ali me lahko kurir pokliče pred dostavo?",
      "My accountant will contact you tomorrow.",
      "Může za mě zavolat manžel?",
      "Moze za mna zavolat syn?",
      "Please contact me by email, I cannot take calls at work.",
      "Proszę o kontakt mailowy, nie mogę rozmawiać przez telefon.",
      "Prosím o kontakt na vaše oddelenie reklamácií.",
      // how-to questions, a team meeting, someone else's help
      "How do I get in touch with the courier?",
      "Jak se můžu spojit s podporou?",
      "Jak skontaktować się z działem reklamacji?",
      "Kako se lahko povežem z vašo podporo?",
      "We'd like to set up an online meeting with your team next week.",
      "Radi by sme si dohodli online stretnutie s vaším tímom.",
      "I had a meeting with my lawyer, so please deliver after three.",
      "Can I get someone else to collect the parcel for me?",
      "Manžel chce, aby se na to podíval jeho kolega.",
      "Może mi ktoś podpowiedzieć, jak zmienić hasło?",
      "You can call me Tom, no need for the surname.",
      "Could you call me by a different name in the chat?",
      "I need help to get in touch with customer service.",
      "Chtěl bych se spojit se zákaznickou podporou.",
      // negated or past
      "Please don't call me, I prefer chat.",
      "Nevolejte mi prosím, jsem v práci.",
      "Your colleague called me yesterday about the refund.",
  })
  void calmLookalikesAreNoRequest(String text) {
    assertThat(signal.matches(text)).as(text).isFalse();
  }
}
