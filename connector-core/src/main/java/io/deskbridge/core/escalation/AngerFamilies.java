package io.deskbridge.core.escalation;

/**
 * Families of strongly negative tone without swearing or capitals, in English, Czech, Polish, Slovak and Slovene
 * ({@link PhraseRule} syntax, inflected forms spelled out or stemmed), scored by {@link AngerSignal}: waiting that
 * has gone on for weeks with still nothing, repeated contact, superlatives of badness, being fed up, threats to
 * leave, and sarcastic politeness. Each {@link #STRONG} entry is anger on its own; each {@link #NEGATIVE} entry needs
 * a second sign. Plain complaints, cancelling an order and polite follow-ups ("I wrote last week, any news?") match
 * none of them.
 */
final class AngerFamilies {

  /**
   * Waits that are long by themselves: weeks (plural or dual, "two weeks"), a month or more, ages. "A week ago" is
   * not among them: "I ordered a week ago and still nothing has come" is an ordinary question.
   */
  static final String WEEKS = "weeks|month|months|ages|forever|týdny|týdnů|týdnech|týdnům|měsíc|měsíce|"
      + "měsíců|měsících|tygodnie|tygodni|tygodniach|tygodniami|miesiąc|miesiące|miesięcy|miesiącach|týždne|týždňov|"
      + "týždňoch|týždňami|mesiac|mesiace|mesiacov|mesiacoch|tedna|tedne|tednov|tednih|mesec|meseca|mesece|mesecev|"
      + "mesecih";

  /** Ten days and more, counted: as long a wait as two weeks ("čtrnáct dní", "czternaście dni"); not "a few days". */
  static final String DAYS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
      + "twenty|thirty|"
      + "šestnáct|sedmnáct|osmnáct|devatenáct|szesnaście|siedemnaście|osiemnaście|dziewiętnaście|šestnásť|sedemnásť|"
      + "osemnásť|devätnásť|šestnajst|sedemnajst|osemnajst|devetnajst|10|11|12|13|14|15|16|17|"
      + "18|19|20|21|25|30|deset|jedenáct|dvanáct|třináct|čtrnáct|patnáct|dvacet|třicet|dziesięć|jedenaście|dwanaście|"
      + "trzynaście|czternaście|piętnaście|dwadzieścia|trzydzieści|desať|jedenásť|dvanásť|trinásť|štrnásť|pätnásť|"
      + "dvadsať|tridsať|enajst|dvanajst|trinajst|štirinajst|petnajst|dvajset|trideset days|dní|dnů|dni|dny|dňami|dnami|dniami|dnevi|dneh";

  /** Three or more messages or calls, counted ("six emails", "šest e-mailů", "kilka telefonów"). */
  private static final String CONTACTS = "three|four|five|six|seven|eight|ten|several|multiple|countless|numerous|"
      + "3|4|5|6|7|8|10|tři|čtyři|pět|šest|sedm|osm|deset|několik|trzy|cztery|pięć|sześć|siedem|osiem|dziesięć|"
      + "kilka|kilkanaście|wiele|tri|štyri|päť|šesť|sedem|osem|niekoľko|viacero|štiri|pet|nekaj ..1 emails|mails|"
      + "messages|calls|letters|mailů|maily|mailu|maili|maile|mailov|zpráv|zprávy|telefonátů|hovorů|wiadomości|"
      + "telefonów|správ|telefonátov|sporočil|klicev";

  /** What follows a long wait or many messages when it is anger: still nothing, nothing moving. */
  private static final String[] NOTHING_YET = {
      "still|yet ..1 nothing|nowhere|nobody|noone|no|not|haven|hasn|havent|hasnt|didn|isn|aren|don|doesn|won",
      "nothing ..2 moved|budged|changed|happened|since",
      "pořád|porad|stále|stale|furt|ještě|jeste|ani ..1 nic|nikde|nedorazil*|nepřišl*|nepřišel|nevrátil*|slovo|ťuk|"
          + "odpověď",
      "dalej|nadal|wciąż|ciągle|ani ..1 nic|nigdzie|brak|słowa|nie-ma|drgnie",
      "jak nie było|bylo",
      "stále|furt|ešte|este|ani ..1 nič|nikde|nedorazil*|neprišl*|neprišiel|nevrátil*|slovo|odpoveď|nepohol|"
          + "nepohla|nepohlo",
      "še-vedno|zmeraj|niti ..1 nič|nikjer|ni|besede|odgovora", "ni|nič ..1 premaknil*|premaknilo|premakne"};

  /**
   * No answer at all after the wait ("not a single reply", "žádná odpověď", "nobenega odziva"): anger after any
   * number of days, return windows having none. "Not a single" only after "ani / niti" ("ještě jedna otázka" is one
   * more question).
   */
  private static final String[] NO_ANSWER = {
      "not|without ..2 one|single|a ..1 reply|answer|word|response|update",
      "ani ..1 jedna|jedno|jeden|jedinou|jedinú|jednej|jednego", "niti ..1 en|ena|enega|eno",
      "zero|żadnej|zadnej ..1 odpowiedzi|reakcji|odzewu",
      "žádná|zadna|žiadna|ziadna ..1 odpověď|odpoved|odpoveď|reakce|reakcia",
      "nobenega|nobene ..1 odgovora|odziva|novice",
      "bez|brez ..2 odpověd*|odpovede|reakce|reakcie|odgovor*|odziva|odpowiedzi|reakcji|answer|reply"};

  /**
   * What makes a number of days a wait that has passed: waiting, "already", "ago", "since", "před" ("čekám už
   * čtrnáct dní", "14 days ago", "od 14 dni"). A bare "14 days" is as often a return window ("do 14 dní vrátím
   * boty", "I have 30 days to return it").
   */
  private static final String DAYS_WAITED_BEFORE = "před|pred|przed|už|uz|již|jiz|już|juz|že|ze|already|for|been|"
      + "over|waiting|waited|wait|čekám|cekam|čekáme|čekal*|cekal*|čakám|cakam|čakáme|čakal*|cakal*|czekam|czekamy|"
      + "czekał*|czekal*|čakam|čakamo|čakal*|od|odkar|przez|celých|celé|całe|całych|cele|dobrých|dobre|dobrych|ponad|"
      + "přes|vyše|več-kot|more-than";
  private static final String DAYS_WAITED_AFTER = "ago|since|temu|nazpět|zpátky|dozadu|nazad|nazaj|od|odkąd|odkad|"
      + "odkar|odkedy|waiting|čekám|cekam|czekam|čakám|čakam";

  /** Long waits and many messages with still nothing or no answer, each combination an entry. */
  private static final String[] LONG_WAITS = longWaits();

  private static String[] longWaits() {
    var entries = new java.util.ArrayList<String>();
    for (var tail : NO_ANSWER) {
      entries.add(WEEKS + " ...8 " + tail);
      entries.add(CONTACTS + " ...8 " + tail);
      entries.add(DAYS + " ...8 " + tail);
    }
    for (var tail : NOTHING_YET) {
      entries.add(WEEKS + " ...8 " + tail);
      entries.add(CONTACTS + " ...8 " + tail);
      entries.add(DAYS_WAITED_BEFORE + " ...3 " + DAYS + " ...8 " + tail);
      entries.add(DAYS + " ..2 " + DAYS_WAITED_AFTER + " ...8 " + tail);
      entries.add("^" + DAYS + " ...8 " + tail);
    }
    return entries.toArray(String[]::new);
  }

  /** A demand to answer at last ("ozvěte se konečně", "odezwijcie się wreszcie"). */
  private static final String DEMAND = "ozvěte|ozvete|odpovězte|odpovezte|napište|napiste|odezwijcie|odpowiedzcie|"
      + "napiszcie|odpiszcie|ozvite|odpovedzte|napíšte|oglasite|odgovorite|javite|odpišite|answer|reply|respond|"
      + "get-back|do-something";
  private static final String AT_LAST = "konečně|konecne|wreszcie|nareszcie|w-końcu|konečne|končno|že-enkrat|"
      + "finally|at-last";

  /** Positive words that make "I have never seen such …" praise, not anger. */
  private static final String PRAISE = " !rychl*|rychle|rýchl*|szybk*|hitr*|krásn*|hezk*|pěkn*|pekn*|skvěl*|skvel*|"
      + "super|dobr*|świetn*|piękn*|lep*|odlič*|ochotn*|milého|miłej|prijazn*|quick|fast|good|great|nice|lovely";

  /** Thirteenth round (docs/quality.md): each enough on its own, like {@link #STRONG}. */
  private static final String[] STRONG13 = {
      WEEKS + " ..1 without|no ..2 answer|reply|response|word|news|update|refund|reaction",
      DAYS + " ..1 without|no ..2 answer|reply|response|word|news|update|refund|reaction",
      // a long wait with a demand to answer at last
      WEEKS + " ...8 " + DEMAND + " ...3 " + AT_LAST, DAYS + " ...8 " + DEMAND + " ...3 " + AT_LAST,
      WEEKS + " ...8 " + AT_LAST + " ..2 " + DEMAND, DAYS + " ...8 " + AT_LAST + " ..2 " + DEMAND,
      // the n-th message, neuter (Slovene), and writing "for the fifth time"
      "tretje|četrto|peto|šesto|deseto sporočilo|pismo",
      "writ*|email*|contact*|call*|chas*|messag* ..2 for ..1 the ..1 third|fourth|fifth|sixth|tenth|umpteenth|nth time",
      "lost count ...4 how|times", "ile ..1 razy ...6 tłumaczył*|tlumaczyl*|pisał*|dzwonił*|prosił*|powtarzał*|"
          + "wyjaśniał*",
      "kolikokrat ...6 razlag*|razloži*|pisal*|klical*|prosil*|ponavlja*|ponovil*",
      // none of my messages answered
      "žádn*|zadn*|żaden|zaden|żadn*|žiadn*|ziadn*|noben*|single ...4 my|mých|mych|moich|mojich|mojih ..2 emails|"
          + "mails|mailů|mailu|maili|maile|mailov|zpráv|wiadomości|správ|sporočil|messages ...4 nikdo|nikt|nikto|"
          + "nihče|nobody",
      "nikdo|nikt|nikto|nihče|nobody|no-one ...8 žádn*|zadn*|żaden|zaden|żadn*|žiadn*|noben*|single ...4 my|mých|"
          + "moich|mojich|mojih ..2 emails|mails|mailů|maili|maile|mailov|zpráv|wiadomości|správ|sporočil|messages",
      "nobody|no-one|noone ...3 bothered|cared ..1 to ..1 answer|reply|respond|read|call",
      // fed up
      "had enough of ..1 your|you|this|these|those|excuses|lies|promises|waiting|nonsense|games",
      // fed up with something ("mám toho vyše hlavy"), not busy ("mám roboty vyše hlavy", "jsem až po uši v práci")
      "toho|tohle|toto|vás|vas|vašich|vasich|vašeho|vášho|všeho|všetkého|vsetkeho ...3 vyše|vyse hlavy",
      "toho|tohle|toto|vás|vas|vašich|vasich|vašeho|vášho|všeho|všetkého|vsetkeho ...3 až|az po uši|usi", "do grla ..2 sit|sita|siti", "sit|sita|siti ..2 do grla",
      "dost ..1 imam|imamo !časa|casa|denarja", "imam|imamo dost !časa|casa|denarja",
      "naveličan*|navelican* ..2 sem|smo", "sem|smo ..2 naveličan*|navelican*",
      "už mě|me|mne|ma nebaví|nebavi", "patience ...8 run|ran|exhausted",
      // leaving, for good
      "končím|koncim|končíme ..2 s|se|so vámi|vami|váma|vama",
      "končím|koncim|končíme ..2 s|se|so tímhle|tímto|týmto|touto|vaším|vašou|vaší ..1 obchod*|firm*|e-shop*|eshop*",
      "s|se|so tímhle|tímto|týmto|touto|vaším|vašou|vaší|vámi|váma ..1 obchod*|firm*|e-shop*|eshop* ..2 končím|"
          + "koncim|končíme",
      "s|se|so vámi|vami|váma|vama ..2 končím|koncim|končíme",
      "koniec|kończę|kończe|skończyłem|skończyłam|skonczylem ..1 z ..1 wami|tym-sklepem|waszym-sklepem|wasza-firma",
      "končal|končala|končan|končana ..2 sem|smo ..2 z|s ..1 vami|to-trgovino",
      "z|s vami|to-trgovino ..2 sem|smo ..1 končal|končala|končan|končana",
      "kupuję|kupuje|kupię|kupie|zamawiam|zamówię|nakupuji|nakupuju|nakupovat|nakupovať|nakupujem|kupujem|naročam ..2 "
          + "u|ku|pri|od konkurenc*",
      "nakupovat|nakupovať|kupovat|kupować ...4 budu|budem|będę|bede ...3 u|ku konkurenc*",
      "grem|gremo|prehajam|odhajam|bom-šel|bom-šla ...3 k ..1 drugemu|drugi|drugim ..1 trgovc*|ponudnik*|podjetj*",
      "won|will ..1 t|not ..2 be ..1 shopping|buying|ordering ...5 again|ever",
      "ne ..1 bom ..1 kupil*|kupila|naročil*|naročila ...5 "
          + "več|nikoli !kot",
      "nigdy|nigdy-więcej|nigdy-wiecej ...6 nie ..1 kupię|kupie|zamówię|zamowie",
      // telling everyone to stay away, going to court
      "stay|keep|steer away|clear ..2 from|of ..1 you|your", "and telling|tell everyone|everybody",
      "vám|vam|vás|vas ..1 vyhnou|vyhnuli|vyhýbali|vyhnú|vyhnu|izogibajo|izognejo",
      "vyhnou|vyhnú|vyhnu|izogibajo|izognejo ..1 vám|vam|vás|vas",
      "odradzę|odradze|odradzam|odradzimy ...4 was|wasz*|sklep*|firm*",
      "take|taking|sue|suing ..2 you|u ..1 to ..1 court",
      "půjdu|pujdu|půjdeme|jdu|obrátím|podám|podam ...4 k|ke ..1 soudu|soud", "podám|podam|podáme ..1 žalob*|zalob*",
      "idę|ide|pójdę|pojde|idziemy|skieruję ...4 do ..1 sądu|sadu", "pozwę|pozwe|pozwiemy",
      "idem|pôjdem|pojdem|podám ...4 na|k ..1 súd|sud|súdu|sudu", "grem|gremo|bom ...4 na ..1 sodišče|sodisce",
      // outrage
      "are|re ..2 disgrace|joke|shambles|embarrassment",
      "jste|ste|jesteście|jestescie ..2 ostuda|hanba|ostudou|kompromitacj*|sramota|hanbou|výsměch",
      "^ostuda|hanba|sramota|kompromitacja|škandal|skandal|skandál|škandál ..1 je|jest|ste|jste|jesteście",
      "this|that|it ..1 is|s|was ..1 outrageous|ridiculous|absurd|appalling|disgraceful|shameful|insane" + PRAISE,
      "to|tohle|toto ..1 je ..1 neslýchan*|nehorázn*|absurdn*|nepřijateln*|neprijateľn*|nesprejemljiv*|"
          + "nezaslišan*" + PRAISE,
      "to|to-jest ..1 skandaliczn*|oburzając*|absurdaln*|niedopuszczaln*" + PRAISE,
      "^nezaslišano|neslýchané|neslýchaný|nehorázné|skandaliczne|oburzające|škandalózne|outrageous|unacceptable|"
          + "disgraceful|pathetic",
      "complete|total|utter|absolute disaster|failure|shambles|farce",
      "úplná|uplna|naprostá|naprosta|totální|totalni|totálna|úplný|naprostý ..1 katastrofa|ostuda|hanba|fiasko|"
          + "tragédie|tragédia|výsměch|výsmech",
      "kompletna|totalna|całkowita|calkowita|zupełna|kompletny ..1 porażka|porazka|katastrofa|kompromitacja|klapa|"
          + "żenada",
      "prava|popolna|totalna|čista ..1 katastrofa|sramota|polomija|tragedija|farsa",
      "szczyt ..1 bezczelności|bezczelnosci|chamstwa|niekompetencji",
      "przekracza|przekroczyło|przekroczyl* ..1 wszelkie ..1 granice",
      "přesahuje|překračuje|presahuje|prekračuje ..1 všechny|veškeré|všetky ..1 meze|hranice|medze",
      "presega|prestopa ..1 vse ..1 meje", "beyond ..1 frustrating|ridiculous|unacceptable|belief",
      "co|cóż|coz za ..1 kpina|żart|zart|cyrk|skandal|żenada|zenada", "what a ..1 joke|farce|shambles|disgrace",
      // treated like this
      "no way to treat ..1 customers|a-customer|people|anyone|me", "this|that ..1 is|s ..1 how you treat",
      "nobody|no-one|noone ...4 treated ..2 me|us ..1 this|so|that badly|poorly|rudely",
      "never ...4 so|this ..1 badly|poorly|rudely ..1 treated|served",
      "nikdy|nigdy|nikoli ...9 tak|takhle|takto|tako ..1 hrozně|hrozne|špatně|spatne|zle|fatalnie|okropnie|źle|"
          + "grozno|slabo|grdo",
      "takhle|takto|tak|tako ...4 mnou|mnie|mną|mano|mnoj|zákazník*|zakaznik*|klient*|strank*|strankami|ludzi|lidí|lidmi|ľudí|ľuďmi|"
          + "ljudi|ljudmi|people ...3 "
          + "jednáte|jednate|jedná|jedna|nejedná|nejedna|zacházíte|zachazite|nezachází|traktujecie|traktuje|"
          + "zaobchádzate|zaobchadzate|nezaobchádza|ravnate|ravna|ravnajo",
      "takhle|takto|tak|tako ...4 jednáte|jednate|jedná|jedna|nejedná|nejedna|zacházíte|zachazite|traktujecie|"
          + "traktuje|zaobchádzate|zaobchadzate|ravnate|ravna|ravnajo ...3 mnou|mnie|mną|mano|zákazník*|zakaznik*|"
          + "klient*|strank*|strankami|ludzi|lidí|lidmi|ľudí|ľuďmi|ljudi|ljudmi|people",
      "takov*|takhle|taký|taká|takú|taky|taku|takiej|takiego|taką|takie|take|takega|takšn* ...5 ještě|jeste|ešte|"
          + "este|jeszcze|še ..1 nezažil*|nezazil*|neviděl*|nevidel*|nie-widziałem|nie-widziałam|nie-widzialem|"
          + "nie-spotkałem|nie-doświadczyłem|nisem" + PRAISE,
      "never ...3 seen|experienced ..1 such ..2 incompetence|treatment|rudeness",
      // wasted time, and sarcastic thanks for it
      "wasted|wasting|ruined|ruining ...4 whole|entire ..1 day|weekend|morning|afternoon|evening",
      "kvůli|kvuli|przez|kvôli|kvoli|zaradi ..1 vám|vam|was|vas ...8 celý|cely|cały|caly|celé|ves|cel ..1 den|dzień|"
          + "dzien|deň|dan|dopoledne|odpoledne|víkend|weekend|vikend",
      "celý|cely|cały|caly|celé|ves|cel ..1 den|dzień|dzien|deň|dan ...8 kvůli|kvuli|przez|kvôli|kvoli|zaradi ..1 "
          + "vám|vam|was|vas",
      "thank*|díky|diky|děkuj*|dekuj*|dziękuj*|dzięki|dzieki|stokrotne|ďakuj*|vďaka|vdaka|hvala ...6 ztracen*|"
          + "zmarnowan*|straten*|izgubljen*|wasted|lost ..2 čas*|cas*|czas*|hodin*|godzin*|time|hour*|uro|ure|ur",
      "thank*|díky|diky|děkuj*|dekuj*|dziękuj*|dzięki|dzieki|stokrotne|ďakuj*|vďaka|vdaka|hvala ...6 hodin*|godzin*|"
          + "hour*|uro|popołudni*|popoludni*|dopoledne|odpoledne ...3 na-lince|na-linke|przy-słuchawce|"
          + "przy-sluchawce|na-telefonu|na-telefonie|on-hold|on-the-line|na-telefonu",
      "thank*|díky|diky|děkuj*|dekuj*|dziękuj*|dzięki|dzieki|stokrotne|ďakuj*|vďaka|vdaka|hvala ...6 hours|hodin*|"
          + "godzin*|uro|ure|ur ..1 lost|wasted|ztracen*|zmarnowan*|straten*|izgubljen*",
      "congratulations|congrats|gratuluju|gratuluji|gratulacje|gratulujem|čestitam|brawo|bravo ...6 lose|lost|"
          + "losing|ztratit|ztratili|zgubić|zgubiliście|zgubiliscie|stratiť|stratili|izgubiti|izgubili|break|broke|"
          + "rozbít|zepsuć|pokaziť|pokvariti",
      // stop ignoring me, the same template again, a simple answer that is so hard to get
      "stop|přestaňte|prestante|przestańcie|przestancie|prestaňte|nehajte ..2 ignoring|ignorovat|ignorować|"
          + "ignorowac|ignorovať|ignorirati",
      "same ..3 useless|pointless|generic|automated|canned ..1 template|reply|replies|answer|answers|response|"
          + "responses|email|message",
      "stejn*|tutéž|tu-samou|tu-istú|tú-istú|tu-istu|tá-istá|ten-istý|isto|iste|ista|isti|te-same|ten-sam|tą-samą|tę-samą ..3 zbytečn*|zbytecn*|"
          + "nesmysln*|automatick*|obecn*|zbytočn*|zbytocn*|bezużyteczn*|bezuzyteczn*|automatyczn*|ogóln*|"
          + "nekoristn*|avtomatsk*|splošn* ..1 šablon*|sablon*|szablon*|predlog*|odpověď|odpoved*|odpowied*|"
          + "formulk*|formułk*|odgovor*",
      "hard|difficult|těžké|tezke|trudno|ťažké|tazke|težko|tezko ...3 get|dostat|dostać|dostac|dostať|dobiti ...3 "
          + "simple|straight|jednoduch*|prost*|preprost*|normáln* ..1 answer|reply|odpověď|odpoved|odpowiedź|"
          + "odpowiedzi|odpoveď|odgovor",
      "nobody|noone|no-one|never ...4 straight ..1 answer",
      "can t|cannot believe ..2 how badly|poorly|rude*",
      // declared anger and despair
      "zuřím|zurim|zúrim|wściekam|wsciekam|besnim|fuming|seething", "mám|mam ..1 vztek|zlost",
      "som|sem|jsem ..3 zúriv*|zuriv*|besn*|vzteklý|vzteklá", "ves|vsa ..1 sem ..1 iz ..1 sebe",
      "besen|besna|jezen|jezna ..1 sem|smo",
      "jsem|som|sem|jestem ..3 z|nad ..1 vás|vas|was|vami ..1 zoufal*|zúfal*|zufal*|obupan*",
      "zoufal*|zúfal*|zufal*|obupan* ...3 nad|z ..1 vami|vás|vas|was",
      // like talking to a wall, how dare you, shame on you, disgust, lies, hours of one's life (held-out-6's families)
      "talking|talk|speaking ..2 to ..1 a ..1 wall|brick-wall",
      "mluvit|mluvení|mluvím|gadanie|gadać|gadac|mówić|mowic|hovoriť|hovorit|hovorím|govorjenje|govoriti|govorim ...2 "
          + "do|v ..1 zdi|ściany|sciany|steny|zid",
      "how dare you", "jak ..1 si ..1 dovolujete|dovolujes|dovoluješ", "jak ..1 śmiecie|smiecie|śmiesz|smiesz",
      "ako ..1 si ..1 dovoľujete|dovolujete|dovolíte|dovolite", "kako ..1 si ..1 drznete|drzneš|upate",
      "shame on you", "styďte|stydte ..1 se", "wstydźcie|wstydzcie ..1 się|sie", "hanbite ..1 sa",
      "sram ..1 vas ..1 bodi|je", "disgusted|disgusts", "brzydzi ..1 mnie", "gnusi ..1 se ..1 mi",
      "zle ..1 z ..1 toho ..2 jak|ako",
      "you ..2 lied|lie ..1 to ..1 me|us", "lhali|lhal|lhala|lžete|lzete ..2 jste|mi|nám",
      "okłamaliście|oklamaliscie|okłamali|oklamali|kłamiecie|klamiecie", "klamali|klamete ..2 ste|mi|nám",
      "lagali|lažete|lazete ..2 ste|mi|nam",
      "hours|hodiny|hodin|godziny|godzin|ure|ur ..3 of ..1 my ..1 life",
      "hodiny|hodin|godziny|godzin|ure|ur ..2 svého|sveho|mého|mojego|swojego|svojho|môjho|svojega|mojega ..1 "
          + "života|zivota|życia|zycia|življenja|zivljenja",
      "hodiny|hodin|godziny|godzin|ure|ur ..1 života|zivota|życia|zycia|življenja|zivljenja",
      "nobody|no-one ...5 takes|take ..1 responsibility",
      "nikdo|nikto|nikt|nihče|nihce ...3 za ..1 nic|nič ...3 nenese|nenesie|odpowiada|odgovoren|odgovorna|odgovarja",
      "never|nikdy|nigdy|nikoli ...3 recommend*|nedoporuč*|nedoporuc*|polecę|polece|neodporuč*|neodporuc*|"
          + "priporoč*|priporoc* ...6 anyone|anybody|nikomu|nikomur|ever",
      "never|nikdy|nigdy|nikoli ...3 anyone|anybody|nikomu|nikomur ...3 recommend*|nedoporuč*|nedoporuc*|polecę|"
          + "polece|neodporuč*|neodporuc*|priporoč*|priporoc*",
      "je|to|bylo|bolo|bilo|bude ..1 naposledy|zadnjič|zadnjic ...6 objednáv*|objednav*|objednal*|nakoupil*|nakúpil*|"
          + "naročil*|narocil*|kupil* !kdy|kedy|kdaj",
      "^to oszustwo|podvod|goljufija|kradzież|krádež",
      "zadnjič|zadnjic ...6 naročil*|narocil*|kupil* !kdaj"};

  /** Thirteenth round (docs/quality.md): each needs a second sign, like {@link #NEGATIVE}. */
  private static final String[] NEGATIVE13 = {
      "demand|expect|požaduju|požaduji|pozaduju|žádám|zadam|żądam|žiadam|ziadam|zahtevam ...3 compensation|odškodn*|"
          + "odskodn*|odszkodowan*",
      "mess|zmatek|bałagan|balagan|zmätok|zmatok|zmešnjav*|zmesnjav*",
      "paid|zaplatil*|zapłacił*|zaplacil*|plačal*|placal* ...6 nothing|nedostal*|nisem-dobil|nisem-dobila",
      "je|jest|to ..1 směšné|smesne|śmieszne|smieszne|smiešne|smiesne",
      "ignores|ignoring ..2 customers|its-customers", "what kind of ..1 company|shop|business", "^still waiting",
      DEMAND + " ..2 " + AT_LAST, AT_LAST + " ..2 " + DEMAND,
      "every|each ..1 single ..1 time ...6 wrong|problem|broken|late",
      "every|each time ...8 something|someone ..1 different|else",
      "každá|kazda|každé|każde|każda|kazda|vsako|vsaka ..1 objednávka|objednavka|zamówienie|zamowienie|naročilo|"
          + "narocilo ...4 problém|problem",
      "nikdo|nikt|nikto|nihče|nihce ...3 nedokáže|nedokaze|potrafi|umie|nevie|nevi|neumí|zna|ve",
      "k smíchu|smichu", "na smiech", "to je ..1 vtip|šala|smešno", "zase|znowu|znovu|spet nic|nič|zero",
      "your|vaš*|vase|wasz* ..1 excuses|výmluv*|vymluv*|wymówk*|wymowk*|výhovork*|vyhovork*|izgovor*",
      "čekat|cekat|čakať|cakat ...3 nebudu|nebudem",
      "instead of ..1 reading|listening", "místo|misto|namiesto ...5 přečetli|precetli|přečetl*|prečítali|precitali",
      "zamiast ...3 przeczytać|przeczytac|czytać", "namesto ...5 prebrali|prebrala|prebral",
      "irytuje|irytujecie ..1 mnie", "unavuje|otravuje ma|mě|mne", "zenada|żenada",
      "loyal|věrn*|wiern*|vern*|zvest* ..1 customer|zákazník*|zakaznik*|klient*|strank*",
      "povsod ...6 napisal|napišem|napisem|objavil|objavim ..3 oceno|mnenje|recenzijo",
      "nobody|noone|no-one|nikdo|nikto|nikt|nihče ...3 even|ani|nawet|niti ..1 apologi*|omluvil*|neomluvil*|"
          + "neospravedlnil*|przeprosił*|opravičil*"};

  /** Each enough on its own to make a message angry (weight {@link AngerSignal#STRONG}). */
  static final RuleSet STRONG = RuleSet.of(false, join(LONG_WAITS, STRONG13, new String[] {
      // weeks of waiting (or ten days and more) and still nothing, or without an answer, or not moving
      // repeated contact: n times, again and again, every time another story
      "writ*|wrote|email*|call*|contact*|ask*|chas* ...3 again-and-again|over-and-over|time-and-again",
      "keep|keeps|kept ..1 repeating|explaining ..1 myself|the-same|it",
      "volal*|volám|psal*|napsal*|urgoval*|kontaktoval*|reklamoval* ...3 třikrát|čtyřikrát|pětkrát|šestkrát|"
          + "několikrát|mnohokrát|opakovaně",
      "znovu-a-znovu|pořád-dokola|porad-dokola|stále-dokola|furt-dokola|dokola ...4 píšu|pisu|opakuj*|vysvětluj*|"
          + "volám|urguji",
      "píšu|pisu|opakuj*|vysvětluj*|volám|urguji ...3 znovu-a-znovu|dokola",
      "potřetí|počtvrté|popáté ...4 ozývám|ozyvam|obracím",
      "dzwonił*|pisał*|napisał*|kontaktował*|reklamował* ...3 trzy|cztery|pięć|sześć|kilka|kilkanaście|wiele|"
          + "dziesięć ..1 razy", "piszę i piszę", "dzwonię i dzwonię", "pisze i pisze",
      "w-kółko|w-kolko ...4 powtarzam|piszę|pisze|tłumaczę|dzwonię", "powtarzam|piszę|tłumaczę ...3 w-kółko|w-kolko",
      "kolejny raz ...3 odzywam|piszę|pisze|dzwonię",
      "volal*|volám|písal*|napísal*|urgoval*|kontaktoval*|reklamoval* ...3 trikrát|štyrikrát|päťkrát|šesťkrát|"
          + "niekoľkokrát|viackrát|mnohokrát|opakovane",
      "znova-a-znova|stále-dookola|furt-dookola|dookola ...4 píšem|opakujem|vysvetľujem|volám|urgujem",
      "píšem|opakujem|vysvetľujem|volám|urgujem ...3 znova-a-znova|dookola",
      "tretí|štvrtý|piaty|šiesty ..1 raz ...4 píšem|volám|urgujem|ozývam|pýtam",
      "klical*|kličem|pisal*|napisal*|kontaktiral*|reklamiral* ...3 trikrat|štirikrat|petkrat|šestkrat|večkrat|"
          + "nekajkrat|velikokrat",
      "znova-in-znova|vedno-znova|spet-in-spet|kar-naprej ...4 pišem|ponavljam|razlagam|kličem",
      "pišem|ponavljam|razlagam|kličem ...3 znova-in-znova|vedno-znova|spet-in-spet",
      "tretji|četrti|peti|šesti ..1 mail|e-mail|sporočilo|dopis ...4 pošiljam|pišem",
      // superlatives and comparatives of badness, never treated like this
      "the most useless|incompetent|unhelpful|pathetic|ridiculous|unprofessional|frustrating|shambolic|hopeless",
      "worse ...6 never|in-my-life", "never ...6 worse",
      "nobody|no-one|noone ...4 ever ...3 treated|served",
      "horší|horšího|horšímu|horším|horšiu|horšieho|horšej|horšom ...6 nikdy|neměl*|nezažil*|neviděl*|nepotkal*|"
          + "nesetkal*|nemal*|nevidel*|nestretol*|v-životě|v-živote",
      "nikdo|nikdy|takhle|takto ...6 nejednal*|nezacházel*|nezachoval*|nechoval*|nezaobchádzal*",
      "nikto ...6 nejednal*|nezaobchádzal*|nesprával*",
      "gorsz* ...6 nigdy|w-życiu|w-zyciu|nie-widziałem|nie-widziałam|nie-miałem|nie-miałam|nie-spotkałem|"
          + "nie-spotkałam",
      "nikt|nigdy ...6 nie ..1 potraktował*|traktował*|obsłużył*|obsługiwał*",
      "najbardziej ..1 beznadziejn*|niekompetentn*|bezużyteczn*|żenując*",
      "slabš*|hujš* ...6 nikoli|nisem-imel|nisem-imela|nisem-doživel|nisem-doživela|v-življenju",
      "nihče|nikoli|tako ...6 ni ..1 ravnal*|postregel*|obravnaval*",
      "najbolj ..1 neuporabn*|nesposobn*|obupn*|nekompetentn*",
      // fed up, out of patience, can't take it any more
      "that s it ...3 m|am|re|we ..1 done|finished|out !form|thanks|thank|thx|step|here|setup", "can t|cannot take ..1 it|this ..1 anymore|any-more",
      "beyond a joke",
      "už mě|me|mne to nebaví|nebavi", "už ma to nebaví|nebavi", "už ..1 to ..1 nevydržím|nevydrzim",
      "toho|tohohle ..1 bylo ..1 dost|dosť !času|peněz", "toho|tohto ..1 bolo ..1 dosť|dost !času|peňazí",
      "trpělivost*|trpelivost*|trpezlivos*|potrpljenj*|cierpliwoś* ...4 konce|konci|koncu|końca|konca|konec",
      "cierpliwoś* ...4 dobiegła|dobiega|dobiegla",
      "mam ...4 serdecznie|naprawdę|naprawde ..1 dość|dosyć|dosc|dosyc",
      "dość|dosyć|dosc|dosyc|wystarczy tego", "nie mam już|juz siły|sił|sily|sil", "nie wytrzymam|wytrzymuję ..1 już",
      "je ..1 pa ..1 dovolj !časa|denarja|prostora|mesta", "sit|sita|siti sem|smo ...3 vaš*|tega|izgovor*|čakanj*|obljub*",
      "sem|smo ..1 sit|sita|siti ...2 vaš*|tega|izgovor*|čakanj*|obljub*", "ne zdržim|zdržimo ..1 več",
      // threats to leave
      "go|going|switch*|mov*|tak*|buy*|shop*|order* ...5 competitor*|competition !match*|price*|cheaper|beat*|offer*|"
          + "compare*",
      "you|ve|have|just lost|losing a ..1 customer|client !number|id|card|account|login|code",
      "money|business|custom ...4 somewhere-else|anywhere-else|someplace-else",
      "přišli|přicházíte ...3 zákazník*|zakaznik*", "ztratili|ztrácíte ..2 zákazník*|zakaznik*",
      "straciliście|stracilisćie|tracicie ..2 klient*", "prišli|prichádzate ...3 zákazník*|zakaznik*",
      "stratili|strácate ..2 zákazník*|zakaznik*", "izgubili|izgubljate ..2 strank*",
      "budu|budem|będę|bede|bom ...3 nakupovat|nakupovať|kupować|zamawiać|kupoval*|naročal* ...3 konkurenc*|jinde|"
          + "inde|gdzie-indziej|drugje",
      "už ...3 nenakoupím|nenakoupim|nekoupím|nekoupim|neobjednám|neobjednam|nenakupuji",
      "už ...3 nenakúpim|nenakupim|nekúpim|nekupim|neobjednám|neobjednam",
      "więcej|wiecej ...4 nie ..1 kupię|kupie|zamówię|zamowie|zamawiam|kupuję|kupuje|kupimy|zamówimy|wrócę|wroce",
      "nie ..1 kupię|zamówię|zamawiam|wrócę ...3 więcej|wiecej",
      "ne ..1 naročam|naročim|kupim|kupujem|vrnem|vrnemo ...3 več !kot",
      "už ..2 nevrátím|nevrátíme|nevrátim|nevratim|nevrátime !domů|domu|domov|před|pred|dnes|dneska|zítra|zajtra|večer|"
          + "odpoledne|později|neskôr|kdy|kedy",
      "ostatni raz ...4 zakup*",
      // sarcastic politeness
      "how kind|nice|lovely|thoughtful|good|sweet of-you|that ...8 finally|after|only",
      "jak|to ..1 milé|laskavé|hezké|pozorné ...8 konečně|konecne|až|po",
      "jak|ale ..1 miło|milo|uprzejmie|ładnie ...8 wreszcie|w-końcu|po|dopiero",
      "aké|ako|to ..1 milé|milo|láskavé|pekné ...8 konečne|až|po",
      "kako ..1 prijazno|lepo|ljubko ...8 končno|šele|po",
      "thank*|díky|děkuj*|dziękuj*|dzięki|dzieki|ďakuj*|vďaka|hvala ...8 only|just|jen|jenom|dopiero|tylko|iba|len|"
          + "samo|šele ..2 " + WEEKS,
      "thank*|díky|děkuj*|dziękuj*|dzięki|dzieki|ďakuj*|vďaka|hvala ...9 silence|ticho|cisz*|tišin*",
      "great|good|excellent|brilliant|wonderful|fantastic|amazing|nice ..1 job|work ...3 losing|breaking|ignoring|"
          + "ruining",
      "skvělá|výborná|super|perfektní ..1 práce ...4 ztratit|rozbít|ignorovat|zkazit",
      "świetna|wspaniała|super|brawo ..1 robota ...4 zgubić|zepsuć|zignorować",
      "skvelá|výborná|super|perfektná ..1 práca ...4 stratiť|pokaziť|ignorovať",
      "odlično|super|lepo ..1 delo ...4 izgubiti|pokvariti|ignorirati",
      "automat*|avtomat* ..2 reply|response|answer|odpověď|odpowiedź|odpoveď|odgovor ...4 instead|místo|misto|"
          + "zamiast|namiesto|namesto"}));

  /**
   * Each enough on its own in a statement, like {@link #STRONG}, but not in a question: "Is this my last order
   * eligible for the discount?", "Can I dispute a charge?", "If I cancel my order, will you close my account too?",
   * "tohle je podvod?" ask, they do not threaten or accuse.
   */
  static final RuleSet STATEMENTS = RuleSet.of(false,
      // leaving: the last order with you or ever, not the last order before the holidays
      "consider ..2 this|it ..2 my|our last|final order|purchase",
      "last|final order|purchase ..1 with|from|at ..1 you|your|this|here",
      "last|final order|purchase ..1 ever",
      // disputing the charge
      "dispute|disputing ..2 charge|payment|transaction",
      "i|ill|will|going|file|filing|request*|initiat*|start*|open*|zgłoszę|zgłaszam|podám|podam|uplatním|vložím|"
          + "sprožil*|sprožim ...4 chargeback",
      // an ultimatum to cancel everything
      "pokud|jestli|jestliže|jeśli|jeżeli|jezeli|jesli|ak|če|ce|if ...9 zruším|zrusim|rezygnuję|rezygnuje|odpovem|"
          + "cancel|close|closing ...3 všechny|vsechny|wszystkich|všetky|vsetky|vse|all|everything|account",
      // "this is a fraud", said, not asked
      "to|tohle|toto ..1 je|jest ..1 podvod|podvodem|oszustwo|goljufija !jestli|zda|czy|ali|není|nie|ni");

  /** Each needs a second sign (weight {@link AngerSignal#NEGATIVE}). */
  static final RuleSet NEGATIVE = RuleSet.of(false, join(NEGATIVE13, new String[] {
      "every|each time ...6 different|another ..1 story|answer|excuse|person",
      "pokaždé|pokazde|vždycky ...6 něco|neco ..1 jiného|jineho", "za każdym razem ...6 co|coś ..1 innego",
      "zakaždým|vždy ...6 niečo|nieco ..1 iné|ine", "vsakič|vsakokrat ...6 nekaj|kaj ..1 drugega",
      "nobody|no-one|noone ...3 reads|read|listens|bothers", "nikdo ...3 nečte|necte|neposlouchá|neposloucha",
      "nikt ...3 nie ..1 czyta|słucha|przeczyta", "nikto ...3 nečíta|necita|nepočúva|nepocuva",
      "nihče ...3 ne ..1 prebere|bere|posluša",
      "ani|niti ..1 slovo|slova|słowa|besede", "odpověď|odpoved|odpoveď|odgovora žádná|zadna|žiadna|ziadna|nobenega",
      "again|another|zase|znowu|znova|spet ..2 automat*|avtomat* ..1 reply|response|answer|odpověď|odpowiedź|odpoveď|"
          + "odgovor",
      "nie do wiary", "wstyd !mi|się|sie"}));

  private static String[] join(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }

  private AngerFamilies() {}
}
