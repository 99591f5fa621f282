package io.deskbridge.core.escalation;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A detector of anger and strongly negative tone in English, Czech, Polish, Slovak and Slovene: lexicons, a few
 * rules ({@link PhraseRule} syntax) and typography; every point of the score can be traced to a word or a mark.
 *
 * <p>The score in [0, 1] adds up, each word counting once (for its strongest reading):
 *
 * <ul>
 *   <li>{@value #AIMED} per insult aimed at the company, the bot or the agent ("you idiots", "your stupid bot", "Jste
 *       banda zlodějů", "fuck you"), and per threat or boycott ("I will report you", "never ordering from you
 *       again", "už u vás nikdy nic nekoupím"), a threat to go to an authority or to warn others in reviews ("I'm
 *       taking this to the ombudsman", "napíšu o vás recenzi všude", "zgłaszam sprawę do rzecznika konsumentów"),
 *       and the last purchase ("that was the last time I bought anything here", "to byl můj poslední nákup u vás";
 *       not "when was my last order");
 *   <li>{@value #STRONG} per strongly negative statement that needs no swearing: being fed up ("I've had enough",
 *       "mám toho dost"), out of patience, nerves giving way ("dochází mi nervy"), declared anger ("jestem
 *       wściekły"), "the worst" (not "the worst case" nor "the worst that can happen"), weeks without a single
 *       answer, never treated this badly,
 *       writing for the third time ("píšu už potřetí"), a threat to leave ("přecházím ke konkurenci"), outrage ("to
 *       je výsměch"), thanks for wasting one's time, and the families of {@link AngerFamilies#STRONG} and
 *       {@link AngerComplaints#STRONG}; unless negated; and the twenty-third round's {@link AngerRebukes} (its
 *       STRONG also when negated, "Do not tell me to be patient"; a sentence that is a verdict by itself, "Skandal.");
 *       and the twenty-fourth round's {@link AngerDemands} (an apology demanded or refused, "does anyone even work
 *       there?", "who do you think you are", "this is unacceptable", "… or I'm leaving", a last warning);
 *   <li>{@value #INSULT} per insult that is not aimed ("the courier is an idiot");
 *   <li>{@value #NEGATIVE} per strongly negative word or phrase ("terrible", "unacceptable", "sick of", "hrozné",
 *       "beznadziejny", and {@link AngerFamilies#NEGATIVE}), unless negated ("not terrible");
 *   <li>{@value #NEGATIVE} per sign of waiting or being ignored: weeks or months of waiting ("czekam od
 *       miesiąca"), nobody answering, still nothing, the same fault again ("už podruhé"), being bounced from one
 *       department to another ("od działu do działu", "přehazujete mě"), promises and nothing happening ("pořád
 *       jen slibujete", "a nic se neděje"), nobody caring ("nikoho to nezajímá") ({@link AngerWaiting}); and per
 *       theft said of the service ("to je navadna kraja");
 *   <li>{@value #PROFANE} per swear word used as an intensifier ("the damn invoice", "kurva");
 *   <li>{@value #MILD} per word of disappointment ("disappointed", "not helpful", "zklamaný"), unless negated;
 *   <li>{@value #EXCLAMATIONS} for two or more exclamation marks in a row (or "?!");
 *   <li>{@value #SHOUTING} for shouting: a word of four or more capital letters (currency and other codes
 *       excepted), or {@value #ALL_CAPS} when at least half of the words of three or more letters are capitals,
 * </ul>
 *
 * capped at 1. Typography counts only when no word of joy or thanks stands without a negative word beside it
 * ("THANK YOU SO MUCH!!!" is enthusiasm). A message is angry from {@value #THRESHOLD}: one swear word in an
 * otherwise neutral question is not anger, nor is one negative word; two of either are, and so is one with "!!", an
 * aimed insult, a threat, or shouting. Immutable and thread-safe.
 */
public final class AngerSignal {

  /** Scores at or above this are anger. */
  public static final double THRESHOLD = 0.5;

  static final double FRUSTRATED = 0.25;
  static final double AIMED = 0.6;
  static final double STRONG = 0.5;
  static final double INSULT = 0.35;
  static final double NEGATIVE = 0.3;
  static final double PROFANE = 0.25;
  static final double MILD = 0.2;
  static final double EXCLAMATIONS = 0.25;
  static final double SHOUTING = 0.15;
  static final double ALL_CAPS = 0.5;

  private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
  private static final Pattern RUN_OF_EXCLAMATIONS = Pattern.compile("!{2,}|\\?!|!\\?");
  private static final Set<String> CODES = Set.of("EUR", "USD", "CZK", "PLN", "GBP", "VAT", "DPH", "PDF", "IBAN",
      "SMS", "FAQ", "ASAP", "HTTP", "HTTPS", "DHL", "UPS", "GLS", "PPL", "DPD", "BLIK", "NIP", "REGON", "URL");

  /** Insults: words for a person or an organisation that are an insult whoever they are aimed at. */
  private static final String INSULTS = String.join("|",
      "idiot*|moron*|stupid*|dumb|dumbass*|imbecile*|retard*|clown*|thieves|thief|crook*|scammer*|liar*|bastard*",
      "jerk*|losers|asshole*|arsehole*|dickhead*",
      "debil*|kretén*|blbec*|blbci|blbý|blbá|blbé|hovad*|zloděj*|podvodník*|šmejd*|lhář*|hlupák*|pitomec*|pitomc*",
      "pitomý|pitomá|pitomé",
      "idioci|kretyn*|złodziej*|oszu*|kłamc*|głupi|głupia|głupie|głupich|matoł*|partacz*|nieudaczn*",
      "zlodej*|klamár*|hlúp*|sprostý|sprostá|sprosté|sprostí|somár*",
      "kreten*|bedak*|tatovi|tatov|lopov*|prevarant*|lažniv*|neumen|neumna|neumno|neumni|neumnega|neumnih|butec*");

  /** Words that insult when aimed at someone ("you are useless") and are only negative otherwise. */
  private static final String AIMABLE = "useless|pathetic|incompetent|worthless|hopeless|neschopn*|nepoužiteln*|"
      + "niekompetentn*|nepoužiteľn*|nesposob*|neuporaben|neuporabna|neuporabno|neuporabni";

  /** Whom an insult can be aimed at: the agent or the bot (second person), the company's people. */
  private static final String TARGETS = String.join("|",
      "you|u|ya|ye|youre|your|ur|yur|yall|bot|chatbot|robot*|people|staff|team|guys",
      "jste|jsi|vy|ty|váš|vaše|vaši|vašeho|vašem|vám|vás|tvůj|tvoje|botu|botem|banda|bando|bandą|lidi",
      "jesteście|jesteś|wy|wasz*|wam|twój|twoja|ludzie",
      "ste|si|vaša|vašu|tvoj*|ľudia|botom",
      "vi|ti|vaš*|vam|vas|ljudje");

  private static final String SWEARING = String.join("|",
      "fuck*|shit*|crap|crappy|damn*|goddamn*|bloody|bullshit|hell|bitch*|piss*|wtf|ffs|frigging|freaking",
      "kurva|kurv*|prdel*|doprdele|sakra*|zasran*|hovno|hovn*|sračk*|zatracen*|krucinál*|kurevsk*|posran*",
      "kurw*|cholera|cholern*|pierdol*|spierdal*|wypierdal*|jebany|jebana|jebane|gówn*|chuj*|kurde",
      "riti|piče|piča|dopiče|prekliat*",
      "prekleto|preklet*|sranje|sranj*|pizda|pizd*|jebem*|jebenti|jebemti");

  /** Aimed insults, threats and boycotts. */
  private static final RuleSet AIMED_RULES = rules(
      TARGETS + " ..2 " + INSULTS + "|" + AIMABLE,
      INSULTS + "|" + AIMABLE + " ..1 " + TARGETS,
      "fuck|fuk|screw|damn|f you|u|ya|yourself|off|this", "piss|bugger off", "go to hell",
      "you|u ..2 sucks|suck", "report you|u|ya", "sue you|u|ya", "see you in court", "take my business elsewhere",
      "you will|ll regret",
      "never ...2 buy*|order*|shop*|purchas*|recommend*|use|using|come|coming ...4 again|anymore",
      "nikdy ...4 nekoup*|neobjedn*|nenakoup*|nedoporuč*|nevrátím",
      "nigdy ...4 kupię|kupie|zamówię|zamowie|polecę|kupować|zamawiać",
      "nikdy ...4 nekúp*|neobjedn*|nenakúp*|neodporuč*",
      "nikoli|nikdar več ...4 naroč*|kupi*|kupil*|kupoval*|priporoč*",
      // a threat to report the shop to an authority, or to warn others in reviews (seventh round)
      "reporting|reported|reportin you|u|ya",
      "report*|complain*|contact*|go|going|take|taking|write|writing|escalat* ...4 trading-standards|"
          + "consumer-protection|"
          + "ombudsman|watchdog|regulator|authorities|police|better-business-bureau",
      "write|writing|post|posting|leave|leaving|put|putting ...4 review|reviews ...4 everywhere|all-over|online",
      "warn|warning ..1 everyone|everybody|others|other|people|friends ..2 about|against|customers|you",
      "nahlásím|nahlásíme|ohlásím|oznámím|udám|nahlasim|nahlasime ...4 inspekc*|čoi|úřad*|polici*|spotřebitel*|dtest*",
      "obrátím|obrátíme|obratim|obrátil*|půjdu|pujdu ...4 inspekc*|čoi|dtest*|spotřebitel*|ombudsman*|médi*|polici*",
      "napíšu|napisu|napíšeme|napiseme|dám|dáme|hodím ...4 recenz*|hodnocen* ...4 všude|vsude|všem|internet*|"
          + "heurek*|heurec*|"
          + "googl*|facebook*",
      "napíšu|napisu|napíšeme|napiseme ..2 o vás|vas ...4 všude|vsude|všem|recenz*|internet*|heurek*",
      "varuju|varuji|varovat|upozorním|upozorníme|varujem|upozorním ...2 ostatní|ostatních|všechny|lidi|známé|"
          + "ostatných|"
          + "všetkých|ľudí|známych",
      "zgłaszam|zgłoszę|zgłosimy|zgłaszamy|zawiadomię|zawiadamiam|doniosę|złożę ...4 rzecznik*|uokik|inspekcj*|urzęd*|"
          + "policj*|prokuratur*|federacj*",
      "napiszę|napisze|wystawię|wystawie|opiszę|opisze|dam ...4 opini*|recenzj*|ocen* ...4 wszędzie|wszedzie|"
          + "wszystkim|internecie|google*|facebook*|ceneo*|forach",
      "opiszę|opisze|napiszę|napisze ..2 o was ...4 wszędzie|wszedzie|wszystkim|internecie|forach|recenzj*|opini*",
      "opiszę|opisze was ...4 wszędzie|wszedzie|wszystkim|internecie|forach",
      "ostrzegę|ostrzege|ostrzegam|przestrzegę ..2 innych|wszystkich|znajomych|ludzi|klientów",
      "nahlásim|nahlasim|oznámim|udám ...4 inšpekci*|soi|úrad*|políci*|spotrebiteľ*",
      "obrátim|obratim|obrátime|obrátil*|pôjdem ...4 inšpekci*|soi|spotrebiteľ*|ombudsman*|médi*|políci*",
      "napíšem|napisem|napíšeme|dám ...4 recenzi*|hodnoteni* ...4 všade|vsade|všetkým|internet*|googl*|facebook*",
      "napíšem|napisem|napíšeme ..2 o vás|vas ...4 všade|vsade|všetkým|recenzi*|internet*",
      "obrnem|obrnemo|obrnil*|obrnila ...4 inšpektorat*|inšpekcij*|potrošnik*|zps|varuh*|polici*|medij*",
      "prijavim|prijavimo|prijavil* ...4 inšpektorat*|inšpekcij*|polici*|varuh*|potrošnik*", "prijavim|prijavimo vas",
      "napišem|napisem|napisal*|napišemo|objavim ...4 mnenj*|ocen*|recenzij* ...4 povsod|vsem|internet*|googl*|"
          + "facebook*|forum*",
      "posvarim|posvaril*|opozorim|opozoril* ..2 druge|vse|ostale|znance|ljudi|stranke",
      // the last purchase, said as a noun or as the last time (seventh round)
      "was|ll-be|will-be|s-been|be the|my|our last|final time !when|what|which|whens",
      "was|ll-be|will-be|s-been|be the|my|our last|final purchase|order ..1 ever|here|from|with|at !when|what|"
          + "which|whens",
      "byl|byla|bylo|byly|bude|budou ..2 poslední|posledni nákup*|nakup*|objednávk*|objednavk* !kdy|kdo|co|jaká|jaký|"
          + "která|který|kde|kolik",
      "był|była|było|były|będzie|będą ..2 ostatni*|ostatnie zakup*|zamówieni*|zamowieni* !kiedy|kto|co|jakie|jaki|"
          + "które|który|gdzie|ile",
      "bol|bola|bolo|boli|bude|budú ..2 posledn* nákup*|nakup*|objednávk*|objednavk* !kedy|kto|čo|ktor*|kde|aký|aká|"
          + "koľko",
      "bil|bila|bilo|bo|bodo ..2 zadnj* nakup*|naročil*|narocil* !kdaj|kdo|kaj|kater*|kje|koliko");

  private static final RuleSet INSULT_RULES = rules(INSULTS);

  /** Durations that make a wait long: weeks and months, in every case. */
  static final String LONG = "week|weeks|month|months|ages|forever|týden|týdne|týdny|týdnů|týdnem|týdnech|týdnům|"
      + "měsíc*|tydzień|tygodni*|tygodnie|miesiąc*|miesięcy|miesiące|týždeň|týždne|týždňov|týždňa|týždňoch|týždňami|"
      + "mesiac*|teden|tedna|tedne|tednov|tednih|tedni|mesec*";

  static final String UNANSWERED = "cares|care|answers|answer|answered|responds|respond|responded|replies|"
      + "reply|replied|calls|called|helps|helped|tell|knows|know|gets|got|getting|picked|picks|pick|answering|"
      + "replying|responding|wrote|writes|emailed|bothered|bothers|rang";

  /**
   * Strongly negative tone without swearing or capitals, each enough on its own: being fed up, out of patience,
   * declared anger, "the worst" (not "the worst case"), writing for the third time, threats to leave, outrage
   * ("this is a mockery"), thanks for wasting one's time.
   */
  private static final RuleSet STRONG_RULES = rules(
      // fed up, out of patience
      "had enough !time|money|room|space|info*|data|sleep|food|of it", "enough is enough", "sick of", "sick and tired",
      "fed up", "done with you|u|this|your", "lost|losing|lose my|all|the|our patience", "out of patience", "patience is|has run*|wearing",
      "mám|mam|mame|máme toho ..1 dost|plné-zuby|plné-kecky", "toho mám|mam dost",
      "mám|mam už dost !času|peněz|místa|" + AngerComplaints.ENOUGH_OF,
      "plné zuby|kecky",
      "^stačilo", "došla|dochází|přetekla mi ...3 trpělivost", "trpělivost mi ...3 došla|dochází",
      "vaš*|vás|toho|tohohle|těch ...3 mám|mam|máme ..2 dost !času|peněz|místa|informací",
      "mam ..2 dość|dosyć !czasu|miejsca|pieniędzy|środków|informacji|towaru|czy|punkt*|danych|pamięci|limit*|"
          + AngerComplaints.RATHER,
      "kończy|skończyła|brak|tracę|straciłem|straciłam mi ...3 się ..1 cierpliwoś*",
      "cierpliwoś* ..2 kończy|skończyła|się kończy", "cierpliwoś* ...6 skończyła|wyczerpała|kończy|wyczerpuje",
      "trpělivost ...6 došla|dochází|přetekla", "trpezlivosť ...6 došla|dochádza|pretiekla",
      "potrpljenj* ...6 pošlo|zmanjkalo|zmanjkuje|izteklo|izteka", "patience ...4 run|ran|runs|gone|exhausted|over",
      // nerves and blood
      "blood boil*", "nerves are|re ..1 shot|frayed|fraying|gone",
      "dochází|docházejí|došly ...3 nervy", "nervy ...3 dochází|docházejí|došly", "pije|pijete|pijí ..2 krev",
      "puszczają|puściły|siadają|wysiadają ...3 nerwy", "nerwy ...3 puszczają|puściły|siadają|wysiadają",
      "krew mnie zalewa|zalała",
      "dochádzajú|dochádza|došli ...3 nervy", "nervy ...3 dochádzajú|dochádza|došli", "pije|pijú|pijete ..2 krv",
      "živci ...3 popuščajo|popustili|odpovedujejo", "popuščajo|popustili ...3 živci", "pije|pijete|pijejo ..2 kri",
      "kri mi vre",
      "mám|mam toho ..1 dosť|plné-zuby", "toho mám|mam dosť", "dochádza|došla mi ...3 trpezlivosť",
      "vaš*|vás|toho|tých ...3 mám|mam|máme ..2 dosť !času|peňazí|miesta|informácií",
      "dovolj mi je !časa|denarja|prostora", "vsega imam dovolj", "mi je dovolj", "dovolj je bilo",
      "zmanjkuje|zmanjkalo mi ...3 potrpljenja",
      "vaš*|vas|tega|teh ...3 imam|imamo ..2 dovolj !časa|denarja|prostora|informacij*",
      // idioms of being fed up, patience lost, "enough of this" opening the message
      "had it with", "had it up to here", "up to here with", "end of my tether|rope", "get|gets|getting on my nerves", "fed up to the back teeth",
      "^enough of this|that", "losing|lost my temper",
      "mám|mam|máme|mame ...4 po krk", "až po krk", "leze|lezou|lezete ..3 na nervy", "jde|jdou|jdete mi ..2 na nervy", "mi ..2 jde|jdou|jdete na nervy",
      "ztrácím|ztracim|ztratil*|ztrácíme ...3 trpělivost", "^dost už|toho|bylo", "^už dost !dlouho|dlho|času|casu",
      "mam|mamy ...4 powyżej-uszu|dziurki-w-nosie", "działa|działają|działacie ..3 na nerwy",
      "grają|gra|gracie ..3 na nerwach", "tracę|tracimy|straciłem|straciłam|straciłem ..2 cierpliwoś*",
      "^dość|dosyć|dosc|dosyc tego|już",
      "mám|mam|máme ...4 po krk", "lezie|liezú|liezete ..3 na nervy", "ide|idú|idete mi ..2 na nervy", "mi ..2 ide|idú|idete na nervy",
      "strácam|stracam|stratil*|strácame ...3 trpezlivos*", "^dosť už|toho|bolo", "^tak a dosť", "^už dosť !dlho|dlouho|času|casu",
      "imam|imamo ...4 čez-glavo|vrh-glave|poln-kufer|polno-kapo !dela|delom|posla|obveznosti|službe", "poln kufer", "gre|greste|gredo ..3 na živce",
      "izgubljam|izgubil*|izgubljamo ...3 potrpljenje", "^dovolj tega",
      "imam|imamo res|že|zdaj|čisto|popolnoma dovolj !časa|denarja|prostora|informacij*|točk*|kosov",
      "že|res|zdaj ..1 imam|imamo ..1 dovolj !časa|denarja|prostora|informacij*|točk*|kosov", "konec mojega potrpljenja",
      // declared anger
      "am|m|are|re|we ..2 angry|furious|livid|outraged|fuming|enraged !not|t",
      "jsem|jsme ..3 naštvan*|rozzloben*|rozzuřen*|vzteký|vzteklý|vzteklá|rozčílen*|nasran*|pobouřen*",
      "štve|štvete|stve|sere|vytáčí|rozčiluje mě|me|mne", "mě|me|mne ..3 štve|štvete|stve|vytáčí|rozčiluje",
      "k vzteku", "k zbláznění|zbláznení|vzteku",
      "jestem|jesteśmy ..3 zły|zła|źli|wściekł*|wkurzon*|oburzon*|zirytowan*",
      "szlag mnie trafia|trafi", "doprowadza|doprowadzacie mnie do szału|szewskiej|białej", "wkurza|wkurzacie mnie",
      "som|sme ..3 nahnevan*|naštvan*|rozzúren*|rozčúlen*|pobúren*",
      "štve|stve|hnevá|vytáča ma|mňa", "ma ..3 štve|stve|hnevá|vytáča", "na zbláznenie|zošalenie",
      "sem ..3 jezen|jezna|jezni|besen|besna|razburjen*|ogorčen*", "me ..2 jezi|razjezi|jezite", "za znoret|znorit",
      // the worst
      "worst !case|cases|scenario|part|happen|happens|wrong|which|what|battery|batteries|over",
      "nejhorší* !možn*|případ*|scénář*|stát|stane|pokazit|pokazí|který|která|které|jaký|jaká|jaké|námi|sebou|"
          + "baterie|baterii|výdrž*",
      "najgorsz* !możliw*|przypad*|wypad*|scenariusz*|razie|stać|stanie|popsuć|zepsuć|wydarzyć|który|która|które|jaki|jaka|"
          + "nami|bateri*",
      "najhorš* !možn*|prípad*|scenár*|stať|stane|pokaziť|pokazí|ktorý|ktorá|ktoré|aký|aká|sebou|batéri*|výdrž*",
      "najslabš*|najhujš* !primer*|možn*|scenarij*|zgodi|zgoditi|narobe|kateri|katera|katero|nami|baterij*",
      // repeated contact
      "third|fourth|fifth|sixth|tenth|3rd|4th|5th|umpteenth|nth time|times ...4 writ*|contact*|call*|ask*|email*|"
          + "chas*|explain*|complain*|messag*|reach*|tell*|told|request*",
      "written|wrote|sent|emailed|called|phoned|asked ..2 three|four|five|six|several|multiple|countless|many|"
          + "numerous|3|4|5|6 ..1 emails|times|messages|letters|requests !photo*|pictures|attach*|arrive*",
      "third|fourth|fifth|sixth|tenth|umpteenth|3rd|4th|5th email|emails|e-mail|message|letter|call|ticket"
          + "|complaint|request",
      "třetí|čtvrtý|pátý|šestý|desátý|třetí|čtvrtou|pátou e-mail|mail|zprávu|zpráva|urgenci|urgence",
      "trzeci|czwarty|piąty|szósty|dziesiąty|trzecią|czwartą|piątą e-mail|mail|maila|wiadomość|zgłoszenie",
      "tretí|štvrtý|piaty|šiesty|desiaty|tretiu|štvrtú|piatu e-mail|mail|správu|správa|urgenciu",
      "tretji|četrti|peti|šesti|deseti e-mail|mail|sporočilo|sporočila",
      "repeat*|explain*|describ*|spell* ...4 three|four|five|six|ten|several|multiple|many|countless|3|4|5|6 times",
      "over-and-over|again-and-again ...4 repeat*|explain*|describ*|writ*",
      "třikrát|čtyřikrát|pětkrát|šestkrát|několikrát|mnohokrát|pořád|porad|stále|neustále ...4 vysvětl*|opakovat|"
          + "opakoval*|popisovat|popisoval*|vypisovat",
      "vysvětl*|opakov*|popisov* ...3 třikrát|čtyřikrát|pětkrát|šestkrát|několikrát|mnohokrát|znovu-a-znovu",
      "dwa|trzy|cztery|pięć|sześć|kilka|kilkanaście|wiele|parę|dziesięć ..1 razy ...4 tłumaczyć|tłumaczyłem|"
          + "tłumaczyłam|tłumaczę|powtarzać|powtarzałem|powtarzałam|powtarzam|wyjaśniać|wyjaśniałem|wyjaśniałam|opisywać",
      "tłumaczyć|tłumaczyłem|tłumaczyłam|tłumaczę|powtarzać|powtarzałem|powtarzałam|powtarzam|wyjaśniać|wyjaśniałem|"
          + "wyjaśniałam ...4 dwa|trzy|cztery|pięć|sześć|kilka|kilkanaście|wiele|parę|dziesięć ..1 razy",
      "trikrát|štyrikrát|päťkrát|šesťkrát|niekoľkokrát|viackrát|mnohokrát|stále|neustále ...4 vysvetľ*|vysvetlov*|"
          + "opakovať|opakoval*|popisovať|popisoval*",
      "vysvetľ*|vysvetlov*|opakov*|popisov* ...3 trikrát|štyrikrát|päťkrát|šesťkrát|niekoľkokrát|viackrát|mnohokrát",
      "trikrat|štirikrat|petkrat|šestkrat|večkrat|nekajkrat|velikokrat|vedno-znova ...4 razlag*|razloži*|ponavlja*|"
          + "ponovi*|pojasnj*|pojasni*|opisova*",
      "razlag*|razloži*|ponavlja*|pojasnj*|opisova* ...3 trikrat|štirikrat|petkrat|šestkrat|večkrat|nekajkrat|"
          + "velikokrat",
      "how many ..2 times ...6 explain*|ask*|call*|writ*|contact*|tell|repeat*|email*|wait*|chase",
      "potřetí|počtvrté|popáté|pošesté|podesáté|poněkolikáté|opakovaně ...4 píšu|píši|volám|urguji|žádám|kontaktuji|"
          + "ptám|vysvětluj*|reklamuji",
      "píšu|píši|volám|urguji|žádám|kontaktuji|ptám ...3 potřetí|počtvrté|popáté|pošesté|podesáté|poněkolikáté",
      "píšu|pisu|píši|volám|urguji|žádám|kontaktuji|ptám|reklamuji ...4 po-třetí|po-čtvrté|po-páté|po-šesté|po-desáté",
      "po-třetí|po-čtvrté|po-páté|po-šesté|po-desáté ...3 píšu|pisu|píši|volám|urguji|žádám|kontaktuji|ptám|reklamuji",
      "kolikrát ...6 vysvětl*|psát|napsat|volat|zavolat|opakovat|žádat|urgovat|čekat|ptát",
      "trzeci|czwarty|piąty|szósty|kolejny|dziesiąty|enty ..1 raz ...4 piszę|dzwonię|pytam|proszę|kontaktuję|"
          + "zgłaszam|tłumaczę|piszemy|reklamuję",
      "piszę|dzwonię|pytam|proszę|kontaktuję|zgłaszam ...3 trzeci|czwarty|piąty|szósty|kolejny|dziesiąty ..1 raz",
      "piszę|dzwonię|pytam|proszę|kontaktuję|zgłaszam|reklamuję|piszemy ...6 po raz trzeci|czwarty|piąty|szósty|"
          + "kolejny|dziesiąty|enty",
      "po raz trzeci|czwarty|piąty|szósty|kolejny|dziesiąty|enty ...3 piszę|dzwonię|pytam|proszę|kontaktuję|zgłaszam|"
          + "reklamuję|piszemy",
      "ile ..1 razy ...6 tłumaczyć|pisać|napisać|dzwonić|prosić|powtarzać|czekać|wyjaśniać|pytać",
      "tretíkrát|štvrtýkrát|piatykrát|šiestykrát|desiatykrát|opakovane ...4 píšem|volám|urgujem|žiadam|kontaktujem|"
          + "pýtam|vysvetľuj*|reklamujem",
      "píšem|volám|urgujem|žiadam|kontaktujem|pýtam ...3 tretíkrát|štvrtýkrát|piatykrát|šiestykrát|desiatykrát",
      "píšem|volám|urgujem|žiadam|kontaktujem|pýtam|reklamujem ...4 po-tretí|po-štvrtý|po-piaty|po-šiesty|po-desiaty|"
          + "tretí|štvrtý|piaty|šiesty|desiaty ..1 raz|krát",
      "koľkokrát ...6 vysvetľ*|písať|napísať|volať|zavolať|opakovať|žiadať|urgovať|čakať|pýtať",
      "tretjič|četrtič|petič|šestič|desetič|ponovno ...4 pišem|kličem|sprašujem|prosim|kontaktiram|razlagam|"
          + "reklamiram",
      "pišem|kličem|sprašujem|prosim|kontaktiram ...3 tretjič|četrtič|petič|šestič|desetič",
      "pišem|kličem|sprašujem|kontaktiram|reklamiram ...4 tretji|četrti|peti|šesti|deseti krat",
      "kolikokrat ...6 razložiti|razlagati|pisati|napisati|klicati|poklicati|ponavljati|prositi|čakati|vprašati",
      // a long time without a single answer
      LONG + " ...4 not|without ..2 single|one ..1 update|updates|reply|answer|word|email|call|message|response",
      LONG + " ...4 ani jeden|jedna|jedno|jediný|jediná|jedinou e-mail|mail|zprávu|zpráva|odpověď|telefonát|reakce|"
          + "informace|slovo",
      LONG + " ...4 ani jednej|jednego|jeden|jedna wiadomości|maila|e-maila|odpowiedzi|telefonu|informacji|słowa",
      LONG + " ...4 ani jeden|jedna|jedno|jediný|jediná|jedinú e-mail|mail|správu|správa|odpoveď|telefonát|reakcia|"
          + "informácia|slovo",
      LONG + " ...4 niti en|ena|eno|enega|ene sporočila|sporočilo|e-maila|maila|odgovora|odgovor|klica|besede",
      LONG + " ...4 nobenega|nobene sporočila|odgovora|klica|e-maila|novice|informacije",
      // never treated this badly
      "never ...4 treated|served|spoken ..2 this|so|that badly|poorly|rudely", "never ...4 treated like this|that",
      "nikdy ...6 tak|takhle|takto ..1 špatně|hrozně|otřesně|příšerně|strašně|zle|hrozne|otrasne|strašne",
      "nigdy ...6 tak ..1 źle|fatalnie|okropnie|beznadziejnie|strasznie", "nikoli|nikdar ...6 tako ..1 slabo|grdo|grozno",
      // thanks, because of you
      "thank|thanks ...5 keeping|kept|leaving|left me|us on hold",
      "díky|děkuji|děkuju ...1 že ...6 kvůli vám", "dziękuję|dzięki ...1 że ...6 przez was",
      "ďakujem|vďaka ...1 že ...6 kvôli vám", "hvala ...1 ker|da ...6 zaradi vas",
      // buying elsewhere
      "ll|will|m|am|gonna|now ..2 buy|buying|order|ordering|shop|shopping ...3 someone|somewhere|anywhere else", "objednávám|objednám|nakoupím|koupím|"
          + "nakupuji ...3 jinde|jinam", "kupię|zamówię|kupuję|zamawiam ...3 gdzie|gdzieś indziej",
      "objednávam|objednám|nakúpim|kúpim|nakupujem ...3 inde|inam", "naročam|naročim|kupim|kupujem ...3 drugje|drugod|drugam",
      // threats to leave
      "go|going|went elsewhere", "business|money|custom ...3 elsewhere|competitor*|competition",
      "switch*|mov*|go|going ..2 competitor*|competition",
      "last time ..3 shop*|order*|buy*|use|using|purchas*",
      "jdu|jdeme|přecházím|odcházím|půjdu|přejdu ...3 konkurenc*|jinam|jinde", "naposledy ...3 nakupuj*|objednáv*|"
          + "nakoupil*|objednal*|nakupuji",
      "przechodzę|odchodzę|przejdę|idę|idziemy ...3 konkurencj*", "przechodzę|odchodzę|przejdę|idę|idziemy ...3 gdzie indziej", "ostatni raz ...3 kupuj*|zamawiam|"
          + "kupiłem|kupiłam|zamówiłem|zamówiłam",
      "idem|ideme|prechádzam|odchádzam|pôjdem|prejdem ...3 konkurenci*|inam|inde", "naposledy ...3 nakupuj*|"
          + "objednáv*|nakúpil*|objednal*",
      "grem|gremo|prehajam|odhajam ...3 konkurenc*|drugam|drugje",
      "switching|moving|taking my|our business|money|custom ...3 another|other|different shop|store|seller|company",
      "ll|will|gonna ..2 buy|shop|order ...3 another|other|different shop|store|seller|retailer",
      "jdu|jdeme|přecházím|odcházím|půjdu|přejdu ...3 jiného|jinému|jiný|jiné obchod*|prodejc*|e-shop*|firm*",
      "przechodzę|odchodzę|przejdę|idę|idziemy ...3 innego|innej|inny sklep*|sprzedawc*|firm*",
      "idem|ideme|prechádzam|odchádzam|pôjdem|prejdem ...3 iného|inému|iný|iné obchod*|predajc*|e-shop*|firm*",
      "grem|gremo|prehajam|odhajam ...3 drugo|drugi|drugega trgovin*|ponudnik*|podjetj*",
      "bom šel|šla ...3 konkurenc*|drugam|drugje", "zadnjič ...3 naroč*|kupuj*|kupil*",
      // outrage, predicated
      "is|this|that ..2 disgrace|mockery|farce|scandal|joke !what|if|funny|tell|hear",
      "it|that|what s ..2 disgrace|mockery|farce|scandal|joke !what|if|funny|tell|hear",
      "je|to|tohle|toto ..2 výsměch*|ostud*|skandál*|vrchol*|fraška|hanba|hanbou",
      "to|jest|są ..2 kpin*|kompromitacj*|skandal*|żenad*|cyrk|szczyt*|farsa", "szczyt wszystkiego",
      "je|to|toto|tohle ..2 výsmech*|hanb*|škandál*|vrchol*|fraška",
      "je|to ..2 posmeh*|sramot*|škandal*|višek|farsa",
      "completely|absolutely|totally|utterly|simply|truly unacceptable|outrageous|disgraceful|ridiculous|appalling",
      "naprosto|úplně|absolutně|totálně|zcela nepřijateln*|nehorázn*|ostudn*|skandáln*|směšn*",
      "całkowicie|absolutnie|kompletnie|zupełnie|totalnie niedopuszczaln*|skandaliczn*|żenując*",
      "całkowicie|absolutnie|kompletnie|zupełnie|totalnie nie do przyjęcia",
      "úplne|absolútne|totálne|celkom|naprosto neprijateľn*|nehoráz*|škandaln*|hanebn*",
      "popolnoma|absolutno|povsem|čisto|totalno nesprejemljiv*|nezaslišan*|sramotn*|škandalozn*",
      // sarcastic politeness: thanks for a wasted or ruined day
      "thank|thanks|appreciate ...5 wasting|ignoring|wasted|ruining|ruined|killing|spoiling",
      "díky|děkuji|děkuju ...4 zbytečně|ztrácet|ignorovat",
      "díky|děkuji|děkuju|děkujeme ...1 že ...5 zabili|zabil*|zkazil*|promarnil*|zničil*|ukradl*|připravil*|"
          + "vyplýtval*|ztratil*",
      "dziękuję|dzięki|dziekuje|dzieki ...1 że ...5 zmarnowali*|zmarnował*|zepsuli*|zepsuł*|zabrali*|ukradli*|"
          + "zgubili*",
      "ďakujem|vďaka ...1 že ...5 zabili|zabil*|pokazil*|premrhal*|zničil*|ukradli|ukradol|stratil*|pripravil*",
      "hvala ...1 ker|da ...5 zapravil*|uničil*|pokvaril*|ukradl*|vzel*|izgubil*");

  private static final RuleSet NEGATIVE_RULES = rules(AIMABLE,
      "terrible|horrible|awful|ridiculous|unacceptable|disgusting|worst|scam*|fraud*|furious|angry|livid",
      "outrageous|disgrace*|shameful|rubbish|nightmare|appalling|atrocious|abysmal|dreadful|shocking|infuriating",
      "sucks|garbage|lousy|unprofessional|ripoff|robbery|hate|hated|hates",
      "is|s|absolutely|simply|truly|just unbelievable", "shut up", "fed up", "sick of", "sick and tired", "had enough",
      "rip|ripped off", "waste of time|money", "is|what|such|complete|total ..1 joke", "never ...4 again",
      "leave|give|write|post ..3 bad|negative ..1 review*|rating*", "one|1|zero|0 star ..1 review*|rating*",
      "hrozn*|příšern*|strašný|strašné|strašná|strašní|ostud*|nehorázn*|podvod*|naštvan*|nesnáším",
      "nejhorší*|otřesn*|skandál*|skandáln*|výsměch*|katastrof*|tragédi*|tragick*|neprofesionáln*|zoufal*",
      "k ničemu", "mám toho dost", "je to na nic", "už nikdy", "nepřijateln*|neuvěřiteln*|neskutečn*", "špatn*|negativní recenz*|hodnocení",
      "okropn*|straszn*|beznadziejn*|skandal*|żenując*|żałosn*|niedopuszczaln*|wkurz*|najgorsz*|porażk*",
      "koszmar*|tragedi*|tragiczn*|kpin*|nieprofesjonaln*|wściek*|złodziejstw*|niekompetentn*|nienawidzę",
      "do niczego", "niewiarygodn*", "nie do pomyślenia|przyjęcia",
      "mam dość !czy|punkt*|danych|pamięci|limit*|środków|" + AngerComplaints.RATHER,
      "mam tego dość", "jest dno|dnem", "nigdy więcej", "negatywn* opini*|recenzj*|ocen*",
      "príšern*|otrasn*|hanb*|najhorš*|strašný|strašné|strašná|škandál*|výsmech*|nahnevan*|neznášam",
      "mám toho dosť", "k ničomu", "na nič", "už nikdy", "neprijateľn*|neuveriteľn*|neskutočn*|nehoráz*", "negatívn* recenzi*|hodnoteni*",
      "grozn*|obupn*|nesprejemljiv*|sramot*|prevar*|jezen|jezna|jezni|najslabš*|škandal*|neprofesional*|zanič",
      "sovražim", "neverjetn*|nezaslišan*",
      "je|to|jest ..1 neslýchan*|niesłychan*",
      "is|s|this|that|it ..2 theft|stealing|robbery", "je|to|tohle|toto ..2 krádež*|zlodějna|zlodejna|zlodějin*",
      "to|jest ..2 kradzież*|kradziez*", "je|to|toto ..2 krádež*|zlodejstvo|zlodejina",
      "je ..2 kraja|krajo|tatvina|tatvino|oderuštvo|rop",
      "dovolj mi je", "za nič", "nikoli|nikdar več", "slab* oceno|ocene|mnenje");

  private static final RuleSet SWEARING_RULES = rules(SWEARING, "do prdele|riti|piče", "k vragu");

  private static final RuleSet MILD_RULES = rules(
      "disappointed|disappointing|unhappy|dissatisfied|frustrat*|annoyed|annoying|upset|unhelpful",
      "not ..1 helpful|happy|satisfied", "no help",
      "zklaman*|nespokojen*|rozčil*|otráven*|nepomohl*|nepomáh*",
      "rozczarowan*|niezadowolon*|zawiedzion*|zirytowan*|zdenerwowan*",
      "sklaman*|nespokojn*|rozčúlen*",
      "razočaran*|nezadovolj*|razburjen*", "nisi|ni pomagal*");

  /** Joy and thanks: with these and no negative word, capitals and exclamation marks are enthusiasm. */
  private static final RuleSet POSITIVE_RULES = rules(
      "thank|thanks|thx|love|loved|loving|happy|glad|congrat*|yay|proud|appreciate*|awesome|amazing|best|excited",
      "děkuji|děkuju|díky|miluj*|šťastn*|skvěl*|úžasn*|paráda",
      "dziękuję|dziekuje|dzięki|kocham|szczęśliw*|świetn*|wspaniał*",
      "ďakujem|vďaka|ľúbim|šťastn*|skvel*|úžasn*",
      "hvala|ljubim|srečn*|odlič*|čudovit*");

  /** The anger score of the text in [0, 1]; 0 for blank text. */
  public double score(String text) {
    double score = 0;
    int positive = 0;
    for (var sentence : Sentence.split(text)) {
      var used = new boolean[sentence.words().size()];
      count(AngerComplaints.WORST_CASE, sentence, used, false); // "worst case" is no verdict: its words are spent
      if (sentence.question()) {
        count(AngerComplaints.WORST_TIME, sentence, used, false); // nor is "the worst time to travel?"
      }
      score += AIMED * count(AIMED_RULES, sentence, used, false)
          + STRONG * count(STRONG_RULES, sentence, used, true)
          + STRONG * count(AngerFamilies.STRONG, sentence, used, true)
          + STRONG * count(AngerComplaints.STRONG, sentence, used, true)
          + STRONG * count(AngerRebukes.STRONG, sentence, used, false) + (AngerRebukes.wholeVerdict(sentence) ? STRONG : 0)
          + STRONG * AngerDemands.count(sentence, (rules, negatable) -> count(rules, sentence, used, negatable))
          + (sentence.question() ? 0 : STRONG * count(AngerRebukes.STATEMENTS, sentence, used, true))
          + (AngerComplaints.PRAISED.matches(sentence).isEmpty()
              ? STRONG * (count(AngerComplaints.VERDICTS, sentence, used, true)
                  + count(AngerRebukes.TOLD, sentence, used, true)) : 0)
          + (sentence.question() ? 0 : STRONG * (count(AngerFamilies.STATEMENTS, sentence, used, true)
              + count(AngerComplaints.STATEMENTS, sentence, used, true)))
          + INSULT * count(INSULT_RULES, sentence, used, false)
          + NEGATIVE * count(NEGATIVE_RULES, sentence, used, true)
          + NEGATIVE * count(AngerFamilies.NEGATIVE, sentence, used, true)
          + NEGATIVE * count(AngerComplaints.NEGATIVE, sentence, used, true)
          + PROFANE * count(SWEARING_RULES, sentence, used, false)
          + MILD * count(MILD_RULES, sentence, used, true)
          + NEGATIVE * count(AngerWaiting.RULES, sentence, used, false);
      positive += count(POSITIVE_RULES, sentence, used, true);
    }
    if (positive > 0 && score == 0) {
      return 0;
    }
    if (RUN_OF_EXCLAMATIONS.matcher(text).find()) {
      score += EXCLAMATIONS;
    }
    int words = 0;
    int capitals = 0;
    boolean shouted = false;
    for (var m = WORD.matcher(text); m.find(); ) {
      var word = m.group();
      words++;
      if (word.equals(word.toUpperCase(Locale.ROOT)) && !CODES.contains(word)) {
        capitals++;
        shouted |= word.length() >= 4;
      }
    }
    if (words >= 3 && capitals * 2 >= words) {
      score += ALL_CAPS;
    } else if (shouted) {
      score += SHOUTING;
    }
    return Math.min(1, score);
  }

  /**
   * Whether the text holds a calm verdict: "worst case", or in a short message a middling star rating or "OK, but …";
   * on such a text a learned class alone should not call it anger (docs/quality.md, "Twentieth round").
   */
  public boolean calmVerdict(String text) {
    var sentences = Sentence.split(text);
    boolean isShort = sentences.stream().mapToInt(s -> s.words().size()).sum() <= AngerComplaints.SHORT;
    return sentences.stream().anyMatch(s -> !AngerComplaints.WORST_CASE.matches(s).isEmpty()
        || isShort && !AngerComplaints.MIXED.matches(s).isEmpty());
  }

  /** True when the score is at or above {@link #THRESHOLD}. */
  public boolean isAngry(double score) {
    return score >= THRESHOLD;
  }

  /**
   * A word for the tone at this score, for the agent: {@code angry} from {@value #THRESHOLD}, {@code frustrated}
   * from {@value #FRUSTRATED}, else {@code neutral}.
   */
  public static String tone(double score) {
    return score >= THRESHOLD ? "angry" : score >= FRUSTRATED ? "frustrated" : "neutral";
  }

  /** Counts the matches of the rules on words not used yet, marking their words used. */
  private static int count(RuleSet rules, Sentence sentence, boolean[] used, boolean negatable) {
    int n = 0;
    for (var match : rules.matches(sentence)) {
      if (free(used, match) && !(negatable && sentence.negated(match[1]))) {
        for (int i = match[1]; i < match[2]; i++) {
          used[i] = true;
        }
        n++;
      }
    }
    return n;
  }

  private static boolean free(boolean[] used, int[] match) {
    for (int i = match[1]; i < match[2]; i++) {
      if (used[i]) {
        return false;
      }
    }
    return true;
  }

  private static RuleSet rules(String... entries) {
    return RuleSet.of(false, entries);
  }
}
