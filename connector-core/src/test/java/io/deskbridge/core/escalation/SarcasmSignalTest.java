package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.deskbridge.core.bot.Bot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped model with the bot's real embedding model, and the model file's format. */
class SarcasmSignalTest {

  private static final SarcasmSignal SIGNAL = SarcasmSignal.bundled();

  private static final class Model {
    static final EmbeddingModel INSTANCE = Bot.embeddingModel();
  }

  private static double score(String text) {
    return SIGNAL.score(text, SarcasmSignal.unitLength(Model.INSTANCE.embed(text).content().vector()));
  }

  @Test
  void theShippedModelLoadsWithTheBotsEmbeddingShapeAndCreditsItsData() throws Exception {
    assertThat(SIGNAL.dimensions()).isEqualTo(384);
    assertThat(SIGNAL.threshold()).isStrictlyBetween(0.0, 1.0);
    assertThat(SarcasmSignal.bundled()).isSameAs(SIGNAL);
    try (var in = SarcasmSignal.class.getClassLoader().getResourceAsStream(SarcasmSignal.BUNDLED)) {
      var header = new String(in.readNBytes(2000), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(header).contains("iSarcasmEval", "MIT License", "Copyright (c) 2022 Ibrahim Abu Farha",
          "train-sarcasm");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Oh great, another Monday. Just what I needed.",
      "I just love waiting on hold for two hours 🙃",
      "Yeah right, like that is ever going to happen.",
      "I love how your app logs me out every five minutes.",
      "Can't wait to spend my whole weekend on the phone with your support.",
  })
  void clearSarcasmScoresAtOrAboveTheThreshold(String text) {
    double score = score(text);
    assertThat(SIGNAL.isSarcastic(score)).as("%s: %.3f (threshold %.3f)", text, score, SIGNAL.threshold()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "How can I reset my password? I can't log in.",
      "Where is my order #48213? It was supposed to arrive yesterday.",
      "Please send me a copy of my invoice for March.",
      "Which payment methods do you accept?",
      "I would like to change my delivery address.",
      "Thank you, that answered my question.",
  })
  void plainCustomerMessagesScoreBelowTheThreshold(String text) {
    double score = score(text);
    assertThat(SIGNAL.isSarcastic(score)).as("%s: %.3f (threshold %.3f)", text, score, SIGNAL.threshold()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Can you freeze my bank account?",
      "Hi, where is my order?",
      "What's the status of my refund",
      "please set an alarm for 6 am",
      "I'd love to set an alarm",
      "I need a copy of my invoice",
      "i cant log in",
      "Is it possible to pay by card?",
      "Hello! Could you tell me the opening hours?",
      "cancel my order 55120",
  })
  void plainRequestsScoreZero(String text) {
    assertThat(SarcasmSignal.isPlainRequest(text)).as(text).isTrue();
    assertThat(SIGNAL.score(text, new float[384])).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Could you lose my parcel again? Great job.",
      "Can you please stop logging me out 🙄",
      "How hard is it to deliver a parcel on time?",
      "Why would anyone need a working app anyway",
      "What a wonderful day to have my order cancelled",
      "Can't wait to spend my weekend on hold",
      "My parcel is late again.",
      "Thanks a lot, that worked!",
  })
  void sarcasticRequestsQuestionsAndStatementsAreNotPlainRequests(String text) {
    assertThat(SarcasmSignal.isPlainRequest(text)).as(text).isFalse();
  }

  @Test
  void blankTextScoresZeroAndAWrongEmbeddingLengthIsRejected() {
    assertThat(SIGNAL.score("  ", new float[384])).isZero();
    assertThatThrownBy(() -> SIGNAL.score("hello", new float[12]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sarcasm model expects an embedding of 384 dimensions, got 12");
  }

  @Test
  void cuesFindThePhrasesEmojisAndTypography() {
    assertThat(cue("Yeah right, sure.", "dismissive")).isOne();
    assertThat(cue("Oh great, it rains.", "mock_praise")).isOne();
    assertThat(cue("I love how nobody answers.", "love_how")).isOne();
    assertThat(cue("Best service ever #not", "marker")).isOne();
    assertThat(cue("okay 🙃", "eyeroll_emoji")).isOne();
    assertThat(cue("Thanks for the \"help\" today", "scare_quotes")).isOne();
    assertThat(cue("I don’t know why it’s late", "scare_quotes")).as("apostrophes are not quotes").isZero();
    assertThat(cue("sureeee", "elongation")).isOne();
    assertThat(cue("I love Mondays", "contrast")).isOne();
    assertThat(cue("Where is my parcel?", "question")).isOne();
    assertThat(cue("Where is my parcel?", "dismissive")).isZero();
    assertThat(SarcasmSignal.cues("Where is my parcel?")).hasSize(SarcasmSignal.CUES.size());
  }

  private static double cue(String text, String name) {
    return SarcasmSignal.cues(text)[SarcasmSignal.CUES.indexOf(name)];
  }

  @Test
  void aModelSurvivesFormatAndParse() {
    var weights = new double[SarcasmSignal.CUES.size() + 3];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = i * 0.25 - 1;
    }
    var text = SarcasmSignal.format(List.of("a comment"), 0.4, -0.5, weights);
    var model = SarcasmSignal.parse(text);
    assertThat(model.dimensions()).isEqualTo(3);
    assertThat(model.threshold()).isEqualTo(0.4);
    var embedding = new float[] {1, 0, 0};
    double z = -0.5 + weights[SarcasmSignal.CUES.size()];
    var cues = SarcasmSignal.cues("plain words");
    for (int c = 0; c < cues.length; c++) {
      z += weights[c] * cues[c];
    }
    assertThat(model.score("plain words", embedding)).isCloseTo(1 / (1 + Math.exp(-z)),
        org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void aBrokenModelFileNamesTheProblem() {
    var good = SarcasmSignal.format(List.of(), 0.4, 0, new double[SarcasmSignal.CUES.size() + 2]).split("\n");
    assertThatThrownBy(() -> SarcasmSignal.parse(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("sarcasm model ends before its 'format' line");
    assertThatThrownBy(() -> SarcasmSignal.parse("format something-else 1\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown format 'format something-else 1'");
    assertThatThrownBy(() -> SarcasmSignal.parse(replace(good, 2, "threshold 1.5")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold must be in (0, 1), got 1.5");
    assertThatThrownBy(() -> SarcasmSignal.parse(replace(good, 3, "bias abc")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("sarcasm model line 4: 'abc' is not a finite number");
    assertThatThrownBy(() -> SarcasmSignal.parse(replace(good, 4, "cue shouting 0.1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 5: expected cue 'dismissive', found 'shouting'");
    assertThatThrownBy(() -> SarcasmSignal.parse(replace(good, good.length - 1, "embedding 0.1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 'embedding' with 2 value(s), found 'embedding 0.1'");
    assertThatThrownBy(() -> SarcasmSignal.parse(String.join("\n", good) + "\nextra 1\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unexpected 'extra 1'");
  }

  private static String replace(String[] lines, int index, String line) {
    var copy = new ArrayList<>(List.of(lines));
    copy.set(index, line);
    return String.join("\n", copy);
  }

  /** Issue #13: the common support forms in each of the five languages, caught without the model. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Thanks for nothing, really.",
      "Great, the parcel is late again.",
      "Wow, only two months for a refund.",
      "Your \"customer care\" is something else.",
      "Just what I needed, another broken phone.",
      "Díky za nic.",
      "Jaké překvapení, zase pozdě.",
      "Děkuju, že jste mě nechali čekat celý den.",
      "Dziękuję, że kazaliście mi czekać cały dzień.",
      "Ďakujem, že ste ma nechali čakať celý deň.",
      "Hvala, ker ste me pustili čakati ves dan.",
      "Super, zase zpoždění.",
      "Páni, jen dva měsíce na vrácení peněz.",
      "Vaše „pomoc“ je k ničemu.",
      "Dzięki za nic.",
      "Świetnie, znowu opóźnienie.",
      "Wow, tylko dwa miesiące czekania.",
      "Wasza „pomoc” to coś niesamowitego.",
      "Vďaka za nič.",
      "Super, zase meškanie.",
      "Wow, len dva mesiace na vrátenie peňazí.",
      "Hvala za nič.",
      "Super, spet zamuda.",
      "Vau, samo dva meseca za vračilo.",
  })
  void supportSarcasmInEveryLanguageWithoutTheModel(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
    assertThat(SarcasmSignal.ruleScore(text)).isEqualTo(1.0);
  }

  @Test
  void theSupportFormsScoreOneWhateverTheModelSays() {
    assertThat(score("Thanks for nothing, really.")).isEqualTo(1.0);
    assertThat(SIGNAL.isSarcastic(score("Great, the parcel is late again."))).isTrue();
  }

  /** Sincere praise, thanks, product names in quotes, a question after praise. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Great, that solved it, thanks!",
      "Wow, that was quick!",
      "Skvělé, děkuji za rychlou odpověď.",
      "Świetnie, dziękuję za pomoc.",
      "Super, ďakujem.",
      "Odlično, hvala za pomoč.",
      "Is the \"Premium\" plan available?",
      "Objednal jsem model „Classic“.",
      "Great, can I also change the delivery date to next week?",
      "Thanks, I'll wait for the courier.",
      "I don't need the \"express\" option, thanks.",
  })
  void sincerePraiseAndQuotedNamesAreNotSupportSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
    assertThat(SarcasmSignal.ruleScore(text)).isZero();
  }

  /**
   * Issue #13, fourth round: the families behind the misses of {@code escalation-held-out-2.jsonl}, in other words:
   * thanks for being left hanging on the line, praise with a broken replacement, "just what I was missing", praise of
   * customer care in quotes in Slovene.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "Děkuju, že jste mě nechali půl dne viset na telefonu.",
      "Dzięki, że kazaliście mi wisieć na linii pół dnia.",
      "Ďakujem, že ste ma nechali visieť na telefóne.",
      "Hvala, da ste me pustili viseti na telefonu.",
      "Hvala, da ste me pustili čakati pol dneva.",
      "Super, nowy egzemplarz też jest uszkodzony.",
      "Paráda, nový kus je poškozený taky.",
      "Výborne, aj nový kus je pokazený.",
      "Odlično, tudi drugi polnilnik je poškodovan.",
      "Tego jeszcze brakowało.",
      "To mi ještě chybělo.",
      "To mi ešte chýbalo.",
      "To mi je še manjkalo.",
      "Świetnie, dostawa się opóźni.",
      "Vaša „skrb za kupce“ je res nekaj posebnega.",
      "Nice work forgetting my refund.",
  })
  void fourthRoundFamiliesOfTheHeldOutMisses(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
  }

  /** Hard negatives of the fourth round's rules. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Děkuju, že jste mi nechali balík u sousedky.",
      "Super, dziękuję, że wymieniliście uszkodzony egzemplarz.",
      "Odlično, hvala, poškodovan izdelek ste hitro zamenjali.",
      "Brakowało mi tylko instrukcji, teraz działa.",
      "Je program „Skrb za stranke“ brezplačen?",
  })
  void fourthRoundLookalikesAreNotSupportSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
  }

  /**
   * The fifth round's families of held-out-3's misses, in other words than the missed lines: praise with the nth
   * attempt and "still", with something that does not work, with Slovak "opäť", with damage "the same as" before;
   * mock praise as an idiom; thanks for a tip everyone has tried; praise in quotes the lexicon lacked.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "Great, the fourth courier and still no parcel.",
      "Skvělé, čtvrtý kurýr a zásilka pořád nikde.",
      "Świetnie, czwarty kurier, a paczki wciąż brak.",
      "Skvelé, štvrtý kuriér a zásielka stále nikde.",
      "Fantastic, the new router doesn't work either.",
      "Super, nowy router nie działa.",
      "Super, nov usmerjevalnik ne deluje.",
      "Paráda, kuriér opäť neprišiel.",
      "Great, the new cable is faulty, same as the old one.",
      "Výborně, nový kabel je vadný stejně jako předchozí.",
      "Świetnie, nowy kabel jest wadliwy podobnie jak poprzedni.",
      "Skvelé, nový kábel je pokazený rovnako ako predošlý.",
      "Odlično, nov kabel je okvarjen enako kot prejšnji.",
      "Hats off, only five weeks for a refund.",
      "Jen tři týdny na vrácení peněz, klobouk dolů.",
      "Tylko trzy tygodnie na zwrot pieniędzy, czapki z głów.",
      "Len tri týždne na vrátenie peňazí, to je ale rýchlosť.",
      "Le trije tedni za vračilo denarja, kakšna hitrost.",
      "Thanks for suggesting I restart the phone, I never would have thought of that.",
      "Díky za radu vypnout a zapnout modem, to by mě nikdy nenapadlo.",
      "Dzięki za radę, żeby zrestartować telefon, nigdy bym na to nie wpadła.",
      "Vďaka za radu reštartovať telefón, to by ma nenapadlo.",
      "Hvala za predlog, naj telefon restartiram, tega se res ne bi domislil.",
      "Your \"lightning\" shipping took twelve days.",
      "Vaše „nonstop“ podpora v neděli nebere telefon.",
      "Wasza „błyskawiczna” wysyłka trwała dwa tygodnie.",
      "Vaša „blesková“ doprava trvala týždeň.",
      "Vaša „bliskovita“ dostava je trajala dva tedna.",
  })
  void fifthRoundFamiliesOfTheHeldOutMisses(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
  }

  /** Hard negatives of the fifth round's rules: sincere counts, sincere thanks for a tip, sincere hats off. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Super, czwarte zamówienie i wszystko w porządku.",
      "Skvělé, už třetí objednávka a vždy spokojenost.",
      "Thanks for the tip to restart, it worked!",
      "Díky, to by mě nenapadlo, funguje to!",
      "Klobouk dolů, balík dorazil za den!",
      "Hats off to your team, the parcel came in a day.",
      "Super, nový router funguje.",
      "Odlično, vse deluje.",
  })
  void fifthRoundLookalikesAreNotSupportSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
  }

  /**
   * The sixth round's families (docs/quality.md, "Sixth round"), in other words than held-out-4's missed lines:
   * something that stopped working or expired, not a single answer, a crash, speed praised with "only" weeks, mock
   * praise idioms ("Smekám", "Skladám poklonu", "Priklanjam se", "Szacun", "Kudos"), "24/7" in quotes, "as if that
   * would change anything", the same broken thing ("ten sam", "tú istú", "isti", "podruhé").
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "Great, the voucher expired right after I got it.",
      "Paráda, aplikace přestala fungovat hned po instalaci.",
      "Świetnie, bon przestał działać zaraz po zakupie.",
      "Super, kupón prestal platiť hneď po nákupe.",
      "Odlično, kupon je nehal veljati takoj po nakupu.",
      "Excellent support, four emails and not one reply.",
      "Výborná podpora, čtyři zprávy a ani jedna odpověď.",
      "Wspaniała pomoc, cztery wiadomości i zero odpowiedzi.",
      "Výborná podpora, štyri správy a ani jedna odpoveď.",
      "Odlična podpora, štiri sporočila in niti en odgovor.",
      "Lovely, the app crashes every time I open the basket.",
      "Cudnie, sklep internetowy się zawiesza przy płatności.",
      "Such a quick exchange, only five weeks.",
      "Rychlá výměna, pouhých pět týdnů.",
      "Szybka wymiana, tylko pięć tygodni.",
      "Rýchla výmena, iba päť týždňov.",
      "Hitra menjava, samo pet tednov.",
      "Smekám, zase jste poslali špatnou velikost.",
      "Skladám poklonu, zase ste poslali zlú veľkosť.",
      "Priklanjam se, spet ste poslali napačno velikost.",
      "Szacun, znowu wysłaliście zły rozmiar.",
      "Kudos, you sent the wrong size again.",
      "Your \"24/7\" chat has been offline all weekend.",
      "Vaše „24/7“ linka nebere.",
      "They told me to clear the cache, as if that would change anything.",
      "Prý mám vymazat historii, jako by to něco změnilo.",
      "Kazali mi zrestartować router, jakby to coś zmieniło.",
      "Vraj mám reštartovať mobil, akoby to niečo zmenilo.",
      "Rekli so mi, naj izbrišem piškotke, kot da bi to kaj spremenilo.",
      "Gratuluję, przysłaliście ten sam wadliwy toster.",
      "Gratulujem, poslali ste mi tú istú poškodenú žehličku.",
      "Čestitam, poslali ste isti poškodovan likalnik.",
      "Gratuluji, podruhé mi přišla poškozená žehlička.",
  })
  void sixthRoundFamiliesOfTheHeldOutMisses(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
  }

  /**
   * Hard negatives of the sixth round's rules: a warranty or plan named in quotes (flagged before in every language),
   * something that stopped being a problem, a speed that is fast, sincere kudos.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "Does the \"Express Care\" warranty cover theft?",
      "Vztahuje se záruka „Expres Servis“ i na baterii?",
      "Czy gwarancja „Szybka Wymiana” obejmuje baterię?",
      "Platí záruka „Expres Servis“ aj v zahraničí?",
      "Ali garancija „Hitra Menjava“ velja tudi v tujini?",
      "Great, the noise stopped after the update, thanks.",
      "Fast delivery, only two days, thanks!",
      "Kudos to the courier, the parcel came early.",
  })
  void sixthRoundLookalikesAreNotSupportSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
  }

  /** "That's all I needed", whose rule was written with spaces between alternatives of two words and never matched. */
  @Test
  void thatsAllINeededIsSupportSarcasm() {
    assertThat(SarcasmSignal.supportSarcasm("Well, that's all I needed today.")).isTrue();
  }

  /**
   * The seventh round's families (docs/quality.md, "Seventh round"), in other words than held-out-5's missed lines:
   * something useless praised as extremely helpful, "love how …" in every language, "sure, I'll happily wait weeks
   * more", money sent to a card or account that no longer exists (and "genius" as opening praise), "can't even",
   * something that does not switch on or charge, "what a surprise" in its other forms, praise of the service in an
   * opening clause of up to six words, masculine forms ("odličen", „hiter“).
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "Your generic reply was incredibly helpful, thanks.",
      "Šablonovitá odpověď mi nesmírně pomohla.",
      "Szablonowa odpowiedź niezwykle mi pomogła.",
      "Automatická správa mi neuveriteľne pomohla.",
      "Samodejno sporočilo mi je izjemno pomagalo.",
      "Adore how you ship the wrong colour every time.",
      "Zbožňuju, když mi kurýr zase nechá balík u sousedů.",
      "Kocham, kiedy paczka znowu się spóźnia.",
      "Milujem, keď mi opäť pošlete zlú veľkosť.",
      "Ljubim, ko mi spet pošljete napačno barvo.",
      "Of course, I'll happily wait a few more weeks for my refund.",
      "Samozřejmě, rád počkám ještě pár měsíců, žádný problém.",
      "Oczywiście, chętnie zaczekam kolejne dwa miesiące.",
      "Samozrejme, kľudne počkám ešte pár týždňov.",
      "Seveda, z veseljem počakam še dva meseca.",
      "Wonderful, the money went back to an account I closed last year.",
      "Skvělé, vrácení šlo na účet, který jsem dávno zrušil.",
      "Świetnie, pieniądze wróciły na konto, które zamknąłem rok temu.",
      "Výborne, peniaze prišli na kartu, ktorú som zablokoval.",
      "Odlično, vračilo je šlo na kartico, ki sem jo preklicala.",
      "Geniálne, poslali ste to na adresu, ktorá neexistuje.",
      "Fantastic, I can't even reset my password now.",
      "Paráda, nejde mi ani otevřít aplikace.",
      "Świetnie, nie mogę nawet otworzyć faktury.",
      "Super, nemôžem ani stiahnuť faktúru.",
      "Krasno, ne morem niti odpreti računa.",
      "Lovely, the replacement doesn't charge either.",
      "Perfektní, ani nová nabíječka nenabíjí.",
      "Idealnie, nowy router też się nie uruchamia.",
      "Perfektné, ani nový tablet sa nezapína.",
      "Popolno, tudi novi polnilnik ne polni.",
      "Tak to je překvapení, kurýr zase nepřijel.",
      "No to je prekvapenie, balík opäť mešká.",
      "To je pa presenečenje, paket spet zamuja.",
      "A to niespodzianka, kurier znowu nie przyjechał.",
      "Wonderful customer care from your team, nobody has answered in ten days.",
      "Skvělý přístup k zákazníkům, týden mi nikdo neodepsal.",
      "Wspaniałe podejście do klienta, od tygodnia nikt nie oddzwonił.",
      "Výborná starostlivosť o klientov, nikto sa neozval už týždeň.",
      "Odličen odnos do strank, že teden dni ni nihče odgovoril.",
      "Thanks for the 'speedy' refund.",
      "Res „hiter“ servis, že tretji teden čakam.",
  })
  void seventhRoundFamiliesOfTheHeldOutMisses(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
  }

  /**
   * Hard negatives of the seventh round's rules: thanks for an automated confirmation, a helpful agent, sincere love,
   * a plain wait, a refund to the card paid with, "I can't wait", a pleasant surprise, "exactly what I needed to
   * know" (flagged before in English), and the Czech reflexive "se", which folded like Slovene "še" (again) and made
   * every opening praise with "se" sarcasm ("Super, těším se na zásilku" was flagged before).
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "Thanks for the automatic confirmation email.",
      "The support agent was incredibly helpful.",
      "Miluju, jak rychle to dorazilo.",
      "I love how soft this blanket is.",
      "Sure, I'll wait another week for the blue one.",
      "Jasně, počkám další týden na modrou barvu.",
      "Great, the refund went to the card I paid with.",
      "Super, zrušil jsem kartu a nová už přišla.",
      "Great, I can't wait!",
      "To je příjemné překvapení, zase jste přidali dárek.",
      "Perfect, that's exactly what I needed to know.",
      "Super, přesně to jsem potřeboval vědět.",
      "Už se nemůžu ani dočkat.",
      "Super, už se nemůžu ani dočkat.",
      "Super, těším se na zásilku.",
      "Výborně, ozvu se zítra.",
  })
  void seventhRoundLookalikesAreNotSupportSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
  }
}
