package io.deskbridge.core.escalation;

import java.util.regex.Pattern;

/**
 * Families of support sarcasm added in the twelfth round, in English, Czech, Polish, Slovak and Slovene
 * ({@link PhraseRule} syntax, inflected forms spelled out or stemmed), checked by {@link SupportSarcasm}: thanks for
 * nothing with a word between ("díky za vůbec nic"), kindness "finally" shown, love of waiting, "you call this
 * help?", mock consent to wait weeks more, praise of quoted words that a customer holds at arm's length when
 * something went wrong ("the "new" phone came scratched"), and more openers and bad situations for the older rule
 * "praise that opens a message and a bad situation". Sincere thanks ("thanks, nothing else"), kindness without
 * "finally" ("how kind of you, thanks for the voucher"), a short wait accepted ("no worries, I can wait a couple of
 * days") and quoted product names ("the "premium" plan?") match none of them.
 */
final class SarcasmFamilies {

  /** Waits that are long by themselves: weeks and months in the plural or dual, a month. */
  private static final String LONG = "weeks|months|month|ages|týdny|týdnů|týdnech|měsíc|měsíce|měsíců|tygodnie|"
      + "tygodni|miesiąc|miesiące|miesięcy|týždne|týždňov|mesiac|mesiace|mesiacov|tedna|tedne|tednov|mesec|meseca|"
      + "mesece|mesecev";

  /** Each sarcastic on its own, in one sentence. */
  static final RuleSet STRONG = RuleSet.of(false,
      // thanks for (absolutely, exactly, completely) nothing
      "thank|thanks|thx|cheers ..1 for ..2 nothing !else|more|further|extra|to-pay",
      "díky|dík|diky|dik|děkuj*|dekuj* za ..2 nic|ničeho !dalšího|dalsiho|víc|vic|jiného|jineho|platit",
      "dzięki|dzieki|dziękuj*|dziekuj* za ..2 nic !więcej|wiecej|innego|płacić|placic",
      "vďaka|vdaka|ďakuj*|dakuj* za ..2 nič|nic !viac|iné|ine|ďalšie|dalsie|platiť|platit",
      "hvala ..1 za ..2 nič|nic|ničesar|nicesar !več|vec|drugega|plačati|placati",
      // love of waiting and being ignored
      "love|adore|enjoy ..2 waiting|being-on-hold|being-ignored|repeating !room|rooms|area|list",
      "zbožňuju|zbožňuji|zboznuju|miluju|miluji ..2 čekání|cekani|čekat|cekat|visení|viseni|visět",
      "uwielbiam|kocham ..2 czekać|czekac|czekanie|wisieć|wisiec|wiszenie",
      "zbožňujem|zboznujem|milujem|ľúbim ..2 čakanie|cakanie|čakať|cakat|visenie",
      "obožujem|obozujem|ljubim ..2 čakanje|cakanje|čakati|cakati|visenje",
      // mock consent to wait weeks more: "no worries, I'll wait a couple more weeks"
      "^no-worries|no-problem|sure|fine|of-course ...5 wait|sit ...3 more|another|extra|couple ..2 " + LONG,
      "^v-pohodě|v-pohode|pohoda|jasně|jasne|klidně|klidne ...5 počkám|pockam|vydržím|vydrzim|budu ...3 ještě|jeste|"
          + "další|dalsi|pár|par ..2 " + LONG,
      "^spoko|spokojnie|jasne|pewnie|luz ...5 poczekam|zaczekam|posiedzę|posiedze ...3 jeszcze|kolejne|parę|pare ..2 "
          + LONG,
      "^v-pohode|pohoda|jasné|jasne|kľudne|kludne ...5 počkám|pockam|vydržím|vydrzim|budem ...3 ešte|este|ďalš*|dals*|"
          + "pár|par ..2 " + LONG,
      "^brez-skrbi|ni-problema|seveda|jasno ...5 počakal*|pockal*|počakam|pockam|bom ...3 še|se|par|nekaj ..2 " + LONG);

  /**
   * Praise of speed beside many days or weeks: "thanks for the lightning fast reply, only took ten days". Not in a
   * question ("is the fast delivery just 5 days?" asks; review of the twelfth round).
   */
  static final RuleSet SPEED = RuleSet.of(false,
      "speedy|fast|quick|lightning|prompt|rapid|swift|express ...8 only|just|mere ..2 days|hours "
          + "!one|two|three|a|couple|few|1|2|3|24|48",
      "bleskov*|rychl*|expres*|svižn*|okamžit* ...8 jen|jenom|pouhých|pouze|pouhé ..3 dní|dni|dnů|hodin "
          + "!jeden|jednu|dva|dvě|dve|tři|tri|dvou|tří|pár|par|24|48|1|2|3",
      "błyskawiczn*|blyskawiczn*|szybk*|ekspres*|natychmiast* ...8 tylko|zaledwie|raptem|jedynie ..3 dni|godzin* "
          + "!jeden|jedna|dwa|dwie|trzy|kilka|24|48|1|2|3",
      "bleskov*|rýchl*|rychl*|expres*|okamžit* ...8 len|iba|púhych|púhe ..3 dní|dni|hodín|hodin "
          + "!jeden|jednu|dva|dve|tri|pár|par|24|48|1|2|3",
      "bliskovit*|hitr*|ekspresn*|takojšn* ...8 samo|le|komaj ..3 dni|ur !en|eno|dva|dve|tri|par|24|48|1|2|3",
      "speedy|fast|quick|lightning|prompt|rapid|swift|express ...8 only|just|mere ..2 " + LONG,
      "bleskov*|rychl*|rýchl*|expres*|svižn*|okamžit*|błyskawiczn*|szybk*|bliskovit*|hitr*|ekspresn* ...8 "
          + "jen|jenom|pouhých|pouze|pouhé|tylko|zaledwie|raptem|len|iba|púhych|samo|le|komaj ..3 " + LONG);

  /**
   * Kindness "finally" shown: "how kind of you to finally …". Sarcastic only when the sentence speaks to the service
   * ({@link #ADDRESSED}: "of you", "že jste", "od vas") or names something bad or a long wait; "how nice, it finally
   * arrived" is relief (review of the twelfth round). "Až", "dopiero" and "šele" ("not until") are everyday words and
   * no cue.
   */
  static final RuleSet KIND_FINALLY = RuleSet.of(false,
      "how kind|nice|generous|thoughtful|considerate|sweet|lovely|gracious|good ...6 finally|eventually|at-last",
      "jak|to|ale ..1 milé|mile|laskavé|laskave|štědré|stedre|ohleduplné|ohleduplne|pozorné|pozorne|hezké|hezke "
          + "...6 konečně|konecne",
      "jak|to|ale ..1 miło|milo|uprzejmie|łaskawie|laskawie|hojnie|szlachetnie|ładnie|ladnie ...6 wreszcie|"
          + "w-końcu|w-koncu",
      "aké|ake|ako|to ..1 milé|mile|láskavé|laskave|štedré|stedre|ohľaduplné|ohladuplne|pozorné|pozorne|pekné|pekne "
          + "...6 konečne|konecne",
      "kako|to ..1 prijazno|ljubeznivo|lepo|pozorno|velikodušno|velikodusno|radodarno ...6 končno|koncno");

  /**
   * Words that speak to the service, for {@link #KIND_FINALLY}: "you", "vás", "jste", "wy", "państwo", "ktoś"
   * ("że wreszcie ktoś odpisał"); a Polish verb in the second person plural past ("odpisaliście") counts too.
   */
  private static final WordSet ADDRESSED = WordSet.of("you", "vás", "vas", "vám", "vam", "vy", "jste", "jsi", "ste",
      "wy", "wam", "wasz*", "państw*", "panstw*", "ktoś", "ktos", "vi");

  /** A Polish verb of the second person plural past: "odpisaliście", "zrobiłyście". */
  private static final Pattern PAST_PLURAL_YOU = Pattern.compile(".+(liście|łyście|liscie|lyscie)");

  /** Waits that are long by themselves, as words ({@link #LONG}). */
  private static final WordSet LONG_WAIT = WordSet.of(LONG.split("\\|"));

  /**
   * "You call this help?", "tomu říkáte „pomoc“?": sarcastic when the sentence names the service or praise
   * ({@link SupportSarcasm#QUOTED_PRAISE}) or the message quotes something; a question too.
   */
  static final RuleSet CALL_THIS = RuleSet.of(false,
      "you call ..1 this|that|it !what|how|do|does|did", "is|s ..1 what you call", "is your idea of",
      "tomu|tohle|tomuhle|tomuto ..2 říkáte|rikate|říkáš|rikas", "to ..2 nazýváte|nazyvate",
      "to|tak ..2 nazywacie|nazywasz|nazywa-się|nazywa-sie",
      "tomu|tomuto ..2 hovoríte|hovorite|vravíte|vravite", "temu|to ..2 pravite|rečete|recete");

  /**
   * Praise that opens a message besides {@link SupportSarcasm#PRAISE}: the openers of mock surprise ("shocker,",
   * "szok,") and a few more of praise ("łał", "bomba", "fino").
   */
  static final WordSet OPENERS = WordSet.of("krása", "krasa", "cool", "rekord", "record", "shock", "shocker",
      "shocking", "šok", "szok", "šokantno", "łał", "lal", "bomba", "fino", "cudnie");

  /**
   * The twenty-fourth round's openers: "nice that …", thrilled, exceptional; still needing a bad situation, and no
   * praise beside good news ("Jak miło, że wysłaliście zamiennik, …": {@link MockPraise#goodNews}; review of the
   * twenty-fourth round).
   */
  static final WordSet OPENERS_24 = WordSet.of(
      "hezké", "hezke", "hezky", "milé", "mile", "miło", "milo", "nadšen*", "nadsen*",
      "zachwycon*", "navdušen*", "navdusen*", "thrilled", "delighted", "izjemn*", "izjemen", "výjimečn*", "vyjimecn*",
      "wyjątkow*", "wyjatkow*", "výnimočn*", "vynimocn*", "exceptional", "parádní", "paradni", "parádn*", "paradn*");

  /** Bad situations besides {@link SupportSarcasm#BAD}: gone, stuck, cracked or scratched, once more. */
  static final WordSet BAD = WordSet.of("vanished", "disappeared", "stuck", "cracked", "scratched", "dented", "missed",
      "zmizel*", "trčí", "trci", "uvízl*", "praskl*", "poškrában*", "poskraban*", "promeškal*",
      "zniknęł*", "zniknel*", "zniknął", "utknęł*", "utknel*", "utknął", "pękł*", "pekl*", "porysowan*", "przepadł*",
      "przepadl*", "zmizl*", "trčí", "uviazl*", "praskol", "praskla", "poškriaban*", "poskriaban*",
      "izginil*", "obtičal*", "obtical*", "počil*", "pocil*", "opraskan*", "pęknięt*", "pekniet*", "počen*",
      "pocen*", "prekinitev", "prekinil*");

  /** Words a customer puts in quotes to doubt them when something went wrong: "new", "guaranteed", "original". */
  static final WordSet QUOTED_DOUBT = WordSet.of("new", "original", "premium", "guaranteed", "reliable", "quality",
      "tested", "checked", "insured", "careful", "nov*", "nowy", "nowa", "nowe", "nowego", "nową", "originál*", "original*", "garantovan*", "gwarantowan*",
      "zagotovljen*", "zaručen*", "zarucen*", "spolehliv*", "niezawodn*", "spoľahliv*", "zanesljiv*", "kvalitn*",
      "jakościow*", "kakovostn*", "prémiov*", "premiow*", "premium*", "otestovan*", "przetestowan*", "testiran*",
      "pojištěn*", "ubezpieczon*", "poistený", "zavarovan*",
      // twenty-fourth round: an excuse held at arm's length ("'višja sila'", „vyšší moc“, "'force majeure'")
      "majeure", "višja", "visja", "vyšší", "vyssi", "wyższa", "wyzsza", "vyššia", "vyssia");

  /**
   * Not coming at all: the courier did not show up, "kurýr nepřišel", "kurier nie przyjechał"; goods that never came,
   * in the plural ("které ani nepřišly", "ki niso prišli"; twenty-fourth round).
   */
  static final RuleSet NOT_COMING = RuleSet.of(false,
      "didn-t|did-not|didnt|never ..1 show|turn|came|come|arrive|arrived|showed|turned !yet",
      "nepřišel|nepřišla|nepřišlo|nepřijel|nepřijela|nedorazil|nedorazila|nedorazilo|neprisel|neprisla|neprijel",
      "nie ..1 przyjechał|przyjechała|przyszedł|przyszła|dotarł|dotarła|doszła|przyjechal|przyszedl|dotarl !jeszcze",
      "neprišiel|neprišla|neprišlo|neprisiel|neprisla|neprišiel|nepřijel|neprišiel|neprišla|neprisiel|neprisla",
      "ni ..1 prišel|prišla|prišlo|prispel|prispela|prisel|prisla !še|se",
      // twenty-fourth round: the plural ("léky, které ani nepřišly", "lieky, ktoré mi ani neprišli")
      "nepřišly|nepřišli|neprisly|neprisli|nedorazily|nedorazili|nepřijeli|neprijeli",
      "nie ..1 przyszły|przyszly|przyszli|dotarły|dotarly|dotarli|doszły|doszly|przyjechali !jeszcze",
      "neprišli|neprisli|nedorazili|neprišli", "niso ..1 prišli|prišle|prisli|prisle|prispeli|prispele !še|se");

  /**
   * Bad situations of the nineteenth round, said in several words: something else came instead of what was ordered
   * ("instead of the blue one a pink one came"), a bill higher and a speed lower, paying for what was cancelled, and
   * nobody knowing anything. A wrong item that came early ("instead of Monday it came on Saturday already") is none.
   */
  static final RuleSet SITUATIONS = RuleSet.of(false,
      "instead of ...7 came|arrived|got|received|sent|delivered !already|early|earlier|sooner",
      "místo|misto ...6 přišl*|prisl*|přišel|prisel|dorazil*|poslali|dostal* !už|uz|dřív|driv|dříve|drive",
      "zamiast ...6 przyszł*|przyszl*|przyszedł|przyszedl|dotarł*|dotarl*|przysłali|przyslali|dostał*|dostal* "
          + "!już|juz|wcześniej|wczesniej",
      "namiesto ...6 prišl*|prisl*|prišiel|prisiel|dorazil*|poslali|dostal* !už|uz|skôr|skor",
      "namesto ...6 prišl*|prisl*|prišel|prisel|dobil*|poslali|dostavil* !že|ze|prej",
      "bill|price|invoice|fee ..2 higher|up ...5 speed|service|quality ..2 lower|slower|down",
      "účet|ucet|faktura|cena|poplatek|rachunek|opłata|oplata|položnica|poloznica|račun|racun ..2 "
          + "vyšší|vyssi|wyższy|wyzszy|wyższa|wyzsza|vyšš*|vyss*|višja|visja|višji|visji ...5 nižší|nizsi|niższa|"
          + "nizsza|niższy|nizszy|nižšia|nizsia|nižja|nizja|nižji|pomalejší|wolniejsz*|pomalš*|počasnejš*",
      "still|keep|keeps ..2 charged|charging|paying|billed|pay ...4 cancelled|canceled",
      "charged|billed me ...4 cancelled|canceled",
      "platím|platim|zaplatil* ...4 zrušen*|zrusen*", "zrušen*|zrusen* ...5 platím|platim",
      "pobral*|pobrali|płacę|place|zapłacił* ...5 anulowan*|anulowany|anulowaną|rozwiązan*",
      "plačujem|placujem|plačam|placam|zaračunal* ...5 odpovedal*|odpovedan*|ukinjen*",
      "nobody|no-one knows anything", "nikdo|nikto nic|nič|nic neví|nevi|nevie", "nikt nic nie wie",
      "nihče nič|nic ne ve");

  /** Small counts of days or hours, "two days", "dva dny": a short wait, not a bad situation. */
  private static final WordSet SMALL = WordSet.of("one", "two", "three", "couple", "few", "a", "1", "2", "3", "24",
      "48", "jeden", "jedna", "jeden", "dva", "dvě", "dve", "tři", "tri", "trzy", "dwa", "dwie", "dwóch", "en", "eno",
      "pár", "par", "kilka", "nekaj", "dvou", "dvoch", "dveh", "dvema", "dvoma", "trzech", "tří", "troch", "treh",
      "kilku", "pár", "nekaj");

  /** "Whole", before a small count: "a whole three days" is short for what should last (held-out-6's regression). */
  private static final WordSet WHOLE = WordSet.of("whole", "entire", "celé", "celých", "celý", "celou", "całe",
      "całych", "cale", "calych", "cele", "celih", "celé", "celých");

  /** Units of a short wait, harmless after a {@link #SMALL} count. */
  private static final WordSet SHORT_UNIT = WordSet.of("day", "days", "hour", "hours", "den", "dny", "dní", "dni",
      "dnů", "dzień", "dnia", "deň", "dňa", "dan", "dneva", "hodin*", "godzin*", "hodín", "ur", "uri", "uro",
      // twenty-fourth round: the locative ("już po dwóch dniach", "ve dvou dnech", "v dveh dneh")
      "dniach", "dnech", "dňoch", "dnoch", "dneh", "dnevih", "urah");

  /** Units of hours, harmless after "within" and a count up to 48 ("balík byl doma za 12 hodin"). */
  private static final WordSet HOURS = WordSet.of("hour", "hours", "hodin*", "godzin*", "hodín", "ur", "uri", "uro",
      "urah");

  /** "Within", before a count of hours: "in", "za", "w ciągu", "v". */
  private static final WordSet WITHIN = WordSet.of("in", "within", "under", "za", "během", "behem", "do", "pod",
      "ciągu", "ciagu", "v", "vo", "w", "priebehu");

  /** Good things of which "another" is good news: "great, another order on its way". */
  private static final WordSet GOOD_THING = WordSet.of("order", "orders", "purchase", "gift", "voucher", "discount",
      "coupon", "bonus", "reward", "objednávk*", "objednavk*", "zamówieni*", "zamowieni*", "naročil*", "narocil*",
      "dárek", "darek", "dárk*", "prezent*", "darček", "darcek", "darilo", "poukaz*", "bon", "kupon*", "slev*",
      "rabat*", "zľav*", "zlav*", "popust*", "nákup*", "nakup*", "zakup*");

  /** Words of "another", before a {@link #GOOD_THING}. */
  private static final WordSet ANOTHER = WordSet.of("another", "další", "dalsi", "kolejn*", "ďalš*", "dals*");

  /** A quoted span of one to three words. */
  private static final Pattern QUOTED = Pattern.compile(
      "(?<!\\p{L})[\"“”„‘’‚»«'](\\p{L}[\\p{L}\\p{N} '-]{0,40}?)[\"“”‘’»«'](?!\\p{L})");

  private SarcasmFamilies() {}

  /** Whether a sentence holds a bad situation of this round said in several words ({@link #NOT_COMING}). */
  static boolean badPhrase(Sentence sentence) {
    return !NOT_COMING.matches(sentence).isEmpty() || !SITUATIONS.matches(sentence).isEmpty();
  }

  /**
   * Whether the word at {@code i}, a word of a bad situation, is harmless here: a short wait ("two days", but not
   * "a whole three days"; "po dwóch dniach"; hours "within" a count up to 48, "za 12 hodin": twenty-fourth round)
   * or another good thing ("another order").
   */
  static boolean harmless(java.util.List<String> words, int i) {
    var word = words.get(i);
    int count = i > 0 && SHORT_UNIT.contains(word) && SMALL.contains(words.get(i - 1)) ? i - 1
        : i + 1 < words.size() && SMALL.contains(word) && SHORT_UNIT.contains(words.get(i + 1)) ? i : -1;
    if (count >= 0) {
      return count == 0 || !WHOLE.contains(words.get(count - 1));
    }
    if (i >= 2 && HOURS.contains(word) && words.get(i - 1).matches("\\d{1,2}")
        && Integer.parseInt(words.get(i - 1)) <= 48 && WITHIN.contains(words.get(i - 2))) {
      return true;
    }
    return ANOTHER.contains(word) && i + 1 < words.size() && GOOD_THING.contains(words.get(i + 1));
  }

  /**
   * Whether a sentence holds one of the {@link #STRONG} families, praise of speed ({@link #SPEED}) outside a question,
   * or kindness "finally" shown ({@link #KIND_FINALLY}) to the service or beside something bad ({@code bad}: the
   * caller's words of a bad situation) or a long wait.
   */
  static boolean strong(Sentence sentence, WordSet bad) {
    if (!STRONG.matches(sentence).isEmpty() || (!sentence.question() && !SPEED.matches(sentence).isEmpty())) {
      return true;
    }
    if (KIND_FINALLY.matches(sentence).isEmpty()) {
      return false;
    }
    var words = sentence.words();
    for (int i = 0; i < words.size(); i++) {
      var word = words.get(i);
      if (ADDRESSED.contains(word) || PAST_PLURAL_YOU.matcher(word).matches() || LONG_WAIT.contains(word)
          || ((bad.contains(word) || BAD.contains(word)) && !sentence.negated(i) && !harmless(words, i))) {
        return true;
      }
    }
    return badPhrase(sentence);
  }

  /** "You call this help?": {@link #CALL_THIS} beside a word of the service or praise, or beside quotes. */
  static boolean callThis(String text, Sentence sentence, WordSet praise) {
    return !CALL_THIS.matches(sentence).isEmpty()
        && (QUOTED.matcher(text).find() || sentence.words().stream().anyMatch(praise::contains));
  }

  /**
   * A word of {@link #QUOTED_DOUBT} in quotes, not beside a product noun ({@code named}), in a message without a
   * question; the caller adds the bad situation it needs.
   */
  static boolean quotedDoubt(String text, WordSet named) {
    if (text.indexOf('?') >= 0) {
      return false;
    }
    for (var m = QUOTED.matcher(text); m.find(); ) {
      var words = Folding.words(m.group(1));
      var next = Folding.words(text.substring(m.end())).stream().findFirst().orElse("");
      var before = Folding.words(text.substring(0, m.start()));
      var previous = before.isEmpty() ? "" : before.get(before.size() - 1);
      if (!words.isEmpty() && words.size() <= 3 && words.stream().anyMatch(QUOTED_DOUBT::contains)
          && !named.contains(next) && !named.contains(previous)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Claims of care or speed a customer puts in scare quotes (twenty-third round): "'personalised' offer", "the
   * 'free' upgrade", „prioritní“ reklamace, „nujna“ pošiljka, „dôležitú správu“.
   */
  static final WordSet QUOTED_CLAIM = WordSet.of("free", "personalised", "personalized", "priority", "urgent",
      "important", "express", "fast", "quick", "instant", "unlimited", "value", "zdarma", "personalizovan*",
      "prioritn*", "urgentn*", "důležit*", "dulezit*", "expresn*", "neomezen*", "darmow*", "gratis",
      "spersonalizowan*", "personalizowan*", "priorytetow*", "pilne", "pilna", "pilny", "ważn*", "wazn*", "ekspres*",
      "nielimitowan*", "zadarmo", "dôležit*", "neobmedzen*", "brezplačn*", "personaliziran*", "prednostn*", "nujn*",
      "pomembn*", "neomejen*",
      // twenty-fourth round: improved, fragile, fresh, quiet, exclusive, all-inclusive, a view; quoted praise
      "improved", "upgraded", "better", "fragile", "fresh", "quiet", "exclusive", "inclusive", "view",
      "vylepšen*", "vylepsen*", "křehk*", "krehk*", "čerstv*", "cerstv*", "tich*", "exkluzivn*", "výhled*", "vyhled*",
      "ulepszon*", "ostrożnie", "ostroznie", "śwież*", "swiez*", "cich*", "ekskluzywn*", "widok*",
      "vylepšen*", "výhľad*", "vyhlad*", "izboljšan*", "izboljsan*", "lomljiv*", "svež*", "svez*", "mirn*",
      "ekskluzivn*", "pogled*", "great", "świetn*", "swietn*", "skvěl*", "skvel*", "odličn*", "odlicn*");

  /**
   * Claims in scare quotes that are nouns by themselves and need no noun after them (twenty-fourth round): "thanks for
   * the 'gift' of a fee", „omluva“, 'promocje', 'višja sila'.
   */
  private static final WordSet QUOTED_THING = WordSet.of("gift", "apology", "compensation", "promotion", "promotions",
      "dárek", "darek", "dárk*", "dark*", "omluv*", "odškodn*", "odskodn*", "akce", "prezent*", "przeprosin*",
      "rekompensat*", "promocj*", "darček", "darcek", "ospravedlnen*", "kompenzác*", "kompenzac*", "darilo",
      "opravič*", "opravic*", "odškodnin*", "odskodnin*", "akcij*");

  /** Ticking an option at checkout: "I selected 'gift' at checkout" (review of the twenty-fourth round). */
  private static final WordSet SELECTED = WordSet.of("selected", "ticked", "chose", "checked", "picked", "zaškrtl*",
      "zaskrtl*", "vybral*", "označil*", "oznacil*", "zaznaczył*", "zaznaczyl*", "wybrał*", "wybral*", "izbral*",
      "obkljukal*");

  /** Options and the like that a claim names in calm use ("the 'express' delivery", "volba „zdarma“"). */
  private static final WordSet OPTIONS = WordSet.of("delivery", "shipping", "doprava", "dopravu", "dostawa",
      "dostawę", "doručenie", "dostava", "dostavo", "tab", "menu", "field", "box", "filter", "category", "kategori*",
      "pole", "polje", "tlačítko", "przycisk", "tlačidlo", "gumb", "volba", "volbu", "výběr", "izbira", "returns",
      "return", "label", "postage", "zwrot", "vrácení", "vrátenie", "vračilo");

  /**
   * A lowercase word of {@link #QUOTED_CLAIM} in quotes of at most three words, not beside an option or a product
   * noun ({@code named}), said of the noun after it (or of two or three quoted words), in a message without a
   * question; the caller adds the praise, thanks or bad situation it needs. A quoted label with a capital ("the
   * 'Express' option") is a name, not a doubt.
   */
  static boolean quotedClaim(String text, WordSet named) {
    if (text.indexOf('?') >= 0) {
      return false;
    }
    for (var m = QUOTED.matcher(text); m.find(); ) {
      var quoted = m.group(1);
      var words = Folding.words(quoted);
      var next = Folding.words(text.substring(m.end())).stream().findFirst().orElse("");
      var before = Folding.words(text.substring(0, m.start()));
      var previous = before.isEmpty() ? "" : before.get(before.size() - 1);
      boolean claimed = words.size() >= 2 || next.length() >= 3; // an adjective of a noun, not "„zdarma“ u dopravy"
      boolean claim = (claimed && words.stream().anyMatch(QUOTED_CLAIM::contains))
          || (words.size() <= 2 && words.stream().anyMatch(QUOTED_THING::contains) && !SELECTED.contains(previous));
      if (!words.isEmpty() && words.size() <= 5 && claim && Character.isLowerCase(quoted.charAt(0))
          && !named.contains(next) && !named.contains(previous)
          && !OPTIONS.contains(next) && !OPTIONS.contains(previous)) {
        return true;
      }
    }
    return false;
  }
}
