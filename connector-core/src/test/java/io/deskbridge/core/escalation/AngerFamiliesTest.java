package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The eleventh round's families of anger without swearing or capitals ({@link AngerFamilies}), each in five
 * languages, and the calm support lines beside them that must stay calm. Written for this test; none is a line of
 * the held-out sets.
 */
class AngerFamiliesTest {

  private final AngerSignal signal = new AngerSignal();

  @ParameterizedTest
  @ValueSource(strings = {
      // weeks of waiting and still nothing
      "three weeks since i paid and still no sign of the blender",
      "a month without any reply to my complaint",
      "objednávala jsem před třemi týdny a pořád nic nedorazilo",
      "dva měsíce bez odpovědi na reklamaci",
      "od trzech tygodni czekam na kuriera, a paczki dalej nigdzie",
      "miesiac bez odpowiedzi na moja reklamacje",
      "tri týždne od platby a stále nič",
      "dva mesiace bez reakcie z vašej strany",
      "že tri tedne od plačila in še vedno nič",
      "mesec dni brez odgovora na mojo pritožbo",
      // repeated contact
      "i have emailed you again and again about the same hoover",
      "i keep repeating myself every time i phone you",
      "volal jsem vám několikrát kvůli té pračce",
      "pořád dokola vysvětluju, že ta lednice netěsní",
      "dzwoniłem kilka razy w sprawie pralki",
      "w kółko tłumaczę, że lodówka cieknie",
      "volal som vám niekoľkokrát kvôli práčke",
      "stále dookola vysvetľujem, že chladnička tečie",
      "klical sem vas večkrat zaradi pralnega stroja",
      "vedno znova razlagam, da hladilnik pušča",
      // superlatives of badness, never treated like this
      "the most incompetent delivery service on earth",
      "i have never dealt with a worse retailer",
      "horší přístup k zákazníkovi jsem nikdy nezažil",
      "ještě nikdy se ke mně nikdo takhle nechoval",
      "gorszej obsługi nigdy nie doświadczyłem",
      "nikt jeszcze tak mnie nie potraktował jak wy",
      "horšiu firmu som nikdy nevidel",
      "slabše trgovine v življenju nisem videl",
      "najbolj neuporabna služba za stranke",
      // fed up, out of patience
      "that's it, we're done with this store",
      "i can't take this anymore, refund the lamp",
      "už mě to nebaví, pořád ty samé výmluvy",
      "toho bylo dost, vraťte mi peníze za lampu",
      "mam naprawdę dość waszych wymówek",
      "nie mam już siły do tej firmy",
      "už ma to nebaví, vráťte peniaze za lampu",
      "moja trpezlivosť je už na konci",
      "sita sem vaših obljub",
      "zdaj je pa dovolj, denar nazaj",
      // threats to leave
      "i'm taking my money somewhere else from now on",
      "you've just lost a customer",
      "tímhle jste přišli o zákazníka",
      "odteď budu nakupovat jinde",
      "straciliście klienta na zawsze",
      "więcej u was nic nie kupię",
      "týmto ste prišli o zákazníka",
      "už u vás nenakúpim ani rožok",
      "izgubili ste stranko",
      "tukaj ne kupim ničesar več",
      // sarcastic politeness
      "how kind of you to reply after only a month",
      "díky moc, čekal jsem jen tři týdny",
      "jak miło, że ktoś odpisał po miesiącu",
      "aké milé, že sa niekto ozval po mesiaci",
      "kako prijazno, da ste odpisali po enem mesecu",
      "thanks for the lovely silence",
      "great job breaking my new phone",
      "skvělá práce, rozbít mi nový telefon",
      "świetna robota, zepsuć mi nowy telefon",
      "odlično delo, pokvariti mi nov telefon",
  })
  void eachFamilyIsAngerInEveryLanguage(String text) {
    double score = signal.score(text);
    assertThat(signal.isAngry(score)).as("%s: %s", text, score).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // calm waiting, polite follow-ups
      "i waited a week for the desk, does it come assembled?",
      "i wrote to you last week about the lamp, is there any news?",
      "čekala jsem týden na stůl, je smontovaný?",
      "psal jsem minulý týden kvůli lampě, víte už něco?",
      "czekałam tydzień na biurko, czy jest złożone?",
      "pisałem w zeszłym tygodniu w sprawie lampy, wiadomo już coś?",
      "čakala som týždeň na stôl, je zložený?",
      "písal som minulý týždeň kvôli lampe, viete už niečo?",
      "na mizo sem čakala en teden, je sestavljena?",
      "pisal sem prejšnji teden glede svetilke, veste že kaj?",
      // cancelling is not anger
      "i want to cancel my order and buy the bigger model",
      "chci zrušit objednávku a koupit větší model",
      "chcę anulować zamówienie i kupić większy model",
      "chcem zrušiť objednávku a kúpiť väčší model",
      "želim preklicati naročilo in kupiti večji model",
      // lookalikes of the families
      "i called two times but the line was busy, when are you open?",
      "which of the two phones has the worst battery?",
      "is the grey model worse than the black one?",
      "that's it, i'm done with the form, thanks for the help",
      "the price of a competitor is lower, can you match it?",
      "i lost my customer number, where can i find it?",
      "thank you, i only need the rental for a week",
      "how kind of you, thank you for the quick help",
      "you were a great help, thank you",
      "nejhorší možný případ je výměna displeje?",
      "je šedý model horší než černý?",
      "kolik dní mám na vrácení?",
      "mam dość czasu, żeby odebrać paczkę osobiście",
      "czy szary model jest gorszy od czarnego?",
      "mám dosť času, vyzdvihnem si to osobne",
      "imam dovolj časa, paket prevzamem osebno",
      "je pa dovolj prostora v omari?",
      "ali ne naročim več kot dva kosa hkrati?",
      "už se nevrátím domů před šestou, může kurýr přijet později?",
  })
  void calmLinesBesideTheFamiliesStayCalm(String text) {
    double score = signal.score(text);
    assertThat(signal.isAngry(score)).as("%s: %s", text, score).isFalse();
  }
}
