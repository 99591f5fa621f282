package io.deskbridge.core.escalation;

import java.util.regex.Pattern;

/**
 * Families of support sarcasm added in the twenty-fourth round (part B), read from held-out-18's missed lines, in
 * English, Czech, Polish, Slovak and Slovene ({@link PhraseRule} syntax), checked by {@link SupportSarcasm}:
 *
 * <ul>
 *   <li>{@link #KIND}: mock kindness and ironic verdicts ("how nice", „to je ale milé“, "jak miło", "kako pozorno",
 *       "money well spent", "you never disappoint", "very generous", "to chce talent", "bardzo ekologicznie", "really
 *       quality service", "zares kakovostna storitev"): praise
 *       that still needs a bad situation in the message, as the older mock praise does. Alone, or with good news
 *       ("How nice, the parcel came early", "Very fair, thanks for the refund"), they are sincere.
 *   <li>{@link #STRONG}: sarcastic alone in a sentence: "at least you're consistent" („aspoň jste důslední“, "vsaj
 *       dosledni ste"), thanks for closing a ticket "without fixing anything", thanks for what "you ruined" ("že jste
 *       nám zkazili"), love of the music on hold.
 *   <li>{@link #detailedNothing}: thanks for a "detailed" answer that is a quote or one sentence.
 *   <li>{@link #BAD} and {@link #BAD_PHRASES}: bad situations besides the older ones: a charge by the service
 *       ("účtujete", "vyrátali", "zaračunala"), a price rise ("podwyżka"), "for the third time", worse, someone
 *       else's parcel, paying more or waiting longer than, a price that goes up while the service goes down, the
 *       same answer again, someone who did not manage or bother, someone else's name or parcel; the nth time only
 *       in a short tail ({@link #nthTime}).
 * </ul>
 *
 * A question matches none of them ({@link SupportSarcasm} checks). Stateless and thread-safe.
 */
final class MockPraise {

  private MockPraise() {}

  /** Mock kindness and ironic verdicts: praise that still needs a bad situation in the message. */
  static final RuleSet KIND = RuleSet.of(false,
      "how nice|kind|thoughtful|considerate|sweet|lovely|generous|caring", "good to know", "money well spent",
      "never ..1 disappoint|disappoints", "very|so|most|truly ..1 generous|fair|thoughtful|considerate|ecological|"
          + "eco-friendly|inspiring|unforgettable", "that|it ..1 takes|requires ..1 talent|skill",
      "ten out of ten|10-10 for", "for consistency",
      "to je ale|teda milé|mile|hezké|hezke|pěkné|pekne|pozorné|pozorne|laskavé|laskave|štědré|stedre",
      "jak ..1 milé|mile|hezké|hezke|pozorné|pozorne|laskavé|laskave|štědré|stedre|ohleduplné|ohleduplne",
      "dobře|dobre vědět|vedet", "dobře|dobre|skvěle|skvele investovan*", "nikdy ..1 nezklam*",
      "velmi|moc|opravdu|fakt|vážně|vazne ..1 štědré|stedre|férové|ferove|ekologick*|inspirativn*|nezapomenuteln*",
      "to ..1 chce|chtělo|chtelo ..1 talent", "za ..1 důslednost|dusledn*|konzistenc*",
      "jak|jakże|jakze|ależ|alez ..1 miło|milo|uprzejmie|ładnie|ladnie|troskliwie|hojnie",
      "dobrze ..1 wiedzieć|wiedziec", "dobrze wydane", "nigdy ..1 nie ..1 zawodzicie|zawiedliście|zawiedliscie",
      "bardzo|jakże|jakze|niezwykle|naprawdę|naprawde ..1 ekologicznie|hojnie|sprawiedliwie|uczciwie|szlachetnie|"
          + "inspirując*|inspirujac*|niezapomnian*",
      "to ..1 wymaga ..1 talentu", "za ..1 konsekwencj*",
      "to je ale|teda|fakt ..1 milé|mile|pekné|pekne|pozorné|pozorne|láskavé|laskave|štedré|stedre",
      "aké|ake|ako ..1 milé|mile|pekné|pekne|pozorné|pozorne|láskavé|laskave|štedré|stedre|ohľaduplné|ohladuplne",
      "dobré|dobre ..1 vedieť|vediet", "nikdy ..1 nesklam*",
      "naozaj|veľmi|velmi|fakt|vážne|vazne ..1 štedré|stedre|férové|ferove|ekologick*|inšpirat*|inspirat*|"
          + "nezabudnuteľn*|nezabudnuteln*",
      "na ..1 to ..1 treba ..1 talent", "za ..1 dôslednosť|doslednost|konzistenc*",
      "kako ..1 lepo|pozorno|prijazno|ljubeznivo|skrbno|velikodušno|velikodusno|obzirno",
      "dobro ..1 vedeti", "nikoli ..1 ne ..1 razočarate|razocarate",
      "zelo|res|resnično|resnicno ..1 velikodušno|velikodusno|pošteno|posteno|ekološko|ekolosko|navdihujoče|"
          + "navdihujoce|nepozabn*",
      "za ..1 to ..1 je ..1 potreben ..1 talent", "za ..1 doslednost|konsistentnost",
      // really quality / professional service, said with an intensifier ("Zares kakovostna storitev, …")
      "really|truly|such ..1 quality|professional ..1 service|work|job",
      "opravdu|vážně|vazne|fakt ..1 kvalitní|kvalitni|profesionální|profesionalni ..1 služba|sluzba|servis|práce|prace",
      "naprawdę|naprawde|prawdziwie ..1 jakościow*|jakosciow*|profesjonaln* ..1 usług*|uslug*|obsług*|obslug*|serwis",
      "naozaj|fakt|vážne|vazne ..1 kvalitn*|profesionáln*|profesionaln* ..1 služb*|sluzb*|servis|práca|praca",
      "zares|res|resnično|resnicno ..1 kakovostn*|profesionaln* ..1 storitev|storitve|servis|delo",
      "to je ..1 fakt|ale|teda ..1 profesionáln*|profesionaln*|profesionalne");

  /** Sarcastic alone in a sentence. */
  static final RuleSet STRONG = RuleSet.of(false,
      // at least you're consistent
      "at least ...3 consistent", "aspoň|alespoň|aspon|alespon ...3 důsledn*|dusledn*|konzistentn*",
      "przynajmniej|chociaż|chociaz ...3 konsekwentn*", "aspoň|aspon ...3 dôsledn*|dosledn*|konzistentn*",
      "vsaj ...3 dosledn*|konsistentn*",
      // thanks for closing it without fixing anything
      "thank|thanks|cheers|thx ...8 without ..1 fixing|solving|resolving|answering|reading|checking",
      "díky|diky|děkuj*|dekuj* ...8 bez ..1 vyřešení|vyreseni|opravy|odpovědi|odpovedi|kontroly",
      "dziękuj*|dziekuj*|dzięki|dzieki ...8 bez ..1 rozwiązania|rozwiazania|naprawy|odpowiedzi|sprawdzenia",
      "ďakuj*|dakuj*|vďaka|vdaka|poďakovať|podakovat ...8 bez ..1 vyriešenia|vyriesenia|opravy|odpovede|kontroly",
      "hvala ...8 brez ..1 rešitve|resitve|popravila|odgovora|preverjanja",
      // thanks for what you ruined
      "thank|thanks|cheers ...6 ruining|wrecking|spoiling",
      "díky|diky|děkuj*|dekuj*|ďakuj*|dakuj*|vďaka|vdaka|poďakovať|podakovat ...6 jste|ste ..3 zkazili|zničili|"
          + "znicili|pokazili|skazili",
      "dziękuj*|dziekuj*|dzięki|dzieki ...6 zepsuliście|zepsuliscie|zniszczyliście|zniszczyliscie",
      "hvala ...6 ste ..3 pokvarili|uničili|unicili",
      // love of the music on hold
      "love|enjoy|adore ...4 music|tune|jingle ..2 hold", "love|enjoy|adore ...4 hold ..1 music|tune|jingle",
      "miluju|miluji|zbožňuju|zboznuju|užívám|uzivam ...4 hudb*|písničk*|pisnick*|melodi*|znělk*|znelk* ...3 "
          + "lince|infolince|čekání|cekani|telefonu",
      "uwielbiam|kocham ...4 muzyk*|melodi*|melodyjk* ...3 infolini*|oczekiwani*|czekani*|linii|słuchawce|sluchawce",
      "milujem|zbožňujem|zboznujem ...4 hudb*|melódi*|melodi* ...3 linke|infolinke|čakaní|cakani|telefóne|telefone",
      "obožujem|obozujem|ljubim ...4 glasb*|melodij* ...3 čakanju|cakanju|liniji|telefonu");

  /** "Thanks for the detailed answer", which is sarcastic when the message quotes it or calls it one sentence. */
  private static final RuleSet DETAILED = RuleSet.of(false,
      "thank|thanks ...5 detailed|thorough|exhaustive|comprehensive|extensive ..2 reply|answer|response|explanation",
      "díky|diky|děkuj*|dekuj* ...3 podrobn*|vyčerpávající|vycerpavajici|detailní|detailni ..1 odpověď|odpoved|"
          + "odpovědi|odpovedi|vysvětlení|vysvetleni",
      "dziękuj*|dziekuj*|dzięki|dzieki ...3 wyczerpując*|wyczerpujac*|szczegółow*|szczegolow*|obszern* ..1 "
          + "odpowied*|wyjaśnieni*|wyjasnieni*",
      "ďakuj*|dakuj*|vďaka|vdaka ...3 podrobn*|vyčerpávajúc*|vycerpavajuc*|detailn* ..1 odpove*|vysvetleni*",
      "hvala ...3 podrobn*|izčrpen*|izcrpen*|natančn*|natancn* ..1 odgovor*|pojasnil*");

  /** "One sentence", "jedné věty", "jednego zdania": what the detailed answer was. */
  private static final RuleSet ONE_SENTENCE = RuleSet.of(false,
      "one|single ..1 sentence|line", "jedné|jedne|jednej|jediné|jedine ..1 věty|vety|řádky|radky|vety",
      "jednego ..1 zdania", "enega ..1 stavka", "ene ..1 vrstice|povedi");

  /** Paying more elsewhere: "jinde platím víc než tady" is praise of the price (review of the twenty-fourth round). */
  private static final String ELSEWHERE = " !elsewhere|other|used|jinde|jinam|indziej|inde|drugje|konkurenc*";
  /** Ordering again: "I'm ordering for the third time" is a loyal customer (review of the twenty-fourth round). */
  private static final String ORDERING = " !order*|buy*|shop*|purchas*|zamawiam*|zamówi*|zamowi*|kupuj*|kupuję|"
      + "nakupuj*|objednáv*|objednav*|naročam*|narocam*|kupujem";
  /** The same answer found in the manual: a confirmation (review of the twenty-fourth round). */
  private static final String FROM_GUIDE = " !manual|guide|faq|návod*|navod*|instrukc*|navodil*";

  /** Bad situations said in several words. */
  static final RuleSet BAD_PHRASES = RuleSet.of(false,
      "pay|paying|wait|waiting ..2 more|longer than" + ELSEWHERE, "platím|platim|čekám|cekam ..2 víc|vic|více|vice|"
          + "déle|dele než|nez" + ELSEWHERE, "płacę|place|czekam ..2 więcej|wiecej|dłużej|dluzej niż|niz" + ELSEWHERE,
      "platím|platim|čakám|cakam ..2 viac|dlhšie|dlhsie ako" + ELSEWHERE,
      "plačam|placam|čakam|cakam ..2 več|vec|dlje kot" + ELSEWHERE,
      "premium|premiums|rate|subscription|bill ..2 up ...5 service|quality ..2 down",
      "price|prices ..1 hike|rise|rises", "for the third|fourth|fifth time" + ORDERING,
      "po ..1 raz ..1 trzeci|czwarty|piąty|piaty|kolejny" + ORDERING,
      "the same|identical ..1 answer|reply|response" + FROM_GUIDE, "stejn*|tutéž|tutez ..1 odpověď|odpoved" + FROM_GUIDE,
      "ta|tą|tę ..1 sama ..1 odpowiedź|odpowiedz", "tú|tu|tá|ta ..1 ist* ..1 odpoveď|odpoved",
      "isti|enak ..1 odgovor",
      // someone else's name or parcel ("zmluvu s menom niekoho iného")
      "someone-else-s|somebody-else-s|someone-elses name|parcel|package|order|contract|bill|invoice",
      "jménem|jmenem|jméno|jmeno|menom|meno|nazwiskiem|nazwisko|imieniem|imię|imie|imenom|ime ..1 "
          + "někoho|nekoho|niekoho|kogoś|kogos|nekoga ..1 jiného|jineho|iného|ineho|innego|drugega",
      "didn-t|did-not|never ..1 bother|bothered|manage|managed !me|us", "nie ..1 zdążył*|zdazyl*|raczył*|raczyl*",
      "ni ..1 utegnil*|uspel*");

  /** Bad situations in one word: a charge by the service, a price rise, worse, someone else's, "nestihl". */
  static final WordSet BAD = WordSet.of(
      "účtujete", "uctujete", "účtovali", "uctovali", "naúčtovali", "nauctovali", "vyúčtovali", "vyuctovali",
      "vyrátali", "vyratali", "naliczyliście", "naliczyliscie", "policzyliście", "policzyliscie", "pobieracie",
      "zaračunal*", "zaracunal*", "zaračunate", "zaracunate", "penále", "penale", "penalizac*",
      "podwyżk*", "podwyzk*", "zdražen*", "zdrazen*", "zdražil*", "zdrazil*", "podražit*", "podrazit*",
      "podražil*", "podrazil*",
      "worse", "horší", "horsi", "horšie", "horsie", "horšia", "horsia", "horšího", "horsiho", "gorszy", "gorsza",
      "gorsze", "gorszą", "gorsza", "gorszego", "gorzej", "slabši", "slabsi", "slabša", "slabsa", "slabše", "slabse",
      "cizí", "cizi", "cizího", "ciziho", "cudzí", "cudzi", "cudzieho", "cudzy", "cudzą", "cudza", "cudzej",
      "cizím", "cizim", "cudzím", "cudzim", "cudzym",
      "tujo", "tujega", "tuje", "nestihl", "nestihla", "nestihli", "nestihol");

  /** The nth time in one word: "potřetí", "tretjič"; a bad situation only in a short tail or "this month". */
  private static final WordSet NTH = WordSet.of("potřetí", "potreti", "počtvrté", "poctvrte", "popáté", "popate",
      "potretie", "poštvrté", "postvrte", "tretjič", "tretjic", "četrtič", "cetrtic", "petič", "petic");

  /** "This" before a month or week: "tretjič ta mesec", "potřetí tento měsíc". */
  private static final WordSet THIS = WordSet.of("this", "ta", "tento", "tenhle", "tym", "ten", "tej", "tem");

  /**
   * Whether the sentence tells the nth time as a complaint: a sentence of at most four words ("Potřetí.", "Že
   * tretjič ta mesec.") or the count followed by "this" ("potřetí tento měsíc"). "Odlično, že tretjič servisiram
   * pri vas in vse brezhibno" is a sincere count.
   */
  static boolean nthTime(Sentence sentence) {
    var words = sentence.words();
    for (int i = 0; i < words.size(); i++) {
      if (NTH.contains(words.get(i))
          && (words.size() <= 4 || (i + 1 < words.size() && THIS.contains(words.get(i + 1))))) {
        return true;
      }
    }
    return false;
  }

  /** A quote mark, for {@link #detailedNothing}. */
  private static final Pattern QUOTE = Pattern.compile("[\"“”„‘’‚»«']\\s?\\p{L}");

  /** Whether the sentence holds praise of {@link #KIND}. */
  static boolean kind(Sentence sentence) {
    return !KIND.matches(sentence).isEmpty() && !goodNews(sentence);
  }

  /** Whether the sentence tells good news of {@link #GOOD_NEWS}: a replacement sent, money refunded. */
  static boolean goodNews(Sentence sentence) {
    return !GOOD_NEWS.matches(sentence).isEmpty();
  }

  /** Whether the sentence holds one of {@link #STRONG}, or thanks for a detailed answer that was nothing. */
  static boolean strong(String text, Sentence sentence) {
    return !STRONG.matches(sentence).isEmpty() || detailedNothing(text, sentence);
  }

  /** Thanks for a "detailed" answer, in a message that quotes it or calls it one sentence. */
  static boolean detailedNothing(String text, Sentence sentence) {
    if (DETAILED.matches(sentence).isEmpty()) {
      return false;
    }
    return QUOTE.matcher(text).find() || Sentence.split(text).stream().anyMatch(s -> !ONE_SENTENCE.matches(s).isEmpty());
  }

  /** Whether the sentence holds a bad situation of {@link #BAD_PHRASES} not negated. */
  static boolean badPhrase(Sentence sentence) {
    return BAD_PHRASES.matches(sentence).stream().anyMatch(m -> !sentence.negated(m[1]))
        || (nthTime(sentence) && sentence.words().stream().noneMatch(ORDERS::contains));
  }

  /** Ordering verbs, for {@link #nthTime}: "naročam že tretjič ta mesec" (review of the twenty-fourth round). */
  private static final WordSet ORDERS = WordSet.of("naročam", "narocam", "naročamo", "narocamo", "nakupujem",
      "kupujem", "objednávám", "objednavam", "objednávam", "nakupuji", "zamawiam", "ordering");

  /** Something older or previous: "the old model was worse" compares, it is no bad situation. */
  private static final WordSet OLD = WordSet.of("old", "previous", "former", "starý", "stary", "stará", "stara",
      "staré", "stare", "starého", "stareho", "stari", "staro", "poprzedni", "poprzednia", "poprzednie",
      "předchozí", "predchozi", "predchádzajúci", "predchadzajuci", "prejšnji", "prejsnji", "prejšnja", "prejsnja");

  /** Comparatives of {@link #BAD}, harmless beside {@link #OLD}. */
  private static final WordSet WORSE = WordSet.of("worse", "horší", "horsi", "horšie", "horsie", "horšia", "horsia",
      "gorszy", "gorsza", "gorsze", "gorszą", "gorszego", "gorzej", "slabši", "slabsi", "slabša", "slabsa", "slabše",
      "slabse");

  /** It is fine: "to je v pořádku", "no problem", "nie szkodzi", "v redu" (review of the twenty-fourth round). */
  private static final RuleSet FINE = RuleSet.of(false, "no ..1 problem|worries", "that|it ..1 is|s ..1 fine|ok|okay",
      "v|w ..1 pořádku|poradku|porządku|porzadku|poriadku|redu", "nevadí|nevadi|nie-szkodzi|ni-problem|nič-hudega");

  /**
   * Whether the word at {@code i}, of {@link #BAD}, is harmless: worse than the old one ("Stari model je bil slabši"),
   * or said in a sentence that calls it fine ("Technik to dnes nestihl, přijde zítra, to je v pořádku"); review of
   * the twenty-fourth round.
   */
  static boolean harmless(Sentence sentence, int i) {
    var words = sentence.words();
    return (WORSE.contains(words.get(i)) && words.stream().anyMatch(OLD::contains)) || !FINE.matches(sentence).isEmpty();
  }

  /**
   * Good news beside mock kindness: "How kind of you to send the replacement, …" thanks sincerely (review of the
   * twenty-fourth round).
   */
  private static final RuleSet GOOD_NEWS = RuleSet.of(false, "replacement*|refunded|náhrad*|nahrad*|zamiennik*|"
      + "zwrócili*|zwrocili*|nadomest*|vrnili|vrátili|vratili");
}
