package io.deskbridge.core.escalation;

/**
 * The twentieth round's families of strongly negative tone (docs/quality.md, "Twentieth round"), in English, Czech,
 * Polish, Slovak and Slovene ({@link PhraseRule} syntax; accents never matter), scored by {@link AngerSignal}:
 * declared disgust, "I won't put up with this", "I won't be treated like this", an ultimatum with a deadline, canned
 * replies sent over and over, "unbelievable" as a verdict, no apology, the same no-show again, a double charge, the
 * company's silence, nobody able to answer, "how much longer must I wait", a month without the service. And the
 * calm verdicts ({@link #CALM}) on which the learned anger class alone decides nothing: "worst case", a middling star
 * rating, "OK, but …". The twenty-fourth round's words that are no anger: "in the worst (case)" without the noun, "the
 * worst time to …?" asked ({@link #WORST_TIME}), enough points or miles ({@link #ENOUGH_OF}), Polish "dość" as
 * "rather" ({@link #RATHER}).
 */
final class AngerComplaints {

  /** Praise beside a verdict word makes it enthusiasm ("unbelievable how fast"), not anger. */
  private static final String PRAISE = "fast|quick|quickly|good|great|nice|lovely|thanks|thank|helpful|rychl*|"
      + "rychle|rýchl*|szybk*|hitr*|hitro|dobře|dobrze|skvěl*|skvel*|świetn*|odlič*|super|díky|děkuj*|dziękuj*|dzięki|"
      + "ďakuj*|vďaka|hvala|ochotn*|prijazn*|milo|miło|krásn*|pěkn*|pekn*|lep*";

  /** "The worst case", "the worst that could happen": no verdict. */
  private static final String NOT_WORST_CASE = " !case|cases|scenario|happen|happens|could|can";

  /** Days of the week, tomorrow and the end of the week, after "by / do" in an ultimatum. */
  private static final String DEADLINE = "by|until|till|before|do ..1 tomorrow|monday|tuesday|wednesday|"
      + "thursday|friday|saturday|sunday|tonight|noon|end|zítra|zitra|pondělí|úterý|středy|čtvrtka|pátku|soboty|"
      + "neděle|konce|večera|jutra|poniedziałku|wtorku|środy|czwartku|piątku|soboty|niedzieli|końca|wieczora|"
      + "zajtra|pondelka|utorka|stredy|štvrtka|piatku|nedele|konca|jutri|ponedeljka|torka|srede|četrtka|petka|"
      + "sobote|nedelje|konca|týdne|tygodnia|týždňa|tedna";

  /** What is threatened after the deadline: ending the contract, leaving for another provider, going to court. */
  private static final String LEAVING = "switching|terminating|terminate|suing|vypovídám|vypovím|vypovídáme|"
      + "odcházím|přecházím|wypowiadam|wypowiem|rezygnuję|zrezygnuję|odchodzę|przechodzę|vypovedám|vypoviem|"
      + "odchádzam|prechádzam|prekinem|prekinjam|odpovem|odpovedujem|prehajam";

  /** Switching to another provider ("I'm switching providers", "měním operátora"). */
  private static final String SWITCH = "switch|switching|change|changing|měním|zmieniam|mením|zamenjam|menjam ..2 "
      + "provider*|operator*|operátor*|bank*|supplier*|network|dodavatel*|dostawc*|poskytovatel*|ponudnik*|operater*";

  /** Words that make an ultimatum a polite question or wish. */
  private static final String NOT_ASKED = " !please|like|would|could|can|prosím|prosim|proszę|chtěl*|chciał*|"
      + "chcel*|bych|bym|mohu|můžu|mogę|môžem|lahko|smím|moram|musím|muszę";

  /** Each enough on its own (weight {@link AngerSignal#STRONG}). */
  static final RuleSet STRONG = RuleSet.of(false,
      // I won't put up with this
      "t|not ..2 put ..1 up ..1 with ..1 this|it|that|being|your|such",
      "t|not ..2 tolerate|stand-for ..1 this|that|such|your|being",
      "nenechám|nenecháme ...3 líbit", "nenechám|nenecháme ...3 páčiť", "nie ..1 pozwolę|pozwolimy ...3 tak|traktować",
      "nie ..1 będę|będziemy ...3 tolerować|znosić", "nie ..1 dam ..1 się ..1 tak",
      "ne ..1 bom|bomo ..2 trpel*|toleriral*|prenašal*|dopustil*", "si ne bom|bomo ..1 pustil*",
      // I won't be treated like this
      "won|will|m ..1 t|not ..2 be ..1 treated ..1 like ..1 this|that",
      "takhle|takto|tak|tako ...4 jednat|zacházet|jednať|zaobchádzať|traktować|ravnati ...2 nebude|nebudete|"
          + "nebudú|nie-będzie|nie-będziecie|ne-bo|ne-boste",
      "nebude|nebudete|nebudú|nie-będzie|nie-będziecie|ne-bo|ne-boste ...4 takhle|takto|tak|tako ...3 jednat|zacházet|"
          + "jednať|zaobchádzať|traktować|ravnati",
      "takhle|takto|tak|tako ...3 nebude|nebudete|nebudú|nie-będzie|nie-będziecie|ne-bo|ne-boste ...3 jednat|zacházet|"
          + "jednať|zaobchádzať|traktować|ravnati|ravnali|ravnal",
      // done waiting, the end of it
      "m|am|re|are ..1 done ..1 waiting|being-patient|asking|chasing|begging|being-ignored",
      "^koniec tego|z-tym !tygodni*|miesiąc*|miesiac*|roku|dnia|okres*|sezon*|promocj*|wyprzedaż*|kwartał*",
      // can't listen to it any more
      "can t listen|stand|bear|take ...4 any-more|anymore|any-longer",
      "cannot listen|stand|bear|take ...4 any-more|anymore|any-longer",
      "nemůžu|nemohu|nemôžem ..1 už ..2 poslouchat|počúvať|snést|zniesť|čekat|čakať",
      "už ..1 nemůžu|nemohu|nemôžem ..2 poslouchat|počúvať|snést|zniesť",
      "nie ..1 mogę|możemy ..1 już ..2 słuchać|znieść|czekać|patrzeć", "ne ..1 morem|moremo ..1 več ..2 poslušati|"
          + "prenašati|čakati|gledati",
      // the same canned reply over and over
      "copy ..1 paste|and-paste|pasted ...3 reply|replies|answer|answers|response|responses|email|emails",
      "reply|replies|answer|answers|response|responses ...3 copy ..1 paste|and-paste|pasted",
      "same ...3 link|template|answer|answers|reply|replies|email|message|script|faq|text ...4 over-and-over|"
          + "again-and-again|every-time|each-time|repeatedly",
      "pořád|porad|stále|znovu|opět|furt|ciągle|wciąż|znowu|stale|znova|vedno|spet ...3 stejn*|tutéž|tu-samou|te-same|"
          + "ta-sama|to-samo|ty-samé|tá-istá|to-isté|ista|isto|"
          + "ten-sam|tę-samą|tú-istú|tie-isté|ten-istý|rovnak*|isti|iste|isto ..1 šablon*|odpověď|odpovědi|odkaz*|"
          + "formulk*|formułk*|szablon*|odpowiedź|odpowiedzi|link*|odpoveď|odpovede|odgovor*|predlog*|navodil*|povezav*",
      "odgovor*|odpovědi|odpovede|odpowiedzi ...3 kopiraj ..1 prilepi", "kopiraj ..1 prilepi ...3 odgovor*",
      "kopírované|zkopírované|kopírovan*|skopírovan*|kopiowan*|skopiowan*|kopiran* ..1 odpověd*|odpoved*|odpowied*|"
          + "odgovor*",
      // still the same excuses
      "pořád|porad|stále|furt|ciągle|wciąż|znowu|vždy|vždycky|always|again|vedno|spet ...3 same|stejn*|isté|iste|"
          + "istih|te-same ..1 excuses|výmluv*|wymówk*|výhovor*|izgovor*",
      // the worst of one's life, the worst ever
      "worst ...3 of ..1 my|the|this ..1 life|year|month|week|career" + NOT_WORST_CASE,
      "worst ...4 ever|in-my-life" + NOT_WORST_CASE,
      // a verdict with an intensifier ("to jest po prostu żenujące")
      "to|je|jest|tohle|toto|this|it|that ..1 je|jest|is|s ..1 po-prostu|prostě|proste|preprosto|simply|just|"
          + "naprawdę|fakt|fakticky|res|really ..1 żenując*|ostudn*|skandáln*|skandaliczn*|škandal*|sramotn*|"
          + "nepřijateln*|niedopuszczaln*|neprijateľn*|nesprejemljiv*|pathetic|shameful|disgraceful|appalling");

  /**
   * "Unbelievable" as a verdict, enough on its own (weight {@link AngerSignal#STRONG}) in a sentence without praise
   * ({@link #PRAISED}): "Neuvěřitelné, kurýr nechal lednici na dešti", not "Neuvěřitelné, jak rychle to přišlo".
   */
  static final RuleSet VERDICTS = RuleSet.of(false,
      // "unbelievable" as a verdict opening the sentence or said of it
      "^neuvěřitelné|neuvěřitelný|neskutečné|niewiarygodne|neuveriteľné|neskutočné|neverjetno|"
          + "nezaslišano",
      "je ..1 to ..1 neuvěřiteln*|neskutečn*|neuveriteľn*|neskutočn*|neverjetn*",
      "to ..1 je ..1 neuvěřiteln*|neskutečn*|neuveriteľn*|neskutočn*|neverjetn*",
      "to ..1 jest ..1 niewiarygodn*|nie-do-wiary");

  /** Praise and thanks: a sentence holding one has no verdict of {@link #VERDICTS}. */
  static final RuleSet PRAISED = RuleSet.of(false, PRAISE);

  /** Each enough on its own in a statement, not in a question (weight {@link AngerSignal#STRONG}). */
  static final RuleSet STATEMENTS = RuleSet.of(false,
      // declared disgust and dismay
      "find ..1 it|this|that ..1 disgusting|appalling|outrageous|shameful|revolting|sickening|disgraceful",
      "am|m|are|re|was|were|feel|felt ..2 appalled|horrified|sickened|incensed|disgusted !not|t",
      "jsem|jsme|je ..3 znechucen*|zhnusen*|pohoršen*|zděšen*",
      "brzydzę|brzydzimy ..1 się", "jestem|jesteśmy ..3 zniesmaczon*|zbulwersowan*|zdegustowan*|zażenowan*",
      "som|sme ..3 zhnusen*|znechuten*|pohoršen*|zdesen*|rozhorčen*",
      "sem|smo ..3 zgrožen*|zgnušen*|zgražen*|ogorčen*",
      "zhnusen*|znechucen*|znechuten*|zniesmaczon*|zbulwersowan*|zgrožen* ..3 jsem|som|jestem|sem",
      // an ultimatum with a deadline: if it is not done by Friday, I leave, cancel, complain
      "if|unless|jestli|jestliže|pokud|když|jeśli|jeżeli|ak|če ...8 " + DEADLINE + " ...9 " + LEAVING + NOT_ASKED,
      "if|unless|jestli|jestliže|pokud|když|jeśli|jeżeli|ak|če ...8 " + DEADLINE + " ...9 " + SWITCH + NOT_ASKED,
      // a complaint filed with an authority (Slovene; the other languages' forms are in AngerSignal)
      "vložil*|vložim|vložimo|podal*|podam|oddal*|oddam ...3 pritožb*|prijav* ...4 inšpektorat*|inšpekcij*|zps|"
          + "varuh*|polici*|sodišč*",
      // a circus, a madhouse, said of the service
      "je|to|jest ..2 cirkus|blázinec|cyrk|burdel|bordel");

  /** Each needs a second sign (weight {@link AngerSignal#NEGATIVE}). */
  static final RuleSet NEGATIVE = RuleSet.of(false,
      // no apology
      "no|not-even-an|without-an|without-any apology|apologies !needed|necessary",
      "nobody|noone|no-one ...5 sorry|apologi*|apologis*",
      "žádná|žádnou|ani|bez ..1 omluva|omluvu|omluvy", "omluva|omluvu ..2 žádná|žádnou|nikde|nepřišla",
      "nikdo ...3 neomluvil*", "bez|ani|żadnych ..1 przeprosin|przeprosiny", "nikt ...3 nie ..1 przeprosił*",
      "žiadne|ani|bez ..1 ospravedlneni*", "ospravedlneni* ..2 žiadne|nikde|neprišlo", "nikto ...3 neospravedlnil*",
      "nobenega|niti|brez ..1 opravičila|opravičilo", "opravičil* ...2 nobenega|nobeno|nikjer",
      "nihče ...3 ne ..1 opraviči|opravičil*",
      // the same no-show again
      "didn|didnt|not|never ..2 show|turn|arrive|arrived|come|came ...3 again|twice|yet-again",
      "again|twice ...3 didn|didnt|not|never ..2 show|turn|arrive|come",
      "zase|opět|znovu|podruhé|potřetí|opäť|znova|druhýkrát ...3 nepřišel|nepřišla|nepřišli|nedorazil*|nepřijel*|"
          + "neprišiel|neprišla|neprišli|neprišiel",
      "znowu|znów|ponownie|drugi-raz|kolejny-raz ...3 nie ..2 pojawił*|przyszedł|przyszła|przyjechał*|dotarł*",
      "spet|znova|ponovno|drugič|tretjič ...3 ni|niso ..1 prišel|prišla|prišli|prišlo|dostavil*|pojavil*",
      // charged twice
      "charged|billed|debited|took ...4 twice|two-times|double|second-time",
      "strhli|strhl*|strhnul*|naúčtoval*|zaúčtoval*|zobral*|zobrali ...5 dvakrát|dvojmo|podruhé|druhýkrát",
      "dvakrát|podruhé|druhýkrát ...3 strhli|strhl*|strhnul*|naúčtoval*|zaúčtoval*|zobral*",
      "pobrali*|pobrał*|obciążyli*|obciążył*|naliczyli*|ściągnęli* ...5 dwa-razy|dwukrotnie|podwójnie|drugi-raz",
      "dwa-razy|dwukrotnie|podwójnie ...3 pobrali*|pobrał*|obciążyli*|naliczyli*|ściągnęli*",
      "zaračunal*|zaracunal*|bremenil*|trgal* ...5 dvakrat|dvojno", "dvakrat ...4 zaračunal*|bremenil*|trgal*",
      // the company's silence
      "milczycie|milczą|mlčíte|mlčí|mlčia|molčite|molčijo", "you ..2 stay|keep|remain ..1 silent",
      // nobody able to answer, how is it possible
      "nobody|no-one|noone ...6 can|could|able|manages ..2 answer|explain|tell|sort|fix",
      "answer|answering ...3 one|a|single ..1 simple ..1 question",
      "how ..1 is|s ..1 it ..1 possible ..1 that", "jak ..1 je|to ..1 možné|możliwe ...1 že|że",
      "ako ..1 je ..1 možné ...1 že", "kako ..1 je ..1 mogoče|možno ...1 da",
      // someone different every time
      "každý|každá|kazdy|każdy|każda|vsak|vsaka|everyone|everybody ...6 něco|niečo|coś|nekaj|something ..1 jiného|"
          + "iné|innego|drugega|different|else",
      // the same excuses
      "same|stejn*|te-same|tych-samych|tie-isté|tých-istých|iste|istih|isti ..1 excuses|výmluv*|wymówk*|wymowek|"
          + "výhovor*|izgovor*",
      // how much longer must I wait
      "how ..1 much|many ..1 longer|more ...4 have|must|need ...3 wait|waiting",
      "jak|kolik ..1 dlouho|ještě ...3 mám|musím|budu ..2 čekat", "ile|jak-długo ...3 jeszcze ...3 czekać",
      "koľko|ako-dlho ...3 ešte ...3 čakať", "koliko|kako-dolgo ...4 moram|moramo|bom ...3 čakati",
      // weeks without the service, days of an outage
      AngerFamilies.WEEKS + " ..1 without|bez|brez ..1 internet*|connection|signal|připojení|pripojenia|povezave|"
          + "telefonu|phone|broadband|service|tv|televize|prądu|elektrik*|wody|vody|ogrzewania|topení|kúrenia|"
          + "ogrevanja",
      "dead|down|offline|broken|working ...3 for ..1 3|4|5|6|7|8|9|three|four|five|six|seven|eight|nine ..1 days",
      "třetí|čtvrtý|pátý|šestý|sedmý|osmý|devátý|desátý|trzeci|czwarty|piąty|szósty|siódmy|ósmy|dziewiąty|dziesiąty|"
          + "tretí|štvrtý|piaty|šiesty|siedmy|ôsmy|deviaty|desiaty|tretji|četrti|peti|šesti|sedmi|osmi|deveti|deseti ..1"
          + " den|dzień|deň|dan");

  /** Having enough points, miles or credit ("Mám už dost bodů?"), not being fed up (twenty-fourth round). */
  static final String ENOUGH_OF = "bod*|kilometr*|mil*|míľ*|kredit*|nasbíran*|nazbieran*|nazbíran*|"
      + "věrnost*|vernost*|peňazí|penazi|miesta|prostor*|dat|gb";
  /** Polish "dość" as "rather" before an adjective ("mam dość skomplikowaną sytuację"), twenty-fourth round. */
  static final String RATHER = "skomplikowan*|trudn*|złożon*|nietypow*|specyficzn*|poważn*|duż*|dług*|"
      + "piln*|delikatn*|zawił*|dziwn*|ciężk*|sporo|nowy|nową|nowe|wysok*|nisk*|mał*|dobr*|szczegół*|częst*";

  /** "Worst case" in five languages: its words count for nothing ("w najgorszym wypadku odeślę …"). */
  private static final String[] WORST_CASE_ENTRIES = {
      "worst ..1 case|scenario", "najgorsz* ..1 wypad*|przypad*|razie|scenariusz*", "nejhorší* ..1 případ*|scénář*",
      "najhorš* ..1 prípad*|scenár*", "najslabš*|najhujš* ..1 primer*|scenarij*",
      // twenty-fourth round: "in the worst (case)" without the noun ("Kdyby to v nejhorším nestihlo dorazit, …")
      "v|ve nejhorším|nejhorsim !stavu|kvalit*", "w najgorszym !stanie|jakości", "v|vo najhoršom !stave|kvalit*",
      "v najslabšem|najhujšem !stanju|kakovost*"};

  /**
   * The worst or best time to do something, asked about ("Is it the worst time to travel in August?"): spent in a
   * question only, as "worst case" is everywhere (twenty-fourth round).
   */
  static final RuleSet WORST_TIME = RuleSet.of(false,
      "worst|best ..1 time|moment|day|season|month|week|period|hour|days|months ..1 to|for",
      "nejhorší|nejhorsi|nejlepší|nejlepsi ..1 doba|dobu|čas|cas|období|obdobi|měsíc|mesic|termín|termin ..1 na|pro|k",
      "najgorszy|najgorsza|najgorsze|najlepszy|najlepsza|najlepsze ..1 czas|moment|okres|miesiąc|pora|termin ..1 "
          + "na|do|żeby",
      "najhorší|najhorsi|najhoršie|najlepší|najlepsi ..1 čas|cas|obdobie|mesiac|termín|termin|doba|dobu ..1 na|pre",
      "najslabši|najhujši|najboljši ..1 čas|cas|termin|mesec|obdobje ..1 za");

  /** "Worst case": {@link AngerSignal} marks its words used before any rule reads "worst". */
  static final RuleSet WORST_CASE = RuleSet.of(false, WORST_CASE_ENTRIES);

  /**
   * Mixed, calm verdicts of a short review: a middling star rating ("trzy gwiazdki") and "OK, but …". Read only in a
   * short message ({@link #SHORT} words): in a long review one mixed sentence does not make the rest calm.
   */
  static final RuleSet MIXED = RuleSet.of(false,
      "three|3|tři|trzy|tri ..1 stars|hvězdičky|hvězdy|gwiazdki|hviezdičky|hviezdy|zvezdice",
      "ok|okay|fine|decent|solid|dobrý|dobre|dobry|dobrze|solidn*|slušn*|spoko|ujde|przyzwoit*|v-pořádku|w-porządku|"
          + "v-poriadku|v-redu ...2 but|ale|ampak|vendar|jenže|tylko|lenže !den|dan|deň|dzień|day|morning|jutro|"
          + "večer");

  /** The most words of a message whose {@link #MIXED} verdict makes it calm. */
  static final int SHORT = 40;

  private AngerComplaints() {}
}
