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
  private static final String WEEKS = "weeks|month|months|ages|forever|týdny|týdnů|týdnech|týdnům|měsíc|měsíce|"
      + "měsíců|měsících|tygodnie|tygodni|tygodniach|tygodniami|miesiąc|miesiące|miesięcy|miesiącach|týždne|týždňov|"
      + "týždňoch|týždňami|mesiac|mesiace|mesiacov|mesiacoch|tedna|tedne|tednov|tednih|mesec|meseca|mesece|mesecev|"
      + "mesecih";

  /** Each enough on its own to make a message angry (weight {@link AngerSignal#STRONG}). */
  static final RuleSet STRONG = RuleSet.of(false,
      // weeks of waiting and still nothing, or without an answer
      WEEKS + " ...4 still|yet ..1 nothing|nowhere|no|not|haven|hasn|havent|hasnt|didn|isn|aren|don|doesn|won",
      WEEKS + " ..1 without|no ..2 answer|reply|response|word|news|update|refund|reaction",
      WEEKS + " ...4 pořád|porad|stále|furt|ještě|ani ..1 nic|nikde|nedorazil*|nepřišl*|nepřišel|nevrátil*|slovo|ťuk|"
          + "odpověď",
      WEEKS + " ..2 bez ..2 odpověd*|odpovede|reakce|reakcie|zprávy|správy|peněz|peňazí|informac*",
      WEEKS + " ...4 dalej|nadal|wciąż|ciągle|ani ..1 nic|nigdzie|brak|słowa|nie-ma",
      WEEKS + " ..2 bez ..2 odpowiedzi|reakcji|kontaktu|słowa|zwrotu",
      WEEKS + " ...4 stále|furt|ešte|ani ..1 nič|nikde|nedorazil*|neprišl*|neprišiel|nevrátil*|slovo|odpoveď",
      WEEKS + " ...4 še-vedno|zmeraj|niti ..1 nič|nikjer|ni|besede|odgovora",
      WEEKS + " ..2 brez ..2 odgovor*|odziva|sporočila|denarja",
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
      "how kind|nice|lovely|thoughtful|good|sweet of you ...6 finally|after|only",
      "jak|to ..1 milé|laskavé|hezké|pozorné ...6 konečně|konecne|až|po",
      "jak|ale ..1 miło|milo|uprzejmie|ładnie ...6 wreszcie|w-końcu|po|dopiero",
      "aké|ako|to ..1 milé|milo|láskavé|pekné ...6 konečne|až|po",
      "kako ..1 prijazno|lepo|ljubko ...6 končno|šele|po",
      "thank*|díky|děkuj*|dziękuj*|dzięki|dzieki|ďakuj*|vďaka|hvala ...8 only|just|jen|jenom|dopiero|tylko|iba|len|"
          + "samo|šele ..2 " + WEEKS,
      "thank*|díky|děkuj*|dziękuj*|dzięki|dzieki|ďakuj*|vďaka|hvala ...5 silence|ticho|cisz*|tišin*",
      "great|good|excellent|brilliant|wonderful|fantastic|amazing|nice ..1 job|work ...3 losing|breaking|ignoring|"
          + "ruining",
      "skvělá|výborná|super|perfektní ..1 práce ...4 ztratit|rozbít|ignorovat|zkazit",
      "świetna|wspaniała|super|brawo ..1 robota ...4 zgubić|zepsuć|zignorować",
      "skvelá|výborná|super|perfektná ..1 práca ...4 stratiť|pokaziť|ignorovať",
      "odlično|super|lepo ..1 delo ...4 izgubiti|pokvariti|ignorirati",
      "automat*|avtomat* ..2 reply|response|answer|odpověď|odpowiedź|odpoveď|odgovor ...4 instead|místo|misto|"
          + "zamiast|namiesto|namesto");

  /** Each needs a second sign (weight {@link AngerSignal#NEGATIVE}). */
  static final RuleSet NEGATIVE = RuleSet.of(false,
      "every|each time ...6 different|another ..1 story|answer|excuse|person",
      "pokaždé|pokazde|vždycky ...6 něco|neco ..1 jiného|jineho", "za każdym razem ...6 co|coś ..1 innego",
      "zakaždým|vždy ...6 niečo|nieco ..1 iné|ine", "vsakič|vsakokrat ...6 nekaj|kaj ..1 drugega",
      "nobody|no-one|noone ...3 reads|read|listens|bothers", "nikdo ...3 nečte|necte|neposlouchá|neposloucha",
      "nikt ...3 nie ..1 czyta|słucha|przeczyta", "nikto ...3 nečíta|necita|nepočúva|nepocuva",
      "nihče ...3 ne ..1 prebere|bere|posluša",
      "ani|niti ..1 slovo|slova|słowa|besede", "odpověď|odpoved|odpoveď|odgovora žádná|zadna|žiadna|ziadna|nobenega",
      "again|another|zase|znowu|znova|spet ..2 automat*|avtomat* ..1 reply|response|answer|odpověď|odpowiedź|odpoveď|"
          + "odgovor",
      "nie do wiary", "wstyd !mi|się|sie");

  private AngerFamilies() {}
}
