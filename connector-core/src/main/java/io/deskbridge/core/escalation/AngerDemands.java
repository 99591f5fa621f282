package io.deskbridge.core.escalation;

import java.util.function.BiFunction;

/**
 * The twenty-fourth round's families of anger (docs/quality.md, "Twenty-fourth round, part A"), in English, Czech,
 * Polish, Slovak and Slovene ({@link PhraseRule} syntax; accents never matter), scored by {@link AngerSignal} with
 * weight {@link AngerSignal#STRONG}:
 *
 * <ul>
 *   <li>{@link #STRONG}, also in a question: "does anyone there even work / read this?" ("Czy ktoś tam w ogóle to
 *       sprawdza?", "A sploh kdo dela tam?"), not at a weekend or holiday; "who do you think you are / what do you
 *       take us for" ("Co si o sobě myslíte?", "Za kogo nas macie?"); "what are you playing at" ("kaj se gremo");
 *   <li>{@link #REFUSED}, also when negated since the negation is the point: "I don't need your apologies", "I'm not
 *       accepting another sorry", "spare me the apologies" ("Nie potrzebuję waszych przeprosin", "Ne rabim vaših
 *       opravičil"), not "you don't need to apologise";
 *   <li>{@link #DEMANDS}, in a statement and unless negated: an apology expected or demanded ("Oczekuję przeprosin",
 *       "Očekávám omluvu", "Pričakujem opravičilo"); "this is unacceptable / inadmissible" said of it, or opening the
 *       sentence as its verdict ("Neprijateľné, veterinár si účtoval …"); "that's not how it's done" ("Tak się nie
 *       robi", "Takhle se to nedělá"); "… or I'm leaving" ("sort it out or I'm leaving", "…, nebo odcházím"), not
 *       cancelling an order; a last warning ("Poslední varování: …"), not one received from the shop;
 *   <li>{@link #wholeQuestion}: a question that is the whole sentence and a verdict ("Co to ma być?", "Čo to má
 *       byť?", "What is this supposed to be?").
 * </ul>
 *
 * Immutable.
 */
final class AngerDemands {

  private AngerDemands() {
  }

  /** A weekend, a holiday or a time of day: "does anyone even work on Saturdays?" asks about opening hours. */
  private static final String NOT_HOURS = " !saturday*|sunday*|weekend*|holiday*|christmas|sobot*|neděl*|nedel*|"
      + "niedziel*|nedeľ*|nedelj*|víkend*|vikend*|svátk*|sviatk*|święt*|swiet*|praznik*|večer*|wieczor*|zvečer|"
      + "night|noc*|hodin*|godzin*|ur*|hour*|"
      // review of the twenty-fourth round: a branch or shop asked about ("Pracuje vůbec někdo na pobočce v Brně?")
      + "branch*|store*|shop*|office*|poboč*|poboc*|prodejn*|oddział*|oddzial*|sklep*|predajn*|poslovaln*|"
      + "trgovin*|filial*|closed|zavřen*|zavren*|zamknięt*|zamkniet*|zatvoren*|zaprt*";

  /** Each enough alone, also in a question. */
  static final RuleSet STRONG = RuleSet.of(false,
      // does anyone there even work / read / check this
      "does|do|is|are|will anyone|anybody ..1 even ..1 work|works|working|read|reads|reading|check|checks|checking|"
          + "answer|answers|answering|care|cares|look|looks|looking|bother|bothers" + NOT_HOURS,
      "pracuje|čte|cte|kontroluje|dělá|dela|odpovídá|odpovida|řeší|resi|zajímá|zajima|zvedá|zveda ...3 vůbec|vubec "
          + "..2 někdo|nekdo" + NOT_HOURS,
      "vůbec|vubec ..1 někdo|nekdo ..3 pracuje|čte|cte|kontroluje|dělá|dela|odpovídá|odpovida|řeší|resi|zvedá|zveda"
          + NOT_HOURS,
      "ktoś|ktos ...3 w-ogóle|w-ogole|wogóle|wogole ...3 pracuje|sprawdza|czyta|odpisuje|odpowiada|odbiera|zajmuje|"
          + "obchodzi|interesuje|kontroluje" + NOT_HOURS,
      "w-ogóle|w-ogole|wogóle|wogole ...2 ktoś|ktos ...3 pracuje|sprawdza|czyta|odpisuje|odpowiada|odbiera|zajmuje|"
          + "kontroluje" + NOT_HOURS,
      "pracuje|číta|cita|kontroluje|robí|robi|odpovedá|odpoveda|rieši|riesi|dvíha|dviha ...3 vôbec|vobec ..2 niekto"
          + NOT_HOURS,
      "vôbec|vobec ..1 niekto ..3 pracuje|číta|cita|kontroluje|robí|robi|odpovedá|odpoveda|rieši|riesi|dvíha|dviha"
          + NOT_HOURS,
      "sploh ..1 kdo|kdorkoli|nekdo ...3 dela|pregleda|bere|odgovarja|odgovori|preverja|ukvarja|dvigne|prebere"
          + NOT_HOURS,
      "kdo|nekdo ..1 sploh ...3 dela|pregleda|bere|odgovarja|odgovori|preverja|ukvarja|dvigne|prebere" + NOT_HOURS,
      // who do you think you are, what do you take us for
      "who ..1 do ..1 you ..1 think ..1 you ..1 are", "what ..1 do ..1 you ..1 take ..1 me|us ..1 for",
      "co|čo|co ..1 si ..2 o ..1 sobě|sobe|sebe ..1 myslíte|myslite|myslíš|myslis",
      "za ..1 koho ..1 mě|me|mne|mňa|ma|nás|nas ..1 máte|mate|považujete|povazujete",
      "za ..1 kogo ..2 się|sie ..1 uważacie|uwazacie|uważasz|macie|masz",
      "za ..1 kogo ..1 mnie|nas ..1 macie|uważacie|uwazacie", "za ..1 koga ..1 me|nas ..1 imate|imaš|mate",
      "co ..1 wy ..1 sobie ..1 myślicie|myslicie|wyobrażacie|wyobrazacie",
      // what are you playing at
      "what ..1 are ..1 you ..1 playing ..1 at", "na ..1 co ..1 si ..1 to ..1 hrajete|hrajes",
      "w ..1 co ..1 wy ..1 pogrywacie|gracie", "na ..1 čo|co ..1 sa|si ..1 hráte|hrate",
      "kaj ..1 se|si ..1 gremo|greste|igrate");

  /** Apologies refused; enough alone, also in a question, and counted though negated. */
  static final RuleSet REFUSED = RuleSet.of(false,
      "don-t|do-not|dont|won-t|will-not|not|no-longer ..2 need|want|accept|accepting|take|taking ..2 your|another|"
          + "more|any-more|further|these|those ..1 apology|apologies|sorry|sorries !card*|note*|letter*|template*",
      "spare ..1 me|us ..2 the|your ..1 apology|apologies|sorry|excuses",
      "nepotřebuj*|nepotrebuj*|nechci|nestojím|nestojim|neberu|nepřijímám|neprijimam ...2 vaš*|další|dalsi|žádné|"
          + "zadne ..1 omluva|omluvy|omluv|omluvu|omluvou|omluvách|omluvach",
      "nie ..1 potrzebuję|potrzebuje|chcę|chce|akceptuję|akceptuje|przyjmuję|przyjmuje ...2 waszych|kolejnych|"
          + "żadnych|zadnych|więcej ..1 przeprosin",
      "nepotrebuj*|nechcem|nestojím|nestojim|neakceptujem|neprijímam|neprijimam ...2 vaš*|ďalš*|dalsi*|žiadne|"
          + "ziadne ..1 ospravedlnen*",
      "ne ..1 rabim|potrebujem|želim|zelim|hočem|hocem|sprejmem|sprejemam ...2 vaših|vasih|vaša|vasa|več|vec|nobenih"
          + " ..1 opravičil|opravicil|opravičila|opravicila");

  /**
   * An ultimatum's leaving: not cancelling an order, nor leaving for a holiday or a job, nor switching how to pay
   * ("…, nebo odcházím na dovolenou", "bo odchodzę z pracy", "jinak přejdu na platbu převodem"; review of the
   * twenty-fourth round).
   */
  private static final String NOT_ORDER = " !order*|objednávk*|objednavk*|zamówien*|zamowien*|naročil*|narocil*|"
      + "holiday*|vacation*|trip|dovolen*|urlop*|wakacj*|dopust*|počitnic*|pocitnic*|prázdnin*|prazdnin*|work|job|"
      + "prac*|služb*|sluzb*|platb*|płatn*|platn*|plačil*|placil*|převod*|prevod*|card|kart*";

  /** A condition: "if this is unacceptable as proof, …" asks, it is no verdict (review of the twenty-fourth round). */
  private static final String IF = " !if|whether|pokud|jestli|jestliže|jestlize|kdyby|jeśli|jesli|jeżeli|jezeli|gdyby|"
      + "ak|keby|če|ce";

  /** Each enough alone in a statement, not in a question, unless negated. */
  static final RuleSet DEMANDS = RuleSet.of(false,
      // an apology expected or demanded
      "expect|demand|want|deserve|require ..2 an|a|formal|written|proper|public|full ..1 apology",
      "očekávám|ocekavam|žádám|zadam|chci|požaduji|pozaduji|zasloužím|zaslouzim ...2 omluvu",
      "oczekuję|oczekuje|żądam|zadam|chcę|domagam-się|należą-mi-się|naleza-mi-sie ...2 przeprosin|przeprosiny",
      "očakávam|ocakavam|žiadam|ziadam|chcem|požadujem|pozadujem|zaslúžim|zasluzim ...2 ospravedlnenie",
      "pričakujem|pricakujem|zahtevam|hočem|hocem|želim|zelim|zaslužim|zasluzim ...2 opravičilo|opravicilo",
      // "this is unacceptable", said of it or as the verdict opening the sentence
      "this|that|it|which ..1 is|s|was ..1 unacceptable|inadmissible|intolerable" + IF,
      "je|to|to-je|je-to ..1 nepřijateln*|neprijateln*|nepřípustn*|nepripustn*|neprípustn*|neprijateľn*" + IF,
      "to ..1 jest ..1 niedopuszczaln*|nieakceptowaln*|nie-do-przyjęcia|nie-do-przyjecia" + IF,
      "to ..1 je ..1 nesprejemljiv*|nedopustn*" + IF,
      // that's not how it's done
      "this|that|it ..1 is|s ..1 no ..1 way ..1 to ..1 treat|run|do", "this|that|it ..1 is|s ..1 not ..1 how ..1 "
          + "you ..1 treat|do|run",
      "takhle|takto|tak ..1 se ..1 to|se-zákazníky|se-zakazniky ..1 nedělá|nedela|nejedná|nejedna",
      "tak ..1 się|sie ..1 nie ..1 robi|postępuje|postepuje|traktuje",
      "takto|tak ..1 sa ..1 to|so-zákazníkmi|so-zakaznikmi ..1 nerobí|nerobi|nejedná|nejedna",
      "tako ..1 se ..1 ne ..1 dela|ravna",
      // ... or I'm leaving
      "or|else ..1 i-m|i-am|im|i-ll|i-will|ill|we-re|we-ll ..1 leaving|gone|walking|switching|done|out-of-here"
          + NOT_ORDER,
      "nebo|jinak ..1 odcházím|odchazim|odejdu|přecházím|prechazim|přejdu|prejdu|končím|koncim" + NOT_ORDER,
      "albo|bo|inaczej ..1 odchodzę|odchodze|odejdę|odejde|przechodzę|przechodze|zrywam" + NOT_ORDER,
      "alebo|inak ..1 odchádzam|odchadzam|odídem|odidem|prechádzam|prechadzam|prejdem|končím|koncim" + NOT_ORDER,
      "ali-pa|sicer|drugače|drugace ..1 grem|odhajam|odidem|prehajam|končam|koncam" + NOT_ORDER);

  /** A last warning given, in a statement; not one received ({@link #RECEIVED}). */
  private static final RuleSet WARNINGS = RuleSet.of(false,
      "last|final ..1 warning", "poslední|posledni ..1 varování|varovani", "ostatnie ..1 ostrzeżenie|ostrzezenie",
      "posledné|posledne ..1 varovanie", "zadnje ..1 opozorilo");

  /** A verdict opening a statement as a clause of its own ("Neprijateľné, veterinár si účtoval …"). */
  private static final RuleSet OPENING = RuleSet.of(false,
      "^unacceptable|inadmissible|nepřijatelné|neprijatelne|nepřípustné|nepripustne|neprijateľné|neprípustné|"
          + "niedopuszczalne|nieakceptowalne|nesprejemljivo|nedopustno");

  /** Whether the sentence holds a warning received ("I got a final warning letter"), not one given. */
  private static final RuleSet RECEIVED = RuleSet.of(false,
      "received|got|get|sent|letter|email|e-mail|sms|notice|dostal*|obdržel*|obdrzel*|přišl*|prisl*|dopis|upomínk*|"
          + "upomink*|otrzymał*|otrzymal*|dostał*|dostal*|przyszł*|przyszl*|pismo|wezwani*|prišl*|list|upomienk*|"
          + "prejel*|prišlo|pismo|opomin*|"
          // review of the twenty-fourth round: given by a bank ("Banka mi dala poslední varování, tak …")
          + "gave|given|issued|bank|banks|banka|banky|bance|banku|banki|bankou|banko|dał|dała");

  /**
   * How many of the round's families hold in the sentence, each enough alone.
   *
   * @param count counts the free matches of a rule set (the flag: skip negated ones) and marks their words used
   */
  static int count(Sentence sentence, BiFunction<RuleSet, Boolean, Integer> count) {
    int n = count.apply(STRONG, false) + (declined(sentence) ? 0 : count.apply(REFUSED, false))
        + (wholeQuestion(sentence) ? 1 : 0);
    if (!sentence.question()) {
      n += count.apply(DEMANDS, true) + (RECEIVED.matches(sentence).isEmpty() ? count.apply(WARNINGS, false) : 0);
      int size = sentence.words().size();
      boolean ownClause = size == 1 || sentence.clause(1) != sentence.clause(0);
      n += ownClause && !OPENING.matches(sentence).isEmpty() ? 1 : 0;
    }
    return n;
  }

  /** Thanks or "all good" beside apologies declined: a kind decline (review of the twenty-fourth round). */
  private static final RuleSet KIND_DECLINE = RuleSet.of(false,
      "thanks|thank|worries|díky|diky|děkuj*|dekuj*|dziękuj*|dziekuj*|dzięki|dzieki|ďakuj*|dakuj*|vďaka|vdaka|hvala",
      "all ..1 good|fine", "w ..1 porządku|porzadku", "v ..1 pořádku|poradku|poriadku|redu");

  /**
   * Whether apologies are declined kindly: "No worries, I don't need any more apologies, the parcel came today",
   * "Nepotřebuju žádné omluvy, balík už dorazil, díky" (review of the twenty-fourth round).
   */
  private static boolean declined(Sentence sentence) {
    return !KIND_DECLINE.matches(sentence).isEmpty();
  }

  /** Verdicts asked as a whole question ("Co to ma być?"). */
  private static final RuleSet WHOLE_QUESTIONS = RuleSet.of(false,
      "what ..1 is|s ..1 this|that ..1 supposed ..1 to ..1 be", "co ..1 to ..1 ma|má ..1 być|byc|být|byt",
      "čo|co ..1 to ..1 má|ma ..1 byť|byt", "kaj ..1 naj ..1 bi ..1 to ..1 bilo");

  /** Whether the sentence is a question that is all a {@link #WHOLE_QUESTIONS} verdict. */
  private static boolean wholeQuestion(Sentence sentence) {
    int size = sentence.words().size();
    return sentence.question() && WHOLE_QUESTIONS.matches(sentence).stream().anyMatch(m -> m[1] == 0
        && m[2] == size);
  }
}
