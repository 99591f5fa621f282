package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The twenty-fourth round's families of a request for a person ({@link HumanRequestFamilies}) in the five languages,
 * with and without diacritics, and the calm lookalikes beside them: a talk told of the past, Polish "pani" as the
 * formal "you", another mobile operator, an account's or a house's owner, the customer's own people, opening hours,
 * anyone real asked about with "or a bot". Written for
 * this test; none is a line of a held-out set.
 */
class HumanRequestRound24FamiliesTest {

  private final HumanRequestSignal signal = new HumanRequestSignal(HumanRequestSignal.defaultPhrases());

  @ParameterizedTest
  @ValueSource(strings = {
      // whom the customer could sort it out with
      "Who could I sort this out with, ideally in person?",
      "With whom can I discuss the contract terms?",
      "S kým bych mohl probrat tu fakturu?",
      "S kym muzu vyresit reklamaci osobne?",
      "Z kim mógłbym omówić warunki umowy?",
      "Z kim moge to zalatwic od reki?",
      "S kým by som mohol prebrať zmluvu?",
      "S kym mozem vyriesit tu reklamaciu?",
      "S kom bi lahko uredil zadevo glede računa?",
      "S kom lahko to razcistim?",
      // the lady or gentleman dealt with before
      "Could you put me through to the lady who helped me on Monday?",
      "I'd like to speak to the same agent who handled my refund.",
      "Spojte mě prosím s paní, která mi minule vyřizovala reklamaci.",
      "Chtela bych mluvit s tim panem, co mi prodal pracku.",
      "Chciałabym porozmawiać z panią, z którą rozmawiałam wczoraj.",
      "Polaczcie mnie z tym panem, ktory prowadzil moja sprawe.",
      "Prepojte ma na pani, ktorá mi včera pomáhala.",
      "Chcem hovorit s panom, s ktorym som riesil objednavku.",
      "Povežite me z gospo, ki je urejala mojo reklamacijo.",
      "Rad bi se pogovoril z gospodom, s katerim sem govoril včeraj.",
      // anyone real there
      "Is there anyone real there?",
      "Je tam někdo skutečný?",
      "Jest tu ktos prawdziwy? Mam pilna sprawe.",
      "Je tu niekto skutočný?",
      "Je tam kdo pravi?",
      // the shop's director or owner, one of its professionals
      "Put me through to your director, please.",
      "I want to talk to the owner of the shop.",
      "Can I speak with one of your vets about the diet food?",
      "Chci mluvit s ředitelem pobočky.",
      "Muzete me spojit s vasim pravnikem?",
      "Chcę porozmawiać z dyrektorem sklepu.",
      "Proszę połączyć mnie z waszym weterynarzem.",
      "Chcem hovoriť s riaditeľom.",
      "Mozete ma spojit s vasim pravnikom?",
      "Rad bi govoril z direktorjem trgovine.",
      "Povežite me z vašim zdravnikom, prosim.",
      // someone of the shop to take it on
      "Could a specialist take care of this for me?",
      "Prosím, ať se toho ujme poradce.",
      "Chcę, żeby zajął się tym specjalista.",
      "Prosim, aby sa tomu venoval odbornik.",
      "Prosim, da se s tem ukvarja svetovalec.",
      "Proszę, aby doradca zajął się moim wnioskiem.",
      // getting through to a person
      "How do I get through to a human?",
      "Jak se dostanu k živému operátorovi?",
      "Jak sie dodzwonic do konsultanta?",
      "Ako sa dostanem k operátorovi?",
      "Kako pridem do svetovalca?",
  })
  void asksForAPerson(String text) {
    assertThat(signal.matches(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "The lady who helped me last week was lovely.",
      "Mluvil jsem s paní, která mi řekla, že to přijde zítra.",
      "Rozmawiałam z panią, która obiecała zwrot.",
      "Govorila sem z gospo, ki mi je obljubila vračilo.",
      "Czy mogę z panią porozmawiać o zwrocie?",
      "Should I talk to a doctor before giving this to my dog?",
      "Mluvil jsem s ředitelem školy.",
      "Potřebuji mluvit s majitelem účtu?",
      "Our director will talk to your lawyer next week.",
      "My advisor will take care of the paperwork.",
      "Technik se tomu věnoval včera.",
      "Jak se dostanu k jinému operátorovi s mým číslem?",
      "Kako pridem do vaše poslovalnice?",
      "Jak dostać się do oddziału w centrum?",
      "How do I get through to the checkout page?",
      "Is there anyone real at the store on Sunday?",
      "S kým jste posílali můj balík?",
      "Z kim mam podpisaną umowę?",
      "Are you a real person?",
      "Jest tam ktoś prawdziwy w sobotę na sklepie?",
      "Je tam niekto naozajstný, alebo len robot?",
      "Je tam kdo pravi, ali samo program?",
      "Can I transfer my subscription to the new owner of the house?",
      "How do I pass the licence to the previous owner?",
  })
  void calmLookalikesAreNoRequest(String text) {
    assertThat(signal.matches(text)).as(text).isFalse();
  }

  /**
   * Calm lines of the review of the twenty-fourth round (escalation-review-24.jsonl) that its families took for a
   * request for a person: whom to write to with an e-mail asked for, the courier, the owner of a house, the
   * customer's own lawyer, family or self, the lady who took the parcel, a person in a product photo.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "Who can I discuss the invoice with? Is there an e-mail for accounting?",
      "With whom can I arrange the delivery time, the courier or you?",
      "Our lawyer would like to speak with your legal department about the contract next week.",
      "I can get a specialist to handle the wall mounting myself, so just deliver the TV.",
      "S kým můžu vyřešit fakturu? Máte e-mail na účtárnu?",
      "S kým se dá domluvit čas doručení, s kurýrem nebo s vámi?",
      "Musím mluvit s majitelem domu, než objednám instalaci.",
      "Náš právník bude chtít mluvit s vaším právníkem o smlouvě, ozve se příští týden.",
      "Kurýr se nemohl dostat k pracovníkovi na recepci, proto balík vrátil.",
      "Manžel bude mluvit s paní, která mu balík převzala.",
      "Z kim mogę omówić fakturę? Jest jakiś e-mail do księgowości?",
      "Z kim mogę ustalić termin dostawy, z kurierem czy z wami?",
      "Muszę porozmawiać z właścicielem domu przed montażem.",
      "Nasz prawnik chce porozmawiać z waszym prawnikiem o umowie w przyszłym tygodniu.",
      "Muszę porozmawiać z panią, która odebrała paczkę w moim imieniu.",
      "Jest tam ktoś prawdziwy na zdjęciu namiotu, czy to manekin?",
      "S kým môžem vyriešiť faktúru? Máte e-mail na účtovné oddelenie?",
      "S kým sa dá dohodnúť čas doručenia, s kuriérom alebo s vami?",
      "Musím sa porozprávať s majiteľom domu, kým objednám inštaláciu.",
      "Náš právnik bude chcieť hovoriť s vaším právnikom o zmluve.",
      "Musím sa porozprávať s pani, ktorá prevzala balík za mňa.",
      "S kom lahko uredim račun? Imate e-naslov računovodstva?",
      "S kom se lahko dogovorim za termin dostave, s kurirjem ali z vami?",
      "Moram se pogovoriti z lastnikom hiše pred montažo.",
      "Naš pravnik bi rad govoril z vašim pravnikom o pogodbi.",
      "Kurir ni mogel priti do uslužbenca na recepciji, zato je paket vrnil.",
      "Moram govoriti z gospo, ki je prevzela paket namesto mene."
  })
  void reviewCalmLinesAreNoRequest(String text) {
    assertThat(signal.matches(text)).as(text).isFalse();
  }
}
