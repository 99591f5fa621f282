package io.deskbridge.core.escalation;

import java.util.regex.Pattern;

/**
 * The common forms of sarcasm in support messages, in English, Czech, Polish, Slovak and Slovene, by rule: the
 * families of the fourth to seventh rounds and, through {@link SarcasmFamilies}, of the twelfth and later, and
 * through {@link MockPraise}, of the twenty-fourth. {@link
 * SarcasmSignal#supportSarcasm} documents what matches. Stateless and thread-safe.
 */
final class SupportSarcasm {

  private SupportSarcasm() {}

  /** Whether the text is one of the forms; see {@link SarcasmSignal#supportSarcasm}. */
  static boolean matches(String text) {
    if (text.isBlank()) {
      return false;
    }
    var sentences = Sentence.split(text);
    for (var sentence : sentences) {
      if (!SUPPORT_PHRASES.matches(sentence).isEmpty() || SarcasmFamilies.strong(sentence, BAD)
          || (!sentence.question() && !SPEED_WEEKS.matches(sentence).isEmpty())
          || SarcasmFamilies.callThis(text, sentence, QUOTED_PRAISE)
          || (!sentence.question() && MockPraise.strong(text, sentence))) {
        return true;
      }
    }
    if (praiseInQuotes(text) || QUOTED_PROMISE.matcher(text).find()) {
      return true;
    }
    if (sentences.isEmpty() || text.indexOf('?') >= 0) {
      return false;
    }
    boolean praise = false;
    boolean bad = false;
    boolean damage = false;
    boolean also = false;
    boolean ordinal = false;
    boolean still = false;
    boolean thanks = false;
    boolean trivialTip = false;
    boolean neverThought = false;
    boolean useless = false;
    boolean overHelpful = false;
    boolean sureWait = false;
    boolean relaxed = false;
    boolean needed = false;
    boolean allNeeded = false;
    boolean love = false;
    boolean paid = false;
    for (var sentence : sentences) {
      useless |= !USELESS_THING.matches(sentence).isEmpty();
      overHelpful |= !OVERHELPFUL.matches(sentence).isEmpty();
      sureWait |= !SURE_WAIT.matches(sentence).isEmpty();
      relaxed |= sentence.words().stream().anyMatch(RELAXED::contains);
      praise |= !MOCK_PRAISE_PHRASES.matches(sentence).isEmpty() || MockPraise.kind(sentence);
      bad |= BAD_PHRASES.matches(sentence).stream().anyMatch(m -> !sentence.negated(m[1]));
      neverThought |= !NEVER_THOUGHT.matches(sentence).isEmpty();
      needed |= !NEEDED.matches(sentence).isEmpty();
      allNeeded |= !ALL_NEEDED.matches(sentence).isEmpty();
      bad |= SarcasmFamilies.badPhrase(sentence) || MockPraise.badPhrase(sentence);
      love |= sentence.words().stream().anyMatch(LOVE::contains);
      paid |= sentence.words().stream().anyMatch(PAID::contains);
    }
    for (int s = 0; s < sentences.size(); s++) {
      var words = sentences.get(s).words();
      for (int i = 0; i < words.size(); i++) {
        var word = words.get(i);
        var sentence = sentences.get(s);
        boolean opening = s == 0 && sentence.clause(i) == 0 && clauseLength(sentence, 0) <= 3;
        boolean serviceOpening = s == 0 && i == 0 && clauseLength(sentence, 0) <= 6 && clauseHas(sentence, 0, SERVICE);
        praise |= ((opening || serviceOpening) && (PRAISE.contains(word) || SarcasmFamilies.OPENERS.contains(word)
            || (SarcasmFamilies.OPENERS_24.contains(word) && !MockPraise.goodNews(sentence))))
            || PRAISE_ANYWHERE.contains(word);
        bad |= ((BAD.contains(word) || SarcasmFamilies.BAD.contains(word)
            || (MockPraise.BAD.contains(word) && !MockPraise.harmless(sentence, i)))
            && !sentence.negated(i)
            && !excused(sentence, i))
            || (WORKS.contains(word) && sentence.negated(i));
        damage |= DAMAGE.contains(word) && !sentence.negated(i) && !SincereLookalikes.nothingDamaged(sentence, i);
        also |= ALSO.contains(word);
        ordinal |= ORDINAL.contains(word);
        still |= STILL.contains(word);
        thanks |= THANKS.contains(word);
        trivialTip |= TRIVIAL_TIP.contains(word);
      }
    }
    return (praise && (bad || (damage && also) || (ordinal && still)))
        || (bad && SarcasmFamilies.quotedDoubt(text, NAMED_THING)) || (needed && (!thanks || bad))
        || ((praise || thanks || bad || love || paid) && SarcasmFamilies.quotedClaim(text, NAMED_THING))
        || (paid && SarcasmFamilies.quotedDoubt(text, NAMED_THING))
        || (allNeeded && (bad || !(praise || thanks)))
        || (thanks && trivialTip && neverThought) || (useless && overHelpful) || (sureWait && relaxed);
  }

  /**
   * Whether the bad word at {@code i} is no bad situation here: a harmless use ({@link SarcasmFamilies#harmless}),
   * "again" with a good outcome or "nothing was damaged" ({@link SincereLookalikes}).
   */
  private static boolean excused(Sentence sentence, int i) {
    return SarcasmFamilies.harmless(sentence.words(), i) || SincereLookalikes.goodRepeat(sentence, i)
        || SincereLookalikes.nothingDamaged(sentence, i);
  }

  /**
   * Plain thanks or praise: a message of at most twelve words that thanks or opens with praise and names no bad
   * situation, holds no quotes and matches no form of {@link #matches} ("cheers for the fast response", "great,
   * that works, thank you"; twelfth round). "Good job, …" opens with praise, and "again" with a good outcome ({@link
   * SincereLookalikes}) is no bad situation ("awesome, it works again"; fifteenth round).
   */
  static boolean sincere(String text) {
    var sentences = Sentence.split(text);
    int n = sentences.stream().mapToInt(sentence -> sentence.words().size()).sum();
    if (n == 0 || n > 12 || QUOTES.matcher(text).find() || matches(text)) {
      return false;
    }
    boolean kind = false;
    for (int s = 0; s < sentences.size(); s++) {
      var sentence = sentences.get(s);
      if (!BAD_PHRASES.matches(sentence).isEmpty() || SarcasmFamilies.badPhrase(sentence)) {
        return false;
      }
      var words = sentence.words();
      for (int i = 0; i < words.size(); i++) {
        var word = words.get(i);
        if ((BAD.contains(word) || SarcasmFamilies.BAD.contains(word) || DAMAGE.contains(word)
            || (WORKS.contains(word) && sentence.negated(i))) && !excused(sentence, i)) {
          return false;
        }
        kind |= THANKS.contains(word)
            || (s == 0 && sentence.clause(i) == 0 && (PRAISE.contains(word) || word.equals("good")));
      }
    }
    return kind;
  }

  /** Love of something, for a claim in quotes ("Really loving the new 'improved' billing"; twenty-fourth round). */
  private static final WordSet LOVE = WordSet.of("love", "loving", "adore", "miluju", "miluji", "zbožňuju",
      "zboznuju", "uwielbiam", "kocham", "milujem", "zbožňujem", "zboznujem", "obožujem", "obozujem");

  /**
   * Paying, for a claim or a doubted word in quotes ("I pay for 'premium' support", „platím za ‚prémiovou‘
   * podporu“; twenty-fourth round).
   */
  private static final WordSet PAID = WordSet.of("pay", "paying", "platím", "platim", "platíme", "platime",
      "připlácel*", "priplacel*", "připlácím", "priplacim", "płacę", "place", "płacimy", "placimy", "dopłac*",
      "doplac*", "platím", "platíme", "doplácam", "doplacam", "plačam", "placam", "plačujem", "placujem",
      "doplačal*", "doplacal*", "doplačam", "doplacam");

  private static final Pattern QUOTES = Pattern.compile("[\"“”„‘’‚»«]");

  private static boolean clauseHas(Sentence sentence, int clause, WordSet words) {
    for (int i = 0; i < sentence.words().size(); i++) {
      if (sentence.clause(i) == clause && words.contains(sentence.words().get(i))) {
        return true;
      }
    }
    return false;
  }

  private static int clauseLength(Sentence sentence, int clause) {
    int n = 0;
    for (int i = 0; i < sentence.words().size(); i++) {
      if (sentence.clause(i) == clause) {
        n++;
      }
    }
    return n;
  }

  /** Praise of the service held in quotes: "support", „pomoc“, »fast delivery«. */
  private static boolean praiseInQuotes(String text) {
    for (var m = QUOTED.matcher(text); m.find(); ) {
      var words = Folding.words(m.group(1));
      var next = Folding.words(text.substring(m.end())).stream().findFirst().orElse("");
      var before = Folding.words(text.substring(0, m.start()));
      var previous = before.isEmpty() ? "" : before.get(before.size() - 1);
      if (!words.isEmpty() && words.size() <= 3 && words.stream().anyMatch(QUOTED_PRAISE::contains)
          && !NAMED_THING.contains(next) && !NAMED_THING.contains(previous)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern QUOTED = Pattern.compile(
      "(?<!\\p{L})[\"“”„‘’‚»«'](\\p{L}[\\p{L}\\p{N} '-]{0,40}?)[\"“”‘’»«'](?!\\p{L})");

  /** Nouns after a quoted word that make it a name ("the "Express" option"), not praise held at arm's length. */
  static final WordSet NAMED_THING = WordSet.of("option", "options", "plan", "plans", "model", "models",
      "tariff", "tarif*", "package", "balíč*", "pakiet*", "paket*", "balík*", "mode", "button", "setting*", "version",
      "verz*", "wersj*", "product", "produkt*", "name", "label", "možnost*", "opcj*", "možnosť", "program*",
      "warranty", "warranties", "guarantee", "insurance", "cover", "membership", "subscription", "záruk*", "gwarancj*",
      "garancij*", "pojištěn*", "ubezpieczen*", "poisten*", "zavarovanj*", "předplatné", "predplatné", "abonament*",
      "naročnin*", "členství", "członkostw*", "členstvo", "članstv*", "bundle", "guide", "kit", "edition",
      "collection", "zestaw*", "komplet*", "instrukcj*", "návod*", "navod*", "navodil*", "sada", "sadu", "edic*",
      // twenty-fourth round: a quoted bill item ("the item 'third-party services'", "postavka 'storitve …'")
      "item", "items", "entry", "položk*", "polozk*", "pozycj*", "postavk*", "called", "named", "názv*", "nazv*",
      "nazw*", "naziv*");

  /** Words of the service praised in quotes. */
  static final WordSet QUOTED_PRAISE = WordSet.of("support", "help", "helpful", "service", "fast", "quick",
      "express", "processing", "care", "professional*", "priority", "guaranteed", "urgent", "customer", "instant",
      "podpora", "podpory", "podporu", "pomoc", "pomoci", "rychl*", "expres*", "servis", "péče", "služb*",
      "profesionál*", "zákaznick*", "okamžit*",
      "wsparci*", "szybk*", "ekspres*", "obsług*", "profesjonaln*", "natychmiast*",
      "rýchl*", "starostlivosť", "zákaznícka", "profesionáln*",
      "pomoč", "hitr*", "ekspresn*", "storitev", "storitv*", "profesionaln*", "takoj*",
      "customers", "péči", "zákazník*", "troska", "trosk*", "opiek*", "starostlivos*", "skrb", "strank*", "kupc*",
      "lightning", "nonstop", "błyskawiczn*", "bleskov*", "bleskurychl*", "bliskovit*", "całodobow*", "nepřetržit*",
      "nepretržit*", "neprekinjen*", "hiter", "ekspresen", "speedy", "prompt", "swift", "rapid", "efficient",
      "responsive");

  /** Praise that opens a message ("Great, …", "Skvělé, …"), in the first clause of at most three words. */
  static final WordSet PRAISE = WordSet.of("great", "fantastic", "brilliant", "perfect", "wonderful", "lovely",
      "amazing", "super", "wow", "nice", "excellent", "awesome", "splendid", "marvellous", "marvelous", "terrific",
      "superb", "outstanding", "impressive", "beautiful", "fabulous", "done",
      "skvěl*", "výborn*", "paráda", "úžasn*", "perfektn*", "nádhera", "páni", "bezva", "báječn*", "senzační",
      "świetn*", "wspaniał*", "rewelac*", "cudown*", "cudnie", "doskonał*", "pięknie", "fantastyczn*", "ekstra",
      "skvel*", "výborn*", "úžasn*", "perfektn*", "fantastick*",
      "odličn*", "čudovit*", "krasn*", "lepo", "popoln*", "imenitn*", "vau", "fantastičn*", "super",
      "genius", "geniáln*", "genialn*", "ideal", "ideální", "ideáln*", "idealn*", "idealno", "odličen", "krasen",
      "imeniten", "fantastičen");

  /** Praise that counts anywhere in the message ("… Bravo.", "Gratuluji."). */
  private static final WordSet PRAISE_ANYWHERE = WordSet.of("bravo", "brawo", "congratulations", "congrats",
      "gratuluji", "gratuluju", "gratuluję", "gratulujem", "čestitam", "čestitke", "impressive", "impresivn*",
      "imponując*", "impozantn*", "spoil", "gratulacje", "gratulację", "gratulujeme", "gratulujemy");

  /**
   * Mock praise said as an idiom ("hats off", "klobouk dolů", "co za tempo", "kapo dol"): praise anywhere in the
   * message, which still needs a bad situation ("only ten days for one answer, hats off").
   */
  private static final RuleSet MOCK_PRAISE_PHRASES = RuleSet.of(false,
      "hats off", "what speed", "such speed", "klobouk dolů|dolu", "to je ale|teda rychlost|tempo|rychlé",
      "co za tempo|szybkość|ekspres", "czapki z głów", "klobúk dole|dolu", "to je ale rýchlosť|tempo", "aké tempo",
      "kapo|klobuk dol", "kakšna hitrost", "to je hitrost", "take a bow", "kudos", "smekám|smekam", "skládám|skladám poklonu",
      "klaním|klaniam se|sa", "szacun", "chapeau", "priklanjam se", "klanjam se",
      // thanks for the great service, "you really pulled that off", "that's service" (nineteenth round): praise
      // that still needs a bad situation
      "thank|thanks ..2 for ..2 great|wonderful|amazing|excellent|superb|top-notch ..1 care|service|support|help",
      "díky|diky|děkuj*|dekuj* ..2 za ..2 skvěl*|skvel*|úžasn*|uzasn*|výborn*|vyborn*|perfektn* ..1 "
          + "péč*|pec*|peci|servis|služb*|sluzb*|podpor*|přístup|pristup",
      "dzięki|dzieki|dziękuj*|dziekuj* ..2 za ..2 świetn*|swietn*|wspaniał*|wspanial*|doskonał*|doskonal* "
          + "..1 obsług*|obslug*|opiek*|wsparci*|pomoc",
      "vďaka|vdaka|ďakuj*|dakuj* ..2 za ..2 skvel*|úžasn*|uzasn*|výborn*|vyborn*|perfektn* ..1 "
          + "starostlivos*|servis|služb*|sluzb*|podpor*|prístup|pristup",
      "hvala ..2 za ..2 odličn*|odlicn*|čudovit*|cudovit*|krasn* ..1 oskrb*|storitev|podpor*|pomoč|pomoc",
      "top notch", "to je ale|teda servis|služba|sluzba", "to je teda|ale rýchlosť|rychlost|servis",
      "to se|sa vám|vam ..1 teda|fakt|vážně|vazne ..1 povedlo|podařilo|podarilo", "popisaliście|popisaliscie",
      "ste se ..1 izkazali", "zares ste se izkazali", "you really ..1 outdid|nailed|pulled",
      "^no|to ..1 to ..1 je ..1 úžasn*|uzasn*|skvěl*|skvel*|paráda|parada|bezva|super|výborn*|vyborn*|nádhera",
      // "love how …" (seventh round): praise that still needs a bad situation
      "love|loving|adore ...1 how|when|that|it-when", "miluju|miluji|zbožňuju|zbožňuji ...1 jak|když|že",
      "uwielbiam|kocham ...1 jak|kiedy|gdy|że", "zbožňujem|milujem|ľúbim ...1 ako|keď|že",
      "obožujem|ljubim ...1 kako|ko|ker|da",
      // "what a surprise" in its other forms, with a bad situation
      "to je ..1 překvapení|prekvapenie|presenečenje !příjemn*|milé|hezké|krásné|príjemn*|pekné|prijetn*|lepo",
      "a-to|no-to|to-ci|cóż-za ..1 niespodzianka !miła|przyjemna|fajna");

  /**
   * The nth attempt: a bad situation only with "still" in the message ("Great, a third technician and it still
   * leaks"); alone it is as often a sincere count ("Super, my fourth order and all fine").
   */
  private static final WordSet ORDINAL = WordSet.of("third", "fourth", "fifth", "třetí", "čtvrt*", "pátý",
      "pátá", "páté", "trzeci*", "czwart*", "piąty", "piąta", "piąte", "tretí", "tretia", "štvrt*", "piaty", "piata",
      "tretji", "tretja", "četrt*", "peti", "peta");

  /** "Still", for the nth attempt. */
  private static final WordSet STILL = WordSet.of("still", "pořád", "stále", "furt", "dalej", "nadal", "wciąż",
      "ciągle", "vedno");

  /** Words of working that, negated, are a bad situation ("nie działa", "ne dela", "doesn't work"). */
  private static final WordSet WORKS = WordSet.of("work", "works", "working", "funguje", "fungují", "działa",
      "działają", "dela", "delajo", "deluje", "delujejo",
      "switch", "switches", "turn", "turns", "start", "starts", "charge", "charges", "boot", "boots", "load",
      "loads", "włącza",
      "włączy", "uruchamia", "uruchomi", "ładuje", "naładuje", "odpala", "vklopi", "vklaplja", "zažene", "polni",
      "napolni", "prižge");

  /** Words of thanks, for thanks for a useless tip. */
  private static final WordSet THANKS = WordSet.of("thanks", "thank", "cheers", "děkuj*", "díky", "dík*", "dziękuj*", "dzięki",
      "ďakuj*", "vďaka", "hvala");

  /** The tips every customer has tried before writing: restart it, switch it off and on, look into spam. */
  private static final WordSet TRIVIAL_TIP = WordSet.of("restart*", "reboot*", "reštart*", "zrestart*",
      "zresetować", "vypnout", "vypnúť", "wyłączyć", "izklop*", "spam", "cache", "cookies", "ciasteczk*", "vsiljen*");

  /** "I would never have thought of that", said of a tip. */
  private static final RuleSet NEVER_THOUGHT = RuleSet.of(false,
      "never|wouldn|t ..3 thought|think of|about ..1 that|it|this", "nenapadlo|nenapadla|nenapadl*",
      "nepřišel|nepřišla ..2 na to|tohle", "na to|tohle ..3 nepřišel|nepřišla|nepřišli",
      "nie ..2 wpadł|wpadła|wpadłbym|wpadłabym|pomyślał|pomyślała", "wpadłbym|wpadłabym|wpadl|wpadla",
      "neprišiel|neprišla ..2 na to", "na to ..3 neprišiel|neprišla|neprišli", "nenapadlo|nenapadla",
      "ne ..3 spomnil|spomnila|domislil|domislila", "na to ..3 ne ..2 spomnil|spomnila|domislil|domislila");

  /** Words of a bad situation: again, another, twice, delay, wrong, lost, weeks and months. */
  static final WordSet BAD = WordSet.of("another", "again", "twice", "delay", "delays", "delayed", "late",
      "wrong", "broken", "broke", "break", "lost", "losing", "lose", "invalid", "charged", "hold", "excuse",
      "excuses", "failed", "week", "weeks", "month", "months", "days", "hour", "hours", "times",
      "další", "dalších", "zase", "znovu", "opět", "zpoždění", "zpozd*", "špatn*", "rozbit*",
      "ztrat*", "nefung*", "dvakrát",
      "výmluv*", "týdn*", "týden", "měsíc*", "dnech", "dní", "hodin*", "třikrát", "čtyřikrát", "pětkrát",
      "několikrát",
      "kolejn*", "znowu", "znów", "opóźni*", "zły", "zła", "złe", "złego", "zgubi*", "dwa", "wymówk*",
      "tygodni*", "tydzień", "miesiąc*", "dniach", "godzin*", "razy",
      "premajhn*", "prevelik*", "opäť",
      "ďalš*", "znova", "meškan*", "mešká", "oneskor*", "nefung*", "zlá", "zlý", "zlé", "strati*", "výhovork*", "týždn*", "týždeň", "mesiac*",
      "dňoch", "trikrát", "štyrikrát", "päťkrát", "niekoľkokrát",
      "spet", "zamud*", "zamuja", "napačn*", "izgubi*", "dvakrat", "izgovor*", "tedn*", "teden", "mesec*", "dneh",
      "uro", "trikrat", "štirikrat", "petkrat", "večkrat",
      "crash*", "expired", "wysypuj*", "wysypał*", "zawiesz*", "sesuje", "sesul*", "zamrzn*",
      "gubi*", "nezapn*", "nezapína", "nespust*", "nenabíj*", "nenabije", "nenaběhne", "nenabehne", "nenačte",
      "nenačíta", "nerozsvítí", "nerozsvieti");

  /**
   * Words of damage: a bad situation only with a word of repetition in the message ("the replacement is damaged
   * too"); alone they are as often a sincere report ("Great, thanks for replacing the damaged one").
   */
  private static final WordSet DAMAGE = WordSet.of("damaged", "faulty", "defective", "broken",
      "poškozen*", "vadn*", "rozbit*", "zepsut*", "zepsuł*", "uszkodz*", "wadliw*", "pokazen*", "poškoden*", "chybn*",
      "pokvarjen*", "poškodovan*", "okvarjen*");

  /** Words of repetition that make damage a bad situation: too, also, as well. */
  private static final WordSet ALSO = WordSet.of("too", "also", "either", "taky", "také", "též", "też", "także",
      "same", "stejně", "stejne", "stejná", "podobnie", "rovnako", "enako",
      "również", "tiež", "aj", "takisto", "tudi", "sam", "samą", "samego", "istý", "istú", "isti", "istega",
      "podruhé", "druhýkrát", "drugič", "again", "znovu", "znowu", "znova", "spet");

  /**
   * "Just what I needed": sarcastic unless the message gives thanks and names nothing bad ("Thanks, that's exactly
   * what I needed" is sincere; twelfth round).
   */
  private static final RuleSet NEEDED = RuleSet.of(false,
      "just|exactly what i needed|wanted !know|knowing", "přesně|právě to jsem potřeboval*|chtěl* !vědět|znát",
      "přesně co jsem potřeboval* !vědět|znát",
      "właśnie|dokładnie tego potrzebowałem|potrzebowałam|chciałem|chciałam !wiedzieć|wiedziec",
      "presne|práve to som potreboval*|chcel* !vedieť|vediet", "točno|ravno to sem potreboval*|hotel* !vedeti",
      // twenty-fourth round: "just what I wished for"
      "točno|ravno to sem si ..1 želel*|zelel*", "přesně|prave|právě tohle|to jsem si ..1 přál*|pral*",
      "presne|práve toto|to som si ..1 želal*|zelal*|prial*", "właśnie|wlasnie|dokładnie|dokladnie o ..1 tym "
          + "marzyłem|marzylem|marzyłam|marzylam", "just|exactly what i ..1 wished");

  /**
   * "That's all I needed": sarcastic ("well, that's all I needed today"), but the sincere close of a support chat
   * when the message gives praise or thanks ("perfect, that's all I needed") and names nothing bad ("great, the
   * parcel is lost again, that's all I needed" stays sarcastic; fifteenth round).
   */
  private static final RuleSet ALL_NEEDED = RuleSet.of(false, "that-s|that-is|that-was all i needed");

  /** Set phrases that are sarcastic by themselves in support messages. */
  private static final RuleSet SUPPORT_PHRASES = RuleSet.of(false,
      "thanks|thank|thx for nothing !more|else", "thank you for nothing !more|else", "díky|děkuji|děkuju|dik|diky za nic",
      "dzięki|dziękuję|dziękujemy za nic", "vďaka|ďakujem za nič", "hvala za nič",
      "to mi ..1 ještě|tak|zrovna ..1 chybělo|scházelo",
      "tego ..2 brakowało|brakowalo", "to mi ..1 ešte|tak ..1 chýbalo",
      "to mi je ..1 še ..1 manjkalo",
      "great|good|nice|amazing|fantastic|brilliant|excellent job|work ...4 losing|lost|breaking|broke|charging|"
          + "forgetting|ignoring|cancelling|canceling|misplacing|delaying|damaging",
      "nothing better to do", "nic lepšího na práci|práci|dělat", "nic lepszego do roboty|robienia",
      "nič lepšie na práci|robiť", "nič boljšega za početi|delati",
      "what a surprise", "big surprise", "jaké překvapení", "to je ale překvapení", "co za niespodzianka|niespodzianką",
      "aké prekvapenie", "kakšno presenečenje",
      "of course it is|does|did", "jak jinak", "a jakże", "jakżeby inaczej", "ako inak", "kako pa drugače",
      "slower than a snail", "pomalejší než šnek", "wolniejsz* niż ślimak", "pomalš* ako slimák",
      "počasnejš* od polža",
      "you spoil me|us", "outdid|outdone yourselves|yourself", "překonali|předčili jste se", "jste se překonali",
      "przeszliście samych siebie", "prekonali ste sa", "presegli ste samega|same sebe",
      "thank|thanks|appreciate ...3 being|making|letting|keeping|putting me ...4 wait*|hold|ignor*",
      "really appreciate being ...3 hold|ignored|waiting",
      "děkuji|děkuju|díky ...1 že ...5 čekat|čekal*|ignor*|ztrat*|viset|visel*",
      "dziękuję|dzięki ...1 że ...5 czekać|czekał*|ignor*|zgubi*|wisieć|wisiał*",
      "ďakujem|vďaka ...1 že ...5 čakať|čakal*|ignor*|strati*|visieť|visel*",
      "hvala ...1 ker|da ...5 čakati|čakal*|ignor*|izgubi*|viseti|visel*",
      "as if that|it|this would|will|could ..1 change|help|fix|make ..1 anything|a-difference",
      "as if that|it|this would|will|could help|matter",
      "jako-by|jakoby|jak-by to ..2 něco|cokoli|nějak ..1 změnilo|pomohlo|vyřešilo",
      "jakby to ..2 cokolwiek|coś ..1 zmieniło|pomogło|dało|rozwiązało",
      "akoby|ako-keby to ..2 niečo|čokoľvek ..1 zmenilo|pomohlo|vyriešilo",
      "kot da bi to ..2 kaj|karkoli ..1 spremenilo|pomagalo|rešilo");

  /**
   * Praise of speed beside weeks or months ("lightning fast, only three weeks"); like {@link SarcasmFamilies#SPEED},
   * not in a question ("is express delivery only 2 weeks?" asks).
   */
  private static final RuleSet SPEED_WEEKS = RuleSet.of(false,
      "speedy|fast|quick|prompt|rapid|swift|lightning|express ...6 only|just|mere ..2 weeks|months",
      "bleskov*|rychl*|expres*|svižn* ...6 jen|jenom|pouhých|pouze|pouhé ..2 týdn*|měsíc*|měsíců",
      "błyskawiczn*|szybk*|ekspres* ...6 tylko|zaledwie|raptem ..2 tygodni*|miesiąc*|miesięcy",
      "bleskov*|rýchl*|expres* ...6 len|iba|púhych ..2 týždň*|týždne|mesiac*|mesiacov",
      "bliskovit*|hitr*|ekspresn* ...6 samo|le|komaj ..2 tedn*|mesec*|mesecev");

  /**
   * Bad situations said in several words: no single answer, something that stopped working or expired, nobody
   * replying.
   */
  private static final RuleSet BAD_PHRASES = RuleSet.of(false,
      "not|without ..2 one|single|a ..1 answer|reply|response|word|update",
      "ani jedna|jeden|jediná|jediný|jednej|jednego|jedno odpověď|odpovědi|zpráva|zprávu|e-mail|mail|odpowiedzi|"
          + "odpowiedź|wiadomości|maila|odpoveď|správa|správu|reakce|reakcia",
      "zero|żadnej|brak odpowiedzi|reakcji|odzewu", "niti en|ena|enega|ene odgovor|odgovora|sporočila|e-mail|odziva",
      "nobenega odgovora|odziva",
      "stopped|stops working|functioning", "přestal*|přestává platit|fungovat|jít",
      "przestał*|przestaje działać|obowiązywać", "prestal*|prestáva platiť|fungovať|ísť",
      "nehal*|neha delovati|veljati", "vypršel*|vypršal*|wygasł*|potekl*|potekel",
      "nobody|noone|no-one ...3 replied|answered|responded|called|wrote|answers|replies",
      "nikdo ...3 neodpověděl|neodepsal|nereaguje|neozval|neodpovídá", "nikt ...3 nie ..1 odpisał|odpowiedział|odezwał|"
          + "oddzwonił|odpisuje|odpowiada", "nikto ...3 neodpísal|neodpovedal|neozval|nereaguje|neodpovedá",
      "nihče ...3 ni ..1 odgovoril|odpisal|poklical|javil", "nihče ...3 ne ..1 odgovori|odgovarja|odpiše",
      // Slovene "še" (another, once more), which folds to the reflexive "se" of Czech, Slovak and Slovene and so
      // cannot be a single word of a bad situation ("Super, těším se" is sincere)
      "še en|ena|eno|ene|enega|enkrat|dodatn* !naročil*|narocil*|darilo|bon|popust|nakup*",
      // cannot even … (seventh round)
      "can|couldn t|not ..1 even", "cannot|can-not ..1 even",
      "nemůžu|nemohu|nemůžeme|nejde|nedá|nedokážu|neumím ...3 ani !dočkat|vynachválit|vynadivit",
      "nie ..1 mogę|możemy|można|da|potrafię ...3 nawet !doczekać", "nemôžem|nemôžeme|nejde|nedá|neviem|nedokážem ...3 "
          + "ani !dočkať", "ne ..1 morem|moremo|gre|da|znam ...3 niti !dočakati",
      // money sent to a card or an account that no longer exists
      "card|account|address ...4 cancelled|canceled|closed|blocked|expired|no-longer|don-t-have|dont-have",
      "kart*|účet|účtu|adres* ...4 zrušil*|zrušen*|zablokoval*|zablokovan*|neexistuj*|nemám|neplatn*",
      "kart*|kont*|adres* ...4 zastrzegł*|zastrzeżon*|zamknął*|zamknęł*|zamknięt*|anulowa*|nieaktywn*|unieważni*|"
          + "zablokowa*|nie-istnieje|nie-mam",
      "kartic*|račun*|naslov* ...4 ukinil*|ukinjen*|zaprl*|zaprt*|preklical*|blokiral*|blokiran*|ne-obstaja|nimam|"
          + "neveljavn*");

  /**
   * Something useless given to the customer (an automated or template reply, a link to the FAQ), for praise of it as
   * extremely helpful (seventh round).
   */
  private static final RuleSet USELESS_THING = RuleSet.of(false,
      "automated|automatic|auto|generic|template|canned|copy-pasted|copy-paste|scripted|stock reply|replies|answer|"
          + "answers|response|responses|message|email|mail",
      "automatick*|šablon*|obecn*|strojov*|kopírovan*|standardn* odpověď|odpovědi|odpovědí|zpráv*|e-mail*|mail*",
      "automatyczn*|szablon*|standardow*|ogóln*|kopiowan* odpowied*|wiadomoś*|e-mail*|mail*",
      "automatick*|šablón*|všeobecn*|strojov*|štandardn* odpove*|správ*|e-mail*|mail*",
      "samodejn*|avtomatsk*|splošn*|standardn*|šablonsk* odgovor*|sporočil*|e-pošt*|mail*",
      "link|odkaz*|odnośnik*|link*|povezav* ...3 faq|nápověd*|pomoc*|help*");

  /** Praise of help in hyperbole: "extremely helpful", "neskutečně mi pomohla". */
  private static final RuleSet OVERHELPFUL = RuleSet.of(false,
      "extremely|incredibly|unbelievably|immensely|tremendously|hugely|enormously|truly|most helpful|useful|"
          + "informative",
      "neskutečně|neuvěřitelně|nesmírně|ohromně|nadmíru ...2 pomohl*|pomáh*|užitečn*|nápomocn*",
      "niesamowicie|niezwykle|niewiarygodnie|ogromnie|nieziemsko ...2 pomocn*|pomogł*|przydatn*",
      "neskutočne|neuveriteľne|nesmierne|ohromne|nadmieru ...2 pomohl*|pomáh*|užitočn*|nápomocn*",
      "neverjetno|izjemno|neznansko|nepopisno|noro ...3 pomagal*|pomagalo|koristn*|v-pomoč");

  /** Mock consent to wait even longer: "Sure, I'll just wait another three weeks" (seventh round). */
  private static final RuleSet SURE_WAIT = RuleSet.of(false,
      "^sure|fine|okay|ok|of-course|yeah|right ...4 wait|waiting ..2 another|more|extra|few ..2 week|weeks|month|"
          + "months|year|years",
      "^jasně|jistě|samozřejmě|klidně|ok|dobře|no-jasně ...4 počkám|počkáme|vydržím ...3 další|dalších|ještě ..2 týdn*|"
          + "týden|měsíc*|rok*|let",
      "^jasne|oczywiście|pewnie|spoko|dobra|no-jasne ...4 poczekam|poczekamy|zaczekam|zaczekamy ...3 jeszcze|kolejne|"
          + "następne|dalsze ..2 tygodni*|tydzień|miesiąc*|miesięcy|lat*|rok*",
      "^jasné|iste|samozrejme|kľudne|dobre ...4 počkám|počkáme|vydržím ...3 ďalš*|ešte ..2 týždn*|týždeň|mesiac*|rok*",
      "^seveda|jasno|itak|prav ...5 počakal*|počakam|počakamo ...3 še|dodatn*|nadaljn* ..2 ted*|teden|mesec*|"
          + "let*|leto");

  /** Words of relaxed consent beside {@link #SURE_WAIT}: "just", "no problem", "klidně", "żaden problem". */
  private static final WordSet RELAXED = WordSet.of("just", "happily", "gladly", "problem", "problems", "rush",
      "worries", "klidně", "problém", "problému", "spokojnie", "chętnie", "przyjemnością", "sprawy", "kľudne",
      "pokojne", "problema", "veseljem", "skrbi");

  /** Words of the service, for praise of it in an opening clause of up to six words ("Skvelá starostlivosť o …"). */
  private static final WordSet SERVICE = WordSet.of("service", "support", "care", "servis", "péče", "péči",
      "podpora", "starostlivos*", "skrb", "obsług*", "opiek*", "služb*", "storitev", "komunikac*", "přístup",
      "prístup", "podejście", "odnos");

  /** A service promise in quotes: "24/7". */
  private static final Pattern QUOTED_PROMISE = Pattern.compile("[\"“”„‘’‚»«']\\s?24\\s?/\\s?7\\s?[\"“”‘’»«']");
}
