package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The twenty-fourth round's sarcasm families (part B; {@link MockPraise}, the wider {@link
 * SarcasmFamilies#quotedClaim}) and their sincere lookalikes, in English, Czech, Polish, Slovak and Slovene, with and
 * without diacritics. Written for this test; none is a line of a held-out set.
 */
class SarcasmRound24FamiliesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "How thoughtful, you charged me twice for one order.",
      "Good to know the refund is delayed again.",
      "To je ale pozorné, zase mi přišla špatná velikost.",
      "Jak milé, že mi účtujete poplatek za vlastní chybu.",
      "Jak miło, kolejna podwyżka opłaty za konto.",
      "Ake pozorne, zasielka opat meska.",
      "Kako prijazno, paket spet zamuja."})
  void mockKindnessWithABadSituationIsSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "How nice, the parcel came a day early!",
      "To je ale milé, děkuji za dárek v balíku.",
      "Jak miło, dziękuję za szybką odpowiedź.",
      "Aké milé, ďakujem za zľavu.",
      "Kako lepo, hvala za hitro dostavo.",
      "Very fair, thanks for refunding the full amount."})
  void sincereKindnessIsNotSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Charged again for a cancelled plan. Money well spent.",
      "Another late parcel. You never disappoint.",
      "Zase jiná velikost, než jsem objednal. To chce talent.",
      "Znowu drukujecie trzy faktury zamiast jednej. Bardzo ekologicznie.",
      "Cena opäť vyššia. Veľmi férové.",
      "Spet napačen račun. Nikoli ne razočarate."})
  void anIronicVerdictAfterABadSituationIsSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Second order from you, you never disappoint!",
      "Vrátili jste mi celou částku. Velmi férové, děkuji.",
      "Nowy ekspres działa świetnie, bardzo ekologicznie zapakowany.",
      "Dobro vedeti, hvala za informacijo.",
      "Ten out of ten for the packaging, thanks!"})
  void aSincereVerdictIsNotSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "At least you're consistent: late every single time.",
      "Aspoň jste důslední, každá faktura je špatně.",
      "Przynajmniej jesteście konsekwentni w spóźnieniach.",
      "Aspon ste dosledni, kazdy mesiac ina chyba.",
      "Vsaj dosledni ste, vsak mesec nova napaka."})
  void atLeastConsistentIsSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "The quality is consistent, thank you.",
      "Kvalita je konzistentní, díky.",
      "Jesteście konsekwentni w jakości, dziękuję.",
      "Dosledni ste pri dostavi, hvala."})
  void sincereConsistencyIsNotSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Thanks for marking my complaint resolved without checking anything.",
      "Díky, že jste ticket uzavřeli bez vyřešení.",
      "Dziękuję za zamknięcie zgłoszenia bez rozwiązania problemu.",
      "Ďakujem, že ste reklamáciu uzavreli bez vyriešenia.",
      "Hvala, da ste zahtevek zaprli brez rešitve.",
      "Thanks for ruining my anniversary dinner with a wrong delivery.",
      "Diky, ze jste nam zkazili svatbu.",
      "Thanks for the thorough answer: 'please wait'.",
      "Děkuji za podrobnou odpověď, která se vešla do jedné věty.",
      "Dziękuję za szczegółową odpowiedź z jednego zdania."})
  void thanksForNoFixIsSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Thanks for fixing it without me having to call again.",
      "Great, thanks, that solved it.",
      "Díky za vyřešení bez zbytečného čekání.",
      "Dziękuję za szczegółową odpowiedź, wszystko jasne.",
      "Hvala za podroben odgovor, zelo mi je pomagal.",
      "Finally it works, thank you!",
      "Thanks for the detailed answer, one more question: can I pay by card?"})
  void sincereThanksIsNotSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Thanks for the 'gift' of a late fee.",
      "Díky za tu 'omluvu' ve formě slevového kódu, který nejde použít.",
      "Super, moje 'tichá' kancelář je hned vedle dílny.",
      "Uwielbiam waszą 'ulepszoną' aplikację, nic nie mogę znaleźć.",
      "Platím za 'prémiovou' linku a čekám hodinu.",
      "Hvala za 'ekskluzivno' ponudbo, ki jo dobijo vsi."})
  void aQuotedClaimOrThingIsSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Thanks, the invoice item 'express handling' is correct.",
      "Dziękuję, na rachunku jest pozycja 'ekspresowa wysyłka', wszystko się zgadza.",
      "Hvala, na računu je postavka 'hitra dostava', vse je v redu.",
      "Ďakujem, položka 'expresné doručenie' na faktúre sedí.",
      "Thanks, the 'Gift' wrapping worked perfectly.",
      "Na računu je postavka 'storitve podpore' za 3 €. Kaj je to?"})
  void aQuotedBillItemOrNameIsNotSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Wow, the parcel was home within 12 hours!",
      "Páni, balík byl doma za 10 hodin, díky!",
      "Super, paczka doszła już po dwóch dniach, dziękuję!",
      "Super, balík prišiel za 18 hodín, ďakujem!",
      "Vau, paket je prišel v dveh dneh, hvala!",
      "Odlično, že tretjič naročam pri vas in vse je brezhibno."})
  void fastDeliveryPraiseAndASincereCountAreNotSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Super, čakám už 40 hodín na odpoveď.",
      "Great, 30 hours on hold and counting.",
      "Lepo, napaka spet. Že tretjič ta teden."})
  void longHoursAndARepeatedCountStaySarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Really quality service, the cleaner charged me twice for one visit.",
      "Opravdu kvalitní servis, auto se vrátilo s jiným škrábancem a zase špatně seřízené.",
      "Naprawdę profesjonalna obsługa, faktura na nazwisko kogoś innego.",
      "To je fakt profesionálne, balík s menom niekoho iného.",
      "Zares kakovostna storitev, serviser je zaračunal dve uri za pet minut.",
      "Perfect, you sent me a coupon for shoes that never arrived.",
      "Skvělé, slevový kód na boty, které ani nepřišly.",
      "Super, kupon na buty, które nie dotarły.",
      "Výborne, zľava na topánky, ktoré ani neprišli.",
      "Odlično, kupon za čevlje, ki niso prišli."})
  void praisedServiceWithSomeoneElsesNameOrGoodsThatNeverCameIsSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Really quality service, thank you all.",
      "Opravdu kvalitní servis, auto jako nové.",
      "Naprawdę profesjonalna obsługa, dziękuję.",
      "Perfect, someone else from your team already helped me.",
      "Super, paczki jeszcze nie dotarły, poczekam.",
      "Zares kakovostna storitev, hvala."})
  void sincerePraiseOfTheServiceIsNotSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I just love your hold music, I've heard it for an hour now.",
      "Zbožňuju vaši hudbu na lince, znám ji nazpaměť.",
      "Uwielbiam waszą melodyjkę na infolinii, słucham jej od rana.",
      "Milujem vašu hudbu na linke, počúvam ju celé dopoludnie.",
      "Obozujem vaso melodijo na liniji, poslusam jo ze pol ure."})
  void loveOfHoldMusicIsSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I love the music in your new advert.",
      "Miluju hudbu z vaší reklamy.",
      "Uwielbiam muzykę w waszej aplikacji do medytacji.",
      "Obožujem glasbo v vaši trgovini."})
  void loveOfMusicElsewhereIsNotSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
  }

  /**
   * Calm lines of the review of the twenty-fourth round (escalation-review-24.jsonl) that its families took for
   * sarcasm: "gift" ticked at checkout, a loyal customer's third order, paying more elsewhere, "worse" of the old
   * model, kindness beside a replacement or refund, the same answer found in the manual, "it's fine".
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "Thanks! I selected 'gift' at checkout, please don't put the price inside.",
      "Great shop, I'm ordering for the third time this year!",
      "Great value, I used to pay more than this at the other shop.",
      "Good to know, thanks. The old model was worse anyway.",
      "How kind of you to send the replacement, the first one came scratched.",
      "Great, thanks - I got the same answer from the manual, so it's settled.",
      "Děkuji, v košíku jsem zaškrtla „dárek“, prosím nedávejte dovnitř fakturu.",
      "Nadšená! Gauč je skvělý, ten starý byl horší.",
      "Super cena, jinde platím víc než tady.",
      "Dobře vědět, díky. Starý model byl stejně horší.",
      "Jak milé, že jste poslali náhradu, první kus přišel poškrábaný.",
      "Super, děkuji. Technik to dnes nestihl, přijde tedy zítra, to je v pořádku.",
      "Dziękuję, zaznaczyłam 'prezent' w koszyku, proszę nie wkładać paragonu.",
      "Zachwycona! Nowa sofa jest super, stara była gorsza.",
      "Super sklep, zamawiam po raz trzeci!",
      "Super cena, gdzie indziej płacę więcej niż tu.",
      "Dobrze wiedzieć, dzięki. Stary model był i tak gorszy.",
      "Jak miło, że wysłaliście zamiennik, pierwszy przyszedł porysowany.",
      "Ďakujem, v košíku som označila „darček“, faktúru prosím nevkladajte.",
      "Nadšená! Nový gauč je super, starý bol horší.",
      "Super cena, inde platím viac ako tu.",
      "Dobré vedieť, vďaka. Starý model bol aj tak horší.",
      "Aké milé, že ste poslali náhradu, prvý kus prišiel poškriabaný.",
      "Super, ďakujem. Technik to dnes nestihol, príde zajtra, to je v poriadku.",
      "Hvala, v košarici sem označila 'darilo', računa prosim ne prilagajte.",
      "Navdušena sem! Nov kavč je super, stari je bil slabši.",
      "Super cena, drugje plačam več kot tukaj.",
      "Dobro vedeti, hvala. Stari model je bil itak slabši.",
      "Kako prijazno, da ste poslali nadomestek, prvi je prišel opraskan.",
      "Kako lepo, paket je prišel prej. Stari je bil slabši.",
      "Zelo pošteno, vrnili ste poštnino, čeprav je bil paket slabši zapakiran."
  })
  void reviewCalmLinesAreNotSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
  }
}
