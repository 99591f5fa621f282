package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AngerSignalTest {

  private final AngerSignal signal = new AngerSignal();

  @ParameterizedTest
  @ValueSource(strings = {
      "This is the THIRD time my package is late!!! Your service is absolutely terrible and useless.",
      "You are idiots.",
      "you are useless",
      "fuck you",
      "this damn app is a fucking joke",
      "WHERE IS MY PARCEL I PAID TWO WEEKS AGO",
      "I will report you to the authorities.",
      "Terrible service, never buying from you again",
      "To je naprosto příšerné a nepoužitelné!",
      "Jste banda debilů.",
      "Kurva, už zase to nefunguje, do prdele.",
      "To jest beznadziejne i żenujące!!",
      "Wasz bot to idioci.",
      "Je to otrasné, hanba!!",
      "Ste neschopní.",
      "To je grozno in nesprejemljivo.",
      "Nikoli več ne bom kupil pri vas.",
  })
  void angryMessagesReachTheThreshold(String text) {
    double score = signal.score(text);
    assertThat(signal.isAngry(score)).as("%s: %s", text, score).isTrue();
    assertThat(AngerSignal.tone(score)).isEqualTo("angry");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "How can I reset my password? I can't log in.",
      "The tracking page shows a terrible error.",
      "Thanks!!",
      "I paid 249 EUR by VAT invoice, PDF attached.",
      "how to locate the damn invoice",
      "can you help me cancel a fucking standard account?",
      "how do I talk to damn customer service?",
      "I'm unhappy with ur service lodge a goddamn claim",
      "sorry for the stupid question, where do I change my address?",
      "Not terrible at all, thanks.",
      "Thank you, the thing works now.",
      "I never received my order.",
      "Jak dlouho trvá doručení do Brna?",
      "Kde je ta zatracená faktura?",
      "Neumím najít váš formulář.",
      "Potom vám pošlu číslo objednávky.",
      "Gdzie jest ta cholerna faktura?",
      "Kde nájdem tú prekliatu faktúru?",
      "Kje je ta prekleti račun?",
      "",
  })
  void calmOrMildMessagesStayBelow(String text) {
    assertThat(signal.isAngry(signal.score(text))).as("%s: %s", text, signal.score(text)).isFalse();
  }

  /** Issue #13: strongly negative tone without swearing or capitals, inflected, in each of the five languages. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Three weeks waiting and still no refund.",
      "I have called four times and nobody gets back to me.",
      "This is the worst service I've ever had.",
      "Enough is enough, I'm switching to a competitor.",
      "I'm losing my patience with you people.",
      "Thanks for wasting my whole afternoon.",
      "Thank you very much indeed for wasting my weekend.",
      "Čekám už tři týdny a pořád nic.",
      "Píšu vám už popáté a nikdo nereaguje.",
      "Nejhorší zákaznický servis, jaký jsem zažil.",
      "Mám toho dost, přecházím ke konkurenci.",
      "Došla mi trpělivost.",
      "Uz me to stve, nikdo nic neresi.",
      "Czekam już trzy tygodnie i dalej nic.",
      "Dzwonię już piąty raz i nikt nie pomógł.",
      "Najgorszy sklep internetowy w historii.",
      "Mam dość, idę do konkurencji.",
      "Przechodzę do konkurencji, tam przynajmniej odpisują.",
      "Kończy mi się cierpliwość.",
      "Jestem wściekły na waszą obsługę.",
      "Čakám už tri týždne a stále nič.",
      "Píšem vám už piatykrát a nikto neodpovedá.",
      "Najhorší zákaznícky servis, aký poznám.",
      "Mám toho dosť, idem ku konkurencii.",
      "Došla mi trpezlivosť.",
      "Som naozaj nahnevaný.",
      "Čakam že tri tedne in še vedno nič.",
      "Pišem vam že petič in nihče ne odgovori.",
      "Najslabša storitev, kar sem jih doživel.",
      "Dovolj mi je, grem h konkurenci.",
      "Zmanjkuje mi potrpljenja.",
      "Zelo sem jezna.",
  })
  void angerWithoutSwearingOrCapitalsInEveryLanguage(String text) {
    assertThat(signal.isAngry(signal.score(text))).as("%s: %s", text, signal.score(text)).isTrue();
  }

  /** Hard negatives: "worst case", "enough time", ordering for the third time, a negated anger, a plain wait. */
  @ParameterizedTest
  @ValueSource(strings = {
      "What is the worst case if the parcel is lost?",
      "I've had enough time to try it and I'll keep it.",
      "I'm waiting for a refund, could you check?",
      "This is my third time ordering and everything was fine.",
      "I'm not angry, just asking when it ships.",
      "V nejhorším případě pošlu zboží zpět.",
      "Mám dost času, počkám.",
      "Objednávám u vás potřetí a jsem spokojený.",
      "Nejsem naštvaný, jen se ptám.",
      "W najgorszym przypadku zwrócę towar.",
      "Mam dość czasu, poczekam.",
      "Nie jestem zły, tylko pytam o status.",
      "V najhoršom prípade tovar vrátim.",
      "Nie som nahnevaný, len sa pýtam.",
      "V najslabšem primeru bom blago vrnil.",
      "Imam dovolj časa, počakam.",
      "Nisem jezen, samo sprašujem.",
      "let's hear a joke!",
      "Tell me a joke, please.",
  })
  void hardNegativesOfTheNewRulesStayCalm(String text) {
    assertThat(signal.isAngry(signal.score(text))).as("%s: %s", text, signal.score(text)).isFalse();
  }

  /**
   * Issue #13, fourth round: the families behind the misses of {@code escalation-held-out-2.jsonl}, each written in
   * other words than the missed line: thanks for a wasted or ruined day, a long wait named before the verb, "no
   * answer" said as a noun, a broken promise, the nth e-mail, patience lost with words between, fed up with the
   * object first, intensified outrage.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "Thanks for ruining my whole weekend.",
      "Děkuji, že jste mi zkazili celý víkend.",
      "Dzięki, że zmarnowaliście mi cały dzień.",
      "Ďakujem, že ste mi pokazili celý víkend.",
      "Hvala, da ste mi uničili cel vikend.",
      "Tři týdny čekám, žádná reakce.",
      "Miesiąc czekam, zero odpowiedzi.",
      "Tri týždne čakám, žiadna odpoveď.",
      "Tri tedne čakam, nobenega odziva.",
      "A month and still nothing, no reply at all.",
      "You promised a refund and nobody ever answered.",
      "Slíbili jste vrácení peněz a pořád nic.",
      "Obiecaliście zwrot i nadal nic.",
      "Sľúbili ste vrátenie peňazí a stále nič.",
      "Obljubili ste vračilo in še vedno nič.",
      "This is my fourth email about the same order and I'm being ignored.",
      "Obiecaliście kontakt i nikt nie zadzwonił.",
      "Trpělivost mi s vámi opravdu dochází.",
      "Došla mi s vámi všemi trpělivost.",
      "Dochádza mi s vami trpezlivosť.",
      "Zmanjkalo mi je z vami potrpljenja.",
      "Vašich výmluv mám dost.",
      "Vaših obljub imam zdaj dovolj.",
      "Tega imam res dovolj.",
      "This is completely unacceptable.",
      "To je naprosto nepřijatelné.",
      "To jest absolutnie niedopuszczalne.",
      "To je úplne neprijateľné.",
      "To je popolnoma nesprejemljivo.",
  })
  void fourthRoundFamiliesOfTheHeldOutMisses(String text) {
    assertThat(signal.isAngry(signal.score(text))).as("%s: %s", text, signal.score(text)).isTrue();
  }

  /** Hard negatives of the fourth round's rules. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Thanks for the weekend discount.",
      "Děkuji, že jste mi poslali fakturu.",
      "Dwa tygodnie temu zamówiłem, czy to już wysłane?",
      "Imam dovolj časa, počakam do ponedeljka.",
      "Ali imam dovolj točk za popust?",
      "You promised a discount code, where do I find it?",
      "Tohle je moje třetí objednávka.",
      "To je naprosto neuvěřitelné, jak rychle to přišlo.",
      "This is my second order this month.",
  })
  void hardNegativesOfTheFourthRoundStayCalm(String text) {
    assertThat(signal.isAngry(signal.score(text))).as("%s: %s", text, signal.score(text)).isFalse();
  }

  @Test
  void scoreIsCappedAndTonesAreOrdered() {
    assertThat(signal.score("terrible awful useless horrible idiots!!! WORST")).isEqualTo(1.0);
    assertThat(signal.score("Hello")).isZero();
    assertThat(AngerSignal.tone(0)).isEqualTo("neutral");
    assertThat(AngerSignal.tone(signal.score("That was a terrible experience."))).isEqualTo("frustrated");
    assertThat(AngerSignal.tone(signal.score("where is the damn invoice"))).isEqualTo("frustrated");
  }

  /**
   * Precision and recall on our own labelled fixture ({@code signals/anger.tsv}, 66 short messages in the five
   * languages). It was written before the rules were tuned, but by the same people, so the floor guards against
   * regressions rather than proving the rules on unseen text; Bitext's offensive-language rows (calm questions
   * with a swear word) measure the false alarms on outside data, see docs/quality.md.
   */
  @Test
  void precisionAndRecallOnTheLabelledFixture() throws IOException {
    int truePositives = 0;
    int falsePositives = 0;
    int falseNegatives = 0;
    var misses = new java.util.ArrayList<String>();
    for (var line : fixture()) {
      var columns = line.split("\t", 3);
      boolean angry = columns[0].equals("angry");
      boolean flagged = signal.isAngry(signal.score(columns[2]));
      if (flagged && angry) {
        truePositives++;
      } else if (flagged) {
        falsePositives++;
        misses.add("false alarm: " + columns[2]);
      } else if (angry) {
        falseNegatives++;
        misses.add("missed: " + columns[2]);
      }
    }
    double precision = truePositives / (double) (truePositives + falsePositives);
    double recall = truePositives / (double) (truePositives + falseNegatives);

    assertThat(truePositives + falseNegatives).as("angry messages in the fixture").isGreaterThanOrEqualTo(30);
    assertThat(precision).as("precision; %s", misses).isGreaterThanOrEqualTo(0.9);
    assertThat(recall).as("recall; %s", misses).isGreaterThanOrEqualTo(0.9);
  }

  private static List<String> fixture() throws IOException {
    try (InputStream in = AngerSignalTest.class.getResourceAsStream("/signals/anger.tsv")) {
      return new String(Objects.requireNonNull(in, "signals/anger.tsv").readAllBytes(), StandardCharsets.UTF_8)
          .lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
  }

  /**
   * The fifth round's families of held-out-3's misses (docs/quality.md, "Fifth round"), each in the five languages
   * where it applies and in other words than the missed line: having had to explain or repeat several times, the nth
   * time written as two words, nobody picking up or writing back, something still not arrived (Slovene "še vedno ni"
   * was a sign of waiting already), idioms of being fed up, patience being lost, "enough of this" opening the
   * message, leaving for another shop.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "I've had to explain my situation four times already.",
      "Už několikrát jsem musel opakovat číslo objednávky.",
      "Kilka razy powtarzałam wam numer zamówienia.",
      "Niekoľkokrát som vám opakoval číslo objednávky.",
      "Večkrat sem vam ponavljal številko naročila.",
      "Volám vám už po páté.",
      "Dzwonię do was po raz piąty.",
      "Volám vám už po piaty raz.",
      "Kličem vas že peti krat.",
      "I've waited a month and nobody ever picked up the phone.",
      "I've been waiting for weeks and the refund still has not arrived.",
      "Týden čekám a nikdo mi neodepsal.",
      "Od tygodnia czekam, a nikt nie odbiera telefonu.",
      "Týždeň čakám a nikto mi nedvíha telefón.",
      "Teden dni čakam in nihče ne dvigne telefona.",
      "Čekám už měsíc a balík pořád nedorazil.",
      "Czekam od miesiąca, a paczka wciąż nie dotarła.",
      "Čakám už mesiac a balík stále nedorazil.",
      "Honestly, I've had it up to here with your excuses.",
      "Těch vašich výmluv mám až po krk.",
      "Mam powyżej uszu tych opóźnień.",
      "Tých vašich výhovoriek mám po krk.",
      "Teh zamud imam že vrh glave.",
      "Your excuses are getting on my nerves.",
      "Vaše výmluvy mi lezou na nervy.",
      "Te opóźnienia działają mi na nerwy.",
      "Tie výhovorky mi už idú na nervy.",
      "Vaše zamude mi gredo na živce.",
      "Ztrácím s vámi pomalu trpělivost.",
      "Powoli tracę do was cierpliwość.",
      "Pomaly strácam trpezlivosť.",
      "Počasi izgubljam potrpljenje.",
      "Enough of this, refund me now.",
      "Dost už, chci peníze zpět.",
      "Dosyć już tego, chcę zwrotu.",
      "Dosť už, vráťte mi peniaze.",
      "Dovolj tega, vrnite mi denar.",
      "I'm taking my money to another store.",
      "Odcházím do jiného obchodu.",
      "Idę kupować do innego sklepu.",
      "Odchádzam do iného obchodu.",
      "Grem v drugo trgovino.",
  })
  void fifthRoundFamiliesOfTheHeldOutMisses(String text) {
    assertThat(signal.isAngry(signal.score(text))).as("%s: %s", text, signal.score(text)).isTrue();
  }

  /**
   * Hard negatives of the fifth round's rules: "the worst" of a supposition (Polish "w najgorszym razie" was flagged
   * before), counts without a verb of explaining, a wait that is only long, "enough" of time, another shop as a
   * place.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "W najgorszym razie zapłacę przy odbiorze.",
      "Několikrát jsem u vás objednával a vždy spokojeně.",
      "Kilka razy zamawiałam i zawsze było dobrze.",
      "Už dost dlouho jsem nic neobjednal, co je nového?",
      "Dovolj je, da kliknete na povezavo.",
      "Can I pick up the parcel at another store?",
      "Balík ještě nedorazil, kdy asi přijde?",
      "Přišla mi už třetí zásilka, díky.",
      "Please repeat the order number for me.",
  })
  void hardNegativesOfTheFifthRoundStayCalm(String text) {
    assertThat(signal.isAngry(signal.score(text))).as("%s: %s", text, signal.score(text)).isFalse();
  }

  /**
   * The sixth round's families (docs/quality.md, "Sixth round"), in other words than held-out-4's missed lines: fed up
   * as "mám toho dost" and "plné kecky" (the older rule read "plné zuby" as two places), "že imam dovolj", patience
   * gone with words between, nerves and blood, a long time without a single answer, an ignored complaint with
   * outrage, never treated this badly, thanks for something lost because of you, buying elsewhere, something still
   * nowhere.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "Mame toho dost, vratte nam penize.",
      "Toho čekání mám plné kecky.",
      "Mám toho dosť, končím s vami.",
      "Že imam dovolj vaših izgovorov.",
      "Moje trpělivost s vaší firmou už došla.",
      "Cierpliwość do waszego sklepu całkiem się wyczerpała.",
      "Moja trpezlivosť s vami už došla.",
      "Moje potrpljenje z vami je pošlo.",
      "My patience with this shop has run out.",
      "Už mi s vámi docházejí nervy.",
      "Puszczają mi już nerwy przez tę paczkę.",
      "Už mi dochádzajú nervy s touto objednávkou.",
      "Živci mi že popuščajo zaradi te zamude.",
      "This whole refund saga makes my blood boil.",
      "Krew mnie zalewa, jak czytam wasze odpowiedzi.",
      "Three weeks now and not a single reply to my emails.",
      "Měsíc nic a ani jedna zpráva od vás.",
      "Od miesiąca ani jednej odpowiedzi od was.",
      "Mesiac čakania a ani jedna odpoveď.",
      "Tri tedne, pa niti enega odgovora.",
      "You have ignored my request for weeks, disgraceful.",
      "Ignorujete mou stížnost, to je neslýchané.",
      "Ignorujecie moje zgłoszenie, to niesłychane.",
      "Ignorujete moju sťažnosť, to je neslýchané.",
      "Ignorirate mojo pritožbo, to je nezaslišano.",
      "I've never been treated so rudely by a shop.",
      "Nikdy se mnou nikdo nejednal tak hrozně.",
      "Nigdy nie obsłużono mnie tak fatalnie.",
      "Nikdy ma nikto neobslúžil tak zle.",
      "Nikoli me niso obravnavali tako grdo.",
      "Děkuji, že jsem kvůli vám přišel o celé odpoledne.",
      "Dzięki, że przez was straciłam cały dzień.",
      "Vďaka, že som kvôli vám zmeškal vlak.",
      "Hvala, da sem zaradi vas zamudil vlak.",
      "From now on I'm ordering somewhere else.",
      "Příště nakoupím jinde.",
      "Od dziś kupuję gdzie indziej.",
      "Odteraz nakupujem inde.",
      "Od zdaj kupujem drugje.",
      "Nobody answers the phone and my parcel is still nowhere.",
      "Nikdo nebere telefon a objednávka pořád nikde.",
      "Nikt nie odbiera, a zwrotu jak nie było, tak nie ma.",
      "Nikto nedvíha telefón a balík stále nikde.",
      "Nihče ne dvigne telefona, paket pa še vedno nikjer.",
  })
  void sixthRoundFamiliesOfTheHeldOutMisses(String text) {
    assertThat(signal.isAngry(signal.score(text))).as("%s: %s", text, signal.score(text)).isTrue();
  }

  /**
   * Hard negatives of the sixth round's rules: "the worst that can happen" is a supposition (flagged before in every
   * language), one message that has not come, buying elsewhere asked about, a good patience, enough time.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "What's the worst that could happen if I return it late?",
      "Co nejhoršího se stane, když balík nevyzvednu?",
      "Co najgorszego się stanie, jeśli nie odbiorę paczki?",
      "Čo najhoršie sa stane, ak balík nevyzdvihnem?",
      "Kaj najhujšega se zgodi, če paketa ne prevzamem?",
      "Nepřišel mi ani jeden e-mail s potvrzením, kde ho najdu?",
      "Can I buy the charger somewhere else too?",
      "Díky za trpělivost, objednávka už dorazila.",
      "Imam dovolj časa, da počakam.",
  })
  void hardNegativesOfTheSixthRoundStayCalm(String text) {
    assertThat(signal.isAngry(signal.score(text))).as("%s: %s", text, signal.score(text)).isFalse();
  }

  /**
   * Entries whose alternatives of several words were written with spaces ("nisi pomagal*|ni pomagal*", "second time"),
   * so that one place became two and the entry never matched its single words: Slovene disappointment and "again …
   * broken" count now.
   */
  @Test
  void multiWordAlternativesNoLongerSwallowTheirSingleWords() {
    assertThat(signal.score("Zelo sem razočarana.")).isEqualTo(AngerSignal.MILD);
    assertThat(signal.score("Again the parcel came broken.")).isEqualTo(AngerSignal.NEGATIVE);
  }

  /**
   * The seventh round's families (docs/quality.md, "Seventh round"), in other words than held-out-5's missed lines:
   * bounced between departments or people, a threat to report the shop or to warn others in reviews, the last
   * purchase, promises with nothing happening, nobody caring (the object forms "nikoho", "nikogo", "nikogar"), theft
   * predicated of the service, Polish "dalej nie ma".
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "I've been passed from one department to another and nobody helped.",
      "Posíláte mě od jednoho operátora k druhému a nikdo nic neví.",
      "Pinkáte mě sem a tam a pořád nic.",
      "Odsyłacie mnie od konsultanta do konsultanta, a sprawy dalej nie ma.",
      "Przerzucacie mnie od Annasza do Kajfasza i nikt nie odpowiada.",
      "Prehadzujete ma z oddelenia na oddelenie a nikto nič nerieši.",
      "Posielate ma od čerta k diablu a stále nič.",
      "Pošiljate me od enega operaterja do drugega in nihče ne ve ničesar.",
      "You just bounce me around and nobody answers.",
      "I'm taking this to the ombudsman if it isn't fixed.",
      "I will post reviews everywhere online about this.",
      "I'll warn everyone about your shop.",
      "Napíšu o vás na všechny recenzní weby.",
      "Dám vám hodnocení na Heurece a všude jinde.",
      "Obrátím se na dTest a na obchodní inspekci.",
      "Napiszę o was opinię na wszystkich forach.",
      "Zawiadomię rzecznika praw konsumenta o waszym postępowaniu.",
      "Napíšem o vás recenziu na každý portál.",
      "Obrátim sa na spotrebiteľskú organizáciu.",
      "Obrnila se bom na Zvezo potrošnikov.",
      "O vas bom napisal slabo oceno povsod.",
      "This will be my last purchase from you.",
      "That was the final time I shop with you.",
      "Tohle byla moje poslední objednávka u vás.",
      "To było moje ostatnie zamówienie w waszym sklepie.",
      "Toto bola moja posledná objednávka u vás.",
      "To je bilo moje zadnje naročilo pri vas.",
      "All you ever do is promise, and nothing changes.",
      "Furt jen sliby, a nic se nezměnilo.",
      "Wciąż obiecujecie, a nic się nie zmienia.",
      "Iba sľubujete, ale nič sa nestalo.",
      "Vedno samo obljubljate, nič pa se ne premakne.",
      "Nikoho u vás nezajímá, že čekám už měsíc.",
      "Nikogo u was nie interesuje, że czekam od miesiąca.",
      "Nikoho nezaujíma, že čakám už mesiac.",
      "Nikogar ne zanima, da čakam že en mesec.",
      "Three weeks and still no refund, this is plain theft.",
      "Peníze pořád nic, to je čistá krádež.",
      "Zwrotu dalej nie ma, to jest zwykła kradzież.",
      "Peniaze stále nič, je to krádež.",
      "Denarja še vedno ni, to je čista kraja.",
  })
  void seventhRoundFamiliesOfTheHeldOutMisses(String text) {
    assertThat(signal.isAngry(signal.score(text))).as("%s: %s", text, signal.score(text)).isTrue();
  }

  /**
   * Hard negatives of the seventh round's rules: the last order asked about, nothing happening on a click, a promise
   * of the customer's own, Slovene "kraja" as a place, a move between plans.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "When was my last order shipped?",
      "Kdy byla moje poslední objednávka odeslána?",
      "Kiedy było moje ostatnie zamówienie?",
      "Moja posledná objednávka ešte neprišla.",
      "Moje zadnje naročilo je prispelo, hvala.",
      "Kliknu na tlačítko a nic se neděje, co mám dělat?",
      "I promise to pay the rest by Friday.",
      "Ta izdelek je iz našega kraja.",
      "Polska to taka dziwna kraja, co innego mówią.",
      "I moved from one plan to another last year, how do I switch back?",
  })
  void hardNegativesOfTheSeventhRoundStayCalm(String text) {
    assertThat(signal.isAngry(signal.score(text))).as("%s: %s", text, signal.score(text)).isFalse();
  }
}
