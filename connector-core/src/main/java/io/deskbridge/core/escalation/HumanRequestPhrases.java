package io.deskbridge.core.escalation;

import java.util.List;
import java.util.Map;

/**
 * The word lists and rule tables of {@link HumanRequestSignal} that ask for a person, per language (en, cs, pl, sk,
 * sl), in {@link PhraseRule} syntax: verbs of talking, putting through and calling with the people they reach
 * ({@link #TALK}), verbs of wanting with a person ({@link #WANT}), what a short message may name ({@link #NAMED}), the
 * set phrases ({@link #DEFAULT_PHRASES}), and what merely mentions a person ({@link #MENTIONS}). What is no request
 * whatever it names is in {@link HumanRequestExclusions}; the signal holds the logic that combines them. Immutable.
 */
final class HumanRequestPhrases {

  private HumanRequestPhrases() {
  }

  private static RuleSet rules(String... entries) {
    return RuleSet.of(true, entries);
  }

  private static final String EN_TALK = "talk|talking|speak|speaking|chat|chatting|reach|reaching|connect|"
      + "connecting|escalate|escalating|discuss|discussing|consult|consulting";
  /** People one contacts; "contact person" is a noun, so a person needs an article or an adjective. */
  private static final String EN_CONTACTED = "human|humans|agent|agents|operator|operators|representative|"
      + "representatives|rep|reps|someone|somebody|anyone|anybody|staff|employee|employees|assistant|advisor|"
      + "adviser|consultant|specialist|supervisor|manager|colleague|technician|boss|superior";
  /** The same people in the plural, for "one of your consultants". */
  private static final String EN_PLURALS = "humans|agents|operators|representatives|reps|employees|assistants|"
      + "advisors|advisers|consultants|specialists|supervisors|managers|colleagues|technicians|staff|superiors";
  /** People a customer may ask for, English; "agent", "someone" and the like only next to a verb of talking. */
  private static final String EN_PEOPLE = "person|" + EN_CONTACTED;
  /** Said of the past or of someone else ("I was talking to an agent yesterday"), not a request. */
  private static final String EN_NARRATED = "!was|were|yesterday|earlier|already|previously";

  /** Czech people in every case: "konzultant*" covers konzultanta, konzultantovi, konzultantem, konzultantce. */
  private static final String CS_PEOPLE = "člověkem|člověka|člověku|lidmi|někým|někoho|někomu|osobou|osobě|"
      + "pracovník*|pracovnic*|operátor*|konzultant*|poradc*|poradce|poradkyn*|kolega|kolegu|kolegovi|kolegou|kolegyn*|"
      + "technik*|vedoucí*|nadřízen*|specialist*|agent*|zástupc*|zástupce|zaměstnan*|manažer*|odborník*|šéf*|"
      + "vedením|vedení";
  /** Verbs of talking and reaching in the forms used to ask (infinitive, imperative), and their nouns. */
  private static final String CS_TALK = "mluvit|promluvit|hovořit|pohovořit|bavit|spojit|spojte|spoj|spojíte|"
      + "přepojit|přepojte|přepoj|přepojíte|přepojení|spojení|předat|předejte|předáte|přepošlete|kontaktovat|"
      + "kontaktujte|kontakt|kontaktu|komunikovat|dovolat|probrat|prodiskutovat|poradit|přesměrovat|přesměrujte|"
      + "konzultovat|zkonzultovat|eskalovat|eskalujte";

  private static final String PL_PEOPLE = "człowiekiem|człowieka|człowiekowi|kimś|kogoś|komuś|konsultant*|"
      + "pracownik*|pracownic*|osobą|osoby|osobie|operator*|doradc*|doradca|doradczyn*|agent*|specjalist*|przedstawiciel*|"
      + "kierownik*|kierowniczk*|koledze|kolegą|kolegi|kolegów|kolegom|koleżank*|menedżer*|menadżer*|przełożon*|szef*|"
      + "zwierzchnik*|kierownictw*";
  private static final String PL_TALK = "rozmawiać|porozmawiać|rozmawiac|mówić|pogadać|czatować|pisać|omówić|"
      + "skontaktować|kontaktować|połączyć|połącz|połączcie|przełączyć|przełącz|przełączcie|przekierować|"
      + "przekierujcie|przekierowanie|przekierowania|połączenie|połączenia|przełączenie|przełączenia|rozmowę|"
      + "rozmowy|rozmowa|kontakt|kontaktu|przekażcie|przekaż|przekazać|przedyskutować|obgadać|pomówić|"
      + "przełączony|przełączona|połączony|połączona|przekierowany|przekierowana|skontaktujcie|porozmawiałbym|"
      + "porozmawiałabym|rozmawiałbym|rozmawiałabym|pomówiłbym|pomówiłabym|konsultować|skonsultować|eskalować|"
      + "eskalujcie";

  private static final String SK_PEOPLE = "človekom|človeka|človeku|niekým|niekoho|niekomu|osobou|osobe|"
      + "pracovník*|pracovníčk*|operátor*|konzultant*|poradc*|poradca|poradkyn*|kolega|kolegu|kolegovi|kolegom|kolegov|kolegami|kolegyn*|"
      + "technik*|vedúc*|nadriaden*|špecialist*|agent*|zástupc*|zástupca|zamestnan*|manažér*|odborník*|šéf*|"
      + "vedením|vedenie|vedeniu";
  private static final String SK_TALK = "hovoriť|pohovoriť|rozprávať|porozprávať|spojiť|spojte|spojíte|prepojiť|"
      + "prepojte|prepoj|prepojíte|prepojenie|spojenie|odovzdajte|odovzdať|presmerujte|presmerovať|kontaktovať|"
      + "kontaktujte|kontakt|kontaktu|komunikovať|písať|dovolať|prebrať|prediskutovať|poradiť|konzultovať|"
      + "skonzultovať|eskalovať|eskalujte";

  private static final String SL_PEOPLE = "človekom|človeka|človeku|nekom|nekoga|nekomu|osebo|osebi|operater*|"
      + "operaterk*|svetoval*|agent*|zaposlen*|sodelav*|predstavnik*|tehnik*|strokovnjak*|vodj*|uslužben*|"
      + "specialist*|koleg*|nadrejen*|šef*|nadzornik*|vodstv*";
  private static final String SL_TALK = "govoriti|pogovoriti|pogovarjati|pogovorim|klepetati|povezati|povežite|"
      + "poveži|prevežite|prevezati|preveži|preusmeriti|preusmerite|preusmeritev|povezavo|predajte|predati|posredujte|kontaktirati|kontakt|"
      + "pogovor|dobiti|govorim|stik|povezat|predebatirati|prediskutirati|pretresti|posvetovati|posvetujem|"
      + "konzultirati|eskalirati|eskalirajte";

  /** A talk told of the past ("yesterday I talked with a consultant"), per language, as exclusions. */
  private static final String CS_PAST = " !včera|předtím|minule|mluvil|mluvila|mluvili|hovořil|hovořila|hovořili";
  private static final String PL_PAST = " !wczoraj|wcześniej|ostatnio|rozmawiałem|rozmawiałam|rozmawialiśmy|"
      + "rozmawiał|rozmawiała|mówiłem|mówiłam|mówił|mówiła";
  private static final String SK_PAST = " !včera|predtým|minule|hovoril|hovorila|hovorili|rozprával|rozprávala";
  private static final String SL_PAST = " !včeraj|prej|nazadnje|govoril|govorila|govorili|pogovarjal|pogovarjala";
  /**
   * The customer as the object of a call or a letter ("ať mi někdo zavolá", "niech ktoś do mnie zadzwoni", "naj me
   * nekdo pokliče"): without it someone calling or writing may be the warehouse ringing the courier.
   */
  private static final String CS_ME = "mi|mně|mne|mě|nám|nás";
  private static final String SK_ME = "mi|mne|ma|nám|nás";
  private static final String PL_ME = "mnie|mi|mną|nas|nam|nami";
  private static final String SL_ME = "me|mene|mi|meni|nas|nam|naju";
  /** Who is asked to call or write back, after the verb ("zavolá mi někdo", "zadzwoni ktoś"). */
  private static final String CS_CALLERS = "někdo|pracovník|pracovnice|konzultant|"
      + "konzultantka|operátor|operátorka|kolega|kolegyně|člověk|poradce|poradkyně|vedoucí|nadřízený|nadřízená|"
      + "technik|technička|specialista|specialistka|šéf|šéfová|manažer|manažerka|zaměstnanec|zaměstnankyně";
  private static final String PL_CALLERS = "ktoś|któryś|któraś|jakiś|jakaś|kolega|koleżanka|konsultant|konsultantka|pracownik|"
      + "pracownica|operator|operatorka|człowiek|doradca|doradczyni|kierownik|kierowniczka|przełożony|przełożona|"
      + "technik|specjalista|specjalistka|szef|szefowa|menedżer|menadżer";
  private static final String SK_CALLERS = "niekto|pracovník|pracovníčka|konzultant|"
      + "konzultantka|operátor|operátorka|kolega|kolegyňa|človek|poradca|poradkyňa|vedúci|vedúca|nadriadený|"
      + "nadriadená|technik|technička|špecialista|špecialistka|šéf|šéfová|manažér|manažérka|zamestnanec|zamestnankyňa";
  private static final String SL_CALLERS = "nekdo|kdo|kakšen|kakšna|operater|operaterka|svetovalec|svetovalka|"
      + "sodelavec|sodelavka|kolega|človek|vodja|nadrejeni|nadrejena|tehnik|tehnica|strokovnjak|strokovnjakinja|"
      + "specialist|specialistka|šef|šefica|uslužbenec|uslužbenka|zaposleni|zaposlena";
  /**
   * Verbs of calling the customer (fourteenth round: also colloquial ones, "brnkne", "przedzwoni", "cinkne"); a call
   * may be to a number ("zavolá na číslo …"), so unlike writing it needs no exclusion of documents.
   */
  private static final String CS_CALLS = "zavolá|zavolal|kontaktuje|brnkne|cinkne";
  private static final String PL_CALLS = "zadzwoni|skontaktuje|przedzwoni";
  private static final String SK_CALLS = "zavolá|zavolal|kontaktuje|cinkne|brnkne";
  private static final String SL_CALLS = "pokliče|poklical|kontaktira";
  /** Documents one writes for a customer ("napíše mi potvrzení"): writing them is no contact with a person. */
  private static final String DOCUMENTS = " !potvrzen*|potvrden*|potwierdzeni*|potrdil*|faktur*|faktúr*|doklad*|"
      + "účtenk*|uctenk*|paragon*|rachunek|rachunku|rachunki|račun|računa|računu|dobropis*|protokol*|smlouv*|zmluv*|"
      + "umow*|pogodb*|návod*|navod*|recenz*|adres*|číslo|cislo|numer*|kód|kódu|kod|kodu|hesl*|štítek|štítok|"
      + "etykiet*|nalepk*";

  /** "One of your people", per language, after a verb of talking, reaching or handing over. */
  private static final String CS_ONE_OF = "někter*|jedn*|kterým*|kterémukoli z|ze ..2 ";
  private static final String PL_ONE_OF = "któr*|jedn*|jakim*|jakieg* z|ze|spośród ..2 ";
  private static final String SK_ONE_OF = "niektor*|jedn*|ktorým*|ktorémukoľvek z|zo ..2 ";
  private static final String SL_ONE_OF = "kater*|en*|kom|koga|komu|nekom|nekoga|nekomu od|izmed|iz|z ..2 ";

  /** Nouns of a department or team that a customer asks to be put through or transferred to. */
  private static final String EN_DEPARTMENT = "department|dept|team|desk|division|unit";
  private static final String CS_DEPARTMENT = "oddělení|tým*|odbor*|linku|lince|podpor*|servis*|centr*";
  private static final String PL_DEPARTMENT = "dział*|zespoł*|zespół|departament*|obsług*|biur*|infolini*|support*";
  private static final String SK_DEPARTMENT = "oddeleni*|tím*|odbor*|linku|linke|podpor*|servis*|centr*";
  private static final String SL_DEPARTMENT = "oddel*|ekip*|služb*|podpor*|center|centrom|centra";

  static final RuleSet TALK = rules(
      // thirteenth round: escalate this to someone, a person who could get in touch (Polish), a person on the line
      // (Slovene), someone to the phone (Polish)
      "escalate|escalating ...4 to ..3 " + EN_PEOPLE + "|member|staff|team " + EN_NARRATED,
      // passed on: to a person, not to a team that packs or ships ("pass this to the warehouse team")
      "forward|pass|hand|refer this|it ..1 to ..3 " + EN_PEOPLE + "|member " + EN_NARRATED,
      PL_PEOPLE + "|ktoś ...3 mógłby|mogłaby|mógł|mogła ...6 oddzwonić|odezwać" + PL_PAST,
      PL_PEOPLE + "|ktoś ...3 mógłby|mogłaby|mógł|mogła ...6 " + PL_ME + " ...3 skontaktować|zadzwonić|odpisać"
          + PL_PAST,
      PL_PEOPLE + "|ktoś ...3 mógłby|mogłaby|mógł|mogła ...6 skontaktować|zadzwonić|odpisać ...3 " + PL_ME
          + PL_PAST,
      PL_PEOPLE + "|ktoś ...3 mógłby|mogłaby|mógł|mogła ...6 " + PL_ME + " ...3 napisać" + DOCUMENTS
          + PL_PAST.replace(" !", "|"),
      // fourteenth round: the verb before the person in a "so that" clause ("żeby odezwał się do mnie specjalista")
      "żeby|aby|by ...3 oddzwonił|oddzwoniła|odezwał|odezwała|zadzwonił|zadzwoniła|skontaktował|skontaktowała ...4 "
          + PL_CALLERS,
      "dobim|dobiti|dobil|dobila ...6 " + SL_PEOPLE + " !sim|kartic*|paket*|račun*|signal*" + SL_PAST.replace(" !", "|"),
      "poproszę|poprosze|proszę|prosze ...2 do ..1 telefonu ...3 " + PL_PEOPLE,
      "bi ...4 povezal|povezala ..2 z|s ...3 " + SL_PEOPLE + SL_PAST,
      // a person asked into the chat (seventh round)
      "get|bring|add|pull|invite|loop ..2 " + EN_PEOPLE + " ...3 chat|conversation|line",
      EN_PEOPLE + " ..2 join|joins|joining|to-join ..2 chat|conversation",
      "chat*|konverzac*|linku ...4 dostat|přivést|připojit|přizvat|sehnat|pustit|přijít|přišel|přišla|připojil*"
          + " ...3 " + CS_PEOPLE + "|člověk|operátor|operátorka|někdo",
      "dostat|přivést|připojit|přizvat|sehnat|pustit ...3 " + CS_PEOPLE + " ...4 chat*|konverzac*",
      "czat*|chat*|rozmow*|tutaj ...4 ściągnąć|przyprowadzić|dołączyć|podłączyć|zaprosić|wpuścić|dostać|przyszedł|"
          + "przyszła|dołączył* ...3 " + PL_PEOPLE + "|człowiek|ktoś|konsultant|pracownik",
      "ściągnąć|przyprowadzić|dołączyć|podłączyć|zaprosić|wpuścić ...3 " + PL_PEOPLE + " ...4 czat*|chat*|rozmow*",
      "chat*|konverzáci*|linku ...4 dostať|priviesť|pripojiť|prizvať|zohnať|pustiť|prísť|prišiel|prišla|pripojil*"
          + " ...3 " + SK_PEOPLE + "|človek|operátor|operátorka|niekto",
      "dostať|priviesť|pripojiť|prizvať|zohnať|pustiť ...3 " + SK_PEOPLE + " ...4 chat*|konverzáci*",
      "klepet*|pogovor*|chat* ...4 prišel|prišla|priti|pridružil*|pridruži|vključil*|vstopil*|pripeljati|"
          + "pripeljite|dobiti|dobim|povabiti|povabite ...3 " + SL_PEOPLE + "|človek|oseba|nekdo|operater|operaterka",
      "pripeljati|pripeljite|povabiti|povabite|vključiti|vključite ...3 " + SL_PEOPLE + " ...4 klepet*|pogovor*|chat*",
      // someone asked to call, the verb after "so that" (Polish)
      "żeby|aby|by ...4 ktoś|któryś|któraś|konsultant|konsultantka|pracownik|pracownica|człowiek ...6 oddzwonił|"
          + "oddzwoniła|odezwał|odezwała",
      "żeby|aby|by ...4 ktoś|któryś|któraś|konsultant|konsultantka|pracownik|pracownica|człowiek ...6 " + PL_ME
          + " ...3 zadzwonił|zadzwoniła|skontaktował|skontaktowała|odpisał|odpisała",
      "żeby|aby|by ...4 ktoś|któryś|któraś|konsultant|konsultantka|pracownik|pracownica|człowiek ...6 zadzwonił|"
          + "zadzwoniła|skontaktował|skontaktowała|odpisał|odpisała ...3 " + PL_ME,
      // a case forwarded to a person
      "forward|pass|hand|transfer|escalate|refer ..3 case|ticket|issue|matter|request|query|complaint|problem ...2 to "
          + "..3 " + EN_PEOPLE + "|" + EN_PLURALS + " " + EN_NARRATED,
      // one of your people, in the Slavic languages
      CS_TALK + "|přepošlete|přeposlat|obrátit ...4 " + CS_ONE_OF + CS_PEOPLE,
      PL_TALK + "|prześlijcie|przesłać ...4 " + PL_ONE_OF + PL_PEOPLE,
      SK_TALK + "|prepošlite|preposlať|postúpte|postúpiť ...4 " + SK_ONE_OF + SK_PEOPLE,
      SL_TALK + "|stopiti|stopil*|obrniti ...4 " + SL_ONE_OF + SL_PEOPLE,
      "bych|bychom ...4 mluvil*|hovořil*|promluvil*|probral*|bavil* ..2 s|se " + CS_ONE_OF + CS_PEOPLE,
      "by ...4 hovoril*|prebral*|rozprával*|porozprával* ..2 s|so " + SK_ONE_OF + SK_PEOPLE,
      "bi ...4 govoril*|pogovoril*|pogovarjal* ..2 z|s " + SL_ONE_OF + SL_PEOPLE,
      // a call asked for as a noun: "a phone call from someone"
      "get|have|request|like|want|need|arrange|book ...3 call|callback|phone-call|ring ..1 from|by .. "
          + EN_PEOPLE + "|member " + EN_NARRATED,
      "poprosím|prosím|chci|chtěl*|potřebuj*|můžu|mohu|mohl*|dostat ...4 telefonát|zavolání|hovor ..2 od ..2 "
          + CS_PEOPLE + CS_PAST,
      "poproszę|proszę|chcę|chciał*|potrzebuję|mogę|można|dostać ...4 telefon|telefonu|kontakt ..2 od ..2 "
          + PL_PEOPLE + PL_PAST,
      "poprosím|prosím|chcem|chcel*|potrebujem|môžem|mohol|mohla|dostať ...4 telefonát|zavolanie|hovor ..2 od ..2 "
          + SK_PEOPLE + SK_PAST,
      "prosim|želim|rad|rada|lahko|potrebujem|dobim|dobiti ...4 klic|klica ...3 " + SL_PEOPLE + "|koga|kogarkoli"
          + SL_PAST,
      // someone to the phone
      "dejte|dajte|zavolejte|zavolajte|pusťte|sežeňte|zožeňte ...3 k|ku telefonu ..2 " + CS_PEOPLE + "|" + SK_PEOPLE,
      "dajte|dobite|pokličite|poiščite ...3 na telefon|linijo ..2 " + SL_PEOPLE,
      "get|put ..3 " + EN_PEOPLE + " on the phone|line " + EN_NARRATED,
      // put through or transferred to a department
      "transfer|redirect|forward|put|switch|pass me|us ...3 to|through-to .. " + EN_DEPARTMENT + " " + EN_NARRATED,
      "be transferred|redirected|forwarded|connected|put-through to .. " + EN_DEPARTMENT + " " + EN_NARRATED,
      "přepojit|přepojte|přepoj|přepojíte|přepojil*|přesměrovat|přesměrujte ..2 na|do ...3 " + CS_DEPARTMENT + CS_PAST,
      "předat|předejte|spojit|spojte mě|mne|nás ..1 na|do|s|se ...3 " + CS_DEPARTMENT + CS_PAST,
      "przełączyć|przełącz|przełączcie|przełączyli*|przekierować|przekierujcie ..2 do|na ...3 " + PL_DEPARTMENT + PL_PAST,
      "przekazać|przekażcie|połączyć|połączcie mnie|nas ..1 do|z|ze|na ...3 " + PL_DEPARTMENT + PL_PAST,
      "prepojiť|prepojte|prepoj|prepojili|presmerovať|presmerujte ..2 na|do ...3 " + SK_DEPARTMENT + SK_PAST,
      "odovzdať|odovzdajte|spojiť|spojte ma|mňa|nás ..1 na|do|s|so ...3 " + SK_DEPARTMENT + SK_PAST,
      "preusmeriti|preusmerite|preusmerili|prevezati|prevežite ..2 na|v ...3 " + SL_DEPARTMENT + SL_PAST,
      "povezati|povežite|povezali|predati|predajte me|nas ..1 na|v|z|s ...3 " + SL_DEPARTMENT + SL_PAST,
      // fourteenth round: colloquial verbs of moving the customer on ("hoďte mě na kolegu", "przerzućcie mnie do
      // kogoś", "presuňte ma ku konzultantovi", "vrzite me na sodelavca")
      "hoď|hoďte|hodit|hodíte|přehoď|přehoďte|přehodit|přesuň|přesuňte|přesunout mě|mne|nás ..1 na|k|ke ...3 "
          + CS_PEOPLE + "|" + CS_DEPARTMENT + CS_PAST,
      "przerzuć|przerzućcie|przerzucić|skieruj|skierujcie|skierować mnie|nas ..1 do|na ...4 " + PL_PEOPLE + "|"
          + PL_DEPARTMENT + PL_PAST,
      "hoď|hoďte|hodiť|prehoď|prehoďte|prehodiť|presuň|presuňte|presunúť|nasmerujte|nasmerovať ma|mňa|nás ..1 "
          + "na|k|ku ...3 " + SK_PEOPLE + "|" + SK_DEPARTMENT + SK_PAST,
      "vrzi|vrzite|vreči|prestavi|prestavite|prestaviti|usmeri|usmerite|usmeriti me|nas ..1 na|k|h|do ...3 "
          + SL_PEOPLE + "|" + SL_DEPARTMENT + SL_PAST,
      // tenth round: asked in the passive or as a noun ("be put in touch with", "transferred to live support",
      // "połączenie z działem obsługi", "hovor s pracovníkem"), someone to call "so that" (Czech, Slovak), a person
      // to deal with it, wanting to get connected oneself (Polish, Slovene)
      "be|being|get|getting put|brought in touch with .. " + EN_PEOPLE + " " + EN_NARRATED,
      "transferred|connected|switched|routed|put-through|passed to|through-to ..2 live|human|real|actual|personal "
          + "support|help|agent|person|assistance|chat " + EN_NARRATED,
      "have|let|get a|an|some|one|real|actual|live person|human|agent|operator|representative ..2 deal|handle|"
          + "look|sort|take|check|review " + EN_NARRATED,
      EN_PEOPLE + " ...5 take|takes|taking over from|here|this|it",
      "aby|ať ...3 zavolal|zavolala|ozval|ozvala|kontaktoval|kontaktovala|napsal|napsala ...3 " + CS_PEOPLE
          + "|někdo|konzultant|operátor|pracovník|technik|poradce|člověk",
      "zprostředkujete|zprostředkovat|zprostředkujte|zařídit|zařiďte|domluvit|domluvte|chci|potřebuji|potřebuju|"
          + "prosím|poprosím|prosil*|chtěl* ...3 hovor|rozhovor|telefonát|schůzku ..2 s|se ..2 " + CS_PEOPLE + CS_PAST,
      "aby|nech ...3 zavolal|zavolala|ozval|ozvala|kontaktoval|kontaktovala|napísal|napísala ...3 " + SK_PEOPLE
          + "|niekto|konzultant|operátor|pracovník|technik|poradca|človek",
      "sprostredkujete|sprostredkovať|sprostredkujte|zariadiť|zariaďte|dohodnúť|chcem|potrebujem|prosím|poprosím|"
          + "prosil*|chcel* ...3 hovor|rozhovor|telefonát|stretnutie ..2 s|so ..2 " + SK_PEOPLE + SK_PAST,
      "połączenie|połączenia|przełączenie|przekierowanie|połączyć|połączony|połączona|przełączony|przełączona|"
          + "przekierowany|przekierowana ..2 z|ze|do ...3 " + PL_DEPARTMENT + PL_PAST,
      "potrzebuję|potrzebuje|chcę|chce|poproszę|wolę|wolałbym|wolałabym ..1 pomocy|pomoc ..1 człowieka|żywego|"
          + "konsultanta|konsultantki|pracownika|pracownicy|operatora",
      "moram|želim|hočem|potrebujem|rabim|rad|rada|bi ...3 povezati|povezal|povezala ..2 z|s ...3 "
          + SL_DEPARTMENT + SL_PAST,
      // going over it with someone
      "go|going|talk|run over|through ...3 with .. someone|somebody|" + EN_CONTACTED + " " + EN_NARRATED,
      EN_TALK + " .. " + EN_PEOPLE + " " + EN_NARRATED,
      "contact|contacting .. " + EN_CONTACTED + " " + EN_NARRATED,
      "contact|contacting ..2 a|another|real|live|actual|human person " + EN_NARRATED,
      "transfer|transferring|redirect|forward|pass me|us .. " + EN_PEOPLE,
      "get|getting|be in touch with .. " + EN_PEOPLE + " " + EN_NARRATED,
      "put|putting me through to .. " + EN_PEOPLE,
      "pass|passing|hand|handing|put|putting|transfer|transferring|switch|switching|bump|kick|move|shift me|us on|over|"
          + "through|up to .. "
          + EN_PEOPLE,
      "put|putting|get|getting|keep me|us in touch with .. " + EN_PEOPLE,
      "contact|contacts|connection|transfer with|to .. " + EN_CONTACTED + " " + EN_NARRATED,
      EN_PEOPLE + " ..2 take|takes|taking over",
      "help|assistance|support from .. human*|person|agent*|operator*|someone|somebody|representative*",
      EN_PEOPLE + "|" + EN_PLURALS + " ...5 call|contact|phone|ring|email|text me|us|back",
      // fourteenth round: "ask a technician to give me a ring", "someone in your office I can talk to"
      EN_PEOPLE + "|" + EN_PLURALS + " ...5 give|gimme me|us a call|ring|buzz|callback|bell " + EN_NARRATED,
      EN_PEOPLE + " ...4 i|we can|could|may talk|speak|chat " + EN_NARRATED,
      EN_TALK + "|transfer|transferring|pass|hand|put|get|contact ..2 one|any|some|either of .. " + EN_PLURALS + " "
          + EN_NARRATED,
      "give|gimme me|us a call|ring back", "give|gimme me|us a callback", "call|ring|phone me|us back !said|says|promised|told",
      CS_TALK + " .. " + CS_PEOPLE,
      CS_TALK + " ..2 na|k|ke ...3 " + CS_PEOPLE,
      "bych|bychom ...4 mluvil*|hovořil*|promluvil*|probral*|bavil* ..2 s|se ..2 " + CS_PEOPLE,
      "převzít|převezme|převzal ...3 " + CS_PEOPLE + "|člověk|někdo|operátor|operátorka",
      // someone who gets in touch; one who calls or writes, only to the customer and not writing a document
      CS_CALLERS + " ...6 ozve|ozval|odepíše|odpíše",
      CS_CALLERS + " ...4 " + CS_ME + " ..2 " + CS_CALLS,
      CS_CALLERS + " ...4 " + CS_ME + " ..2 napíše" + DOCUMENTS,
      CS_ME + " ..2 " + CS_CALLERS + " ...4 " + CS_CALLS,
      CS_ME + " ..2 " + CS_CALLERS + " ...4 napíše" + DOCUMENTS,
      CS_PEOPLE + "|člověk|někdo|osoba ...3 s|se kterým|kterou|kým|nímž|níž ...4 bych|bychom|mohl*|můžu|mohu|lze|šlo",
      CS_PEOPLE + "|člověk|někdo ...4 převzít|převezme",
      "zavolejte|zavolej|brnkněte|brnkni|cinkněte|cinkni mi|mně|zpět|zpátky", "ozvěte|ozvi se mi|mně",
      "ozve|ozvat|odepíše|odpíše ..3 " + CS_CALLERS,
      CS_CALLS + "|zavolat|kontaktovat|brnknout ..1 " + CS_ME + " ..2 " + CS_CALLERS,
      "napíše ..1 " + CS_ME + " ..2 " + CS_CALLERS + DOCUMENTS,
      CS_ME + " ..1 " + CS_CALLS + "|zavolat|kontaktovat|brnknout ..2 " + CS_CALLERS,
      CS_ME + " ..1 napíše ..2 " + CS_CALLERS + DOCUMENTS,
      CS_PEOPLE + " ..2 " + CS_TALK,
      PL_TALK + " ..2 z|ze .. " + PL_PEOPLE,
      PL_TALK + " .. " + PL_PEOPLE,
      PL_TALK + " ..2 z|ze|do|na ...3 " + PL_PEOPLE,
      "przejąć|przejmie ...3 " + PL_PEOPLE + "|człowiek|ktoś|konsultant|pracownik",
      PL_CALLERS + " ...6 oddzwoni|odezwie",
      PL_CALLERS + " ...6 " + PL_ME + " ...3 " + PL_CALLS,
      PL_CALLERS + " ...6 " + PL_CALLS + " ...3 " + PL_ME,
      PL_CALLERS + " ...6 " + PL_ME + " ...3 napisze|odpisze" + DOCUMENTS,
      PL_CALLERS + " ...6 napisze|odpisze ...3 " + PL_ME + DOCUMENTS,
      PL_PEOPLE + "|człowiek|ktoś|osoba|konsultant|pracownik ...3 z kim|którym|którą ...4 mogę|mógłbym|mogłabym|"
          + "moglibyśmy|można|da",
      PL_PEOPLE + "|człowiek|ktoś|któryś|któraś ...4 przejąć|przejmie|przejąłby|przejęłaby",
      "oddzwońcie|zadzwońcie|przedzwońcie|oddzwoń|zadzwoń|przedzwoń do mnie",
      "oddzwoni|odezwie|oddzwonić|odezwać ..4 " + PL_CALLERS,
      PL_CALLS + "|zadzwonić|przedzwonić ..1 " + PL_ME + " ..3 " + PL_CALLERS,
      PL_ME + " ..1 " + PL_CALLS + "|zadzwonić|przedzwonić ..3 " + PL_CALLERS,
      "napisze|napisać|odpisze ..1 " + PL_ME + " ..3 " + PL_CALLERS + DOCUMENTS,
      PL_ME + " ..1 napisze|napisać|odpisze ..3 " + PL_CALLERS + DOCUMENTS,
      PL_PEOPLE + " ..2 " + PL_TALK,
      SK_TALK + " .. " + SK_PEOPLE,
      SK_TALK + " ..2 na|k|ku ...3 " + SK_PEOPLE,
      "by ...4 hovoril*|prebral*|rozprával*|porozprával* ..2 s|so ..2 " + SK_PEOPLE,
      "prevziať|prevezme ...3 " + SK_PEOPLE + "|človek|niekto|operátor|operátorka",
      SK_CALLERS + " ...6 ozve|ozval|odpíše",
      SK_CALLERS + " ...4 " + SK_ME + " ..2 " + SK_CALLS,
      SK_CALLERS + " ...4 " + SK_ME + " ..2 napíše" + DOCUMENTS,
      SK_ME + " ..2 " + SK_CALLERS + " ...4 " + SK_CALLS,
      SK_ME + " ..2 " + SK_CALLERS + " ...4 napíše" + DOCUMENTS,
      SK_PEOPLE + "|človek|niekto|osoba ...3 s|so ktorým|ktorou|kým ...4 by|môžem|mohol|mohla|dá|možno",
      SK_PEOPLE + "|človek|niekto ...4 prevziať|prevezme",
      "zavolajte|zavolaj|cinknite|cinkni|brnknite|brnkni mi|späť", "ozvite|ozvi sa mi",
      "ozve|ozvať|odpíše ..3 " + SK_CALLERS,
      SK_CALLS + "|zavolať|kontaktovať|cinknúť ..1 " + SK_ME + " ..2 " + SK_CALLERS,
      "napíše ..1 " + SK_ME + " ..2 " + SK_CALLERS + DOCUMENTS,
      SK_ME + " ..1 " + SK_CALLS + "|zavolať|kontaktovať|cinknúť ..2 " + SK_CALLERS,
      SK_ME + " ..1 napíše ..2 " + SK_CALLERS + DOCUMENTS,
      SK_PEOPLE + " ..2 " + SK_TALK,
      SL_TALK + " ..2 z|s|do .. " + SL_PEOPLE,
      SL_TALK + " .. " + SL_PEOPLE,
      SL_TALK + " ..2 z|s|do|na|k|h ...3 " + SL_PEOPLE,
      "bi ...4 govoril*|pogovoril*|pogovarjal*|predebatiral*|prediskutiral*|pretresel*|pretresl*|posvetoval* ..2 "
          + "z|s ..2 "
          + SL_PEOPLE + "|kom|kakšnim|kakšno|katerim",
      "prevzame|prevzeti ...3 " + SL_PEOPLE + "|človek|nekdo|operater|operaterka",
      SL_CALLERS + " ...6 oglasi|javi|odpiše",
      SL_CALLERS + " ...4 " + SL_ME + " ..2 " + SL_CALLS,
      SL_CALLERS + " ...4 " + SL_ME + " ..2 napiše" + DOCUMENTS,
      SL_ME + " ..2 " + SL_CALLERS + " ...4 " + SL_CALLS,
      SL_ME + " ..2 " + SL_CALLERS + " ...4 napiše" + DOCUMENTS,
      "naj ...3 kdo|nekdo ...6 oglasi|javi|odpiše",
      "naj ..2 pokliče|kontaktira ..3 " + SL_CALLERS,
      "naj ...3 " + SL_ME + " ..2 kdo|nekdo ...6 pokliče|kontaktira",
      "naj ...3 kdo|nekdo ...4 " + SL_ME + " ..2 pokliče|kontaktira",
      "naj ...3 " + SL_ME + " ..2 kdo|nekdo ...6 napiše" + DOCUMENTS,
      "naj ...3 kdo|nekdo ...4 " + SL_ME + " ..2 napiše" + DOCUMENTS,
      // fourteenth round: the person after the verb in a "da" clause ("uredite, da me pokliče tehnik")
      "da ...3 " + SL_CALLS + "|oglasi|javi ...3 " + SL_CALLERS,
      SL_PEOPLE + "|človek|nekdo|oseba ...3 s|z katerim|katero|kom ...4 bi|lahko|morem",
      "bi ...4 " + SL_PEOPLE + "|kdo|nekdo ...4 prevzel|prevzela|prevzeli|prevzeti !paket*|pošiljk*|blag*|naročil*",
      "bi ...4 prevzel|prevzela|prevzeli|prevzeti ...3 " + SL_PEOPLE + "|kdo|nekdo !paket*|pošiljk*|blag*|naročil*",
      "kontakt|kontakta|stik|povezavo|povežite|poveži|preusmerite|govoriti|pogovoriti|pogovor s|z kom|kakšnim|"
          + "kakšno|nekom",
      "pokličite|pokliči me|nazaj",
      "oglasi|javi|odpiše ..3 " + SL_CALLERS,
      SL_CALLS + "|poklicati ..1 " + SL_ME + " ..2 " + SL_CALLERS,
      "napiše ..1 " + SL_ME + " ..2 " + SL_CALLERS + DOCUMENTS,
      SL_ME + " ..1 " + SL_CALLS + "|poklicati ..2 " + SL_CALLERS,
      SL_ME + " ..1 napiše ..2 " + SL_CALLERS + DOCUMENTS,
      SL_PEOPLE + " ..2 " + SL_TALK,
      // eighteenth round: informal spellings ("put me thru", "talk w someone"), "find me a human", being passed or
      // transferred to a person, a call-back asked for as a noun, someone of the shop who will get in touch
      "put|putting|get|getting|patch|pass me|us thru ..1 to .. " + EN_PEOPLE,
      EN_TALK + " ..1 w|wit " + EN_PEOPLE + " " + EN_NARRATED,
      "find|fetch|grab|get me|us a|an|some|any|real|live|actual human|humans|person|operator|agent|representative|rep|"
          + "someone|somebody|consultant|advisor|adviser",
      "be|being|get|getting transferred|handed|passed|connected|switched|referred|escalated ...2 "
          + "to ..2 " + EN_PEOPLE + " " + EN_NARRATED,
      "like|want|need|request|requesting|arrange|book|schedule|get|have|order ...3 callback|call-back|return-call "
          + EN_NARRATED + "|number|url|uri|webhook*|api|endpoint*|function|handler",
      "someone|somebody|anyone|anybody|one-of-you|one-of-your|" + EN_CONTACTED + " ...5 get|be|getting in touch " + EN_NARRATED
          + "|courier*|carrier|driver|warehouse|my|our",
      "najděte|najdi|najít|sežeňte|sežeň|sehnat mi|nám ...2 člověka|operátor*|konzultant*|poradc*|poradkyn*|"
          + "pracovník*|pracovnic*|živého|vedoucího",
      "znajdźcie|znajdź|znaleźć|załatwcie|załatw mi|nam ...2 człowieka|operator*|konsultant*|doradc*|pracownik*|"
          + "żywego|kierownika",
      "nájdite|nájdi|nájsť|zožeňte|zožeň|zohnať mi|nám ...2 človeka|operátor*|konzultant*|poradc*|pracovník*|"
          + "živého|vedúceho",
      "poiščite|poišči|poiskati|priskrbite mi|nam ...2 človeka|operater*|svetoval*|uslužben*|živega|vodjo",
      "přepojen|přepojena|přepojeni|předán|předána|přesměrován|přesměrována ..2 na|s|se|k|ke ...3 "
          + CS_PEOPLE + " !jsem|jsme|jste|byla|bylo|byli|oddělení|" + CS_PAST.substring(2),
      "prepojený|prepojená|prepojení|odovzdaný|odovzdaná|presmerovaný|presmerovaná ..2 na|s|so|k|ku "
          + "...3 " + SK_PEOPLE + " !bol|bola|boli|bolo|oddelenie|oddelení|" + SK_PAST.substring(2),
      "preusmerjen|preusmerjena|povezan|povezana|predan|predana|prevezan|prevezana ..2 na|z|s|k|h ...3 " + SL_PEOPLE
          + " !sem|smo|je|so|" + SL_PAST.substring(2),
      "prosím|poprosím|žádám|požádám|požádat|chci|chtěl*|potřebuj*|objednat|domluvit ...3 zpětn*|telefonick* ..1 "
          + "zavolání|volání|hovor|telefonát|kontakt" + CS_PAST,
      "prosím|poprosím|prosíme|žádám|žádáme|požádám o zavolání|telefonát" + CS_PAST,
      "proszę|poproszę|prosić|prosiłbym|prosiłabym|prosimy|chcę|chciał*|potrzebuję ...3 oddzwonienie|"
          + "telefon-zwrotny|zwrotny-telefon|kontakt-telefoniczny|telefoniczny-kontakt|połączenie-zwrotne" + PL_PAST,
      "prosím|poprosím|žiadam|požiadam|požiadať|chcem|chcel*|potrebujem ...3 spätn*|telefonick* ..1 zavolanie|"
          + "volanie|hovor|telefonát|kontakt" + SK_PAST,
      "prosím|poprosím|prosíme|žiadam|žiadame|požiadam o zavolanie|telefonát" + SK_PAST,
      "prosim|prosimo|želim|želimo|rad|rada|lahko|potrebujem|dobim|dobiti|naročiti|naročam ...3 povratn* ..1 "
          + "klic|klica|telefon" + SL_PAST,
      "prosim|prosimo za klic|povratni-klic" + SL_PAST,
      CS_ME + " ..2 " + CS_CALLERS + " ...4 volat|telefonovat !mám|máme|mam|mame",
      CS_CALLERS + " ...4 " + CS_ME + " ..2 volat|telefonovat",
      SK_ME + " ..2 " + SK_CALLERS + " ...4 volať|telefonovať !mám|máme|mam|mame",
      SK_CALLERS + " ...4 " + SK_ME + " ..2 volať|telefonovať",
      SL_ME + " ..2 " + SL_CALLERS + " ...4 oglasil|oglasila|javil|javila",
      SL_CALLERS + " ...4 " + SL_ME + " ..2 oglasil|oglasila|javil|javila");

  /** Any word that a request for a person holds: people, services, verbs of talking and connecting. */
  static final RuleSet MENTIONS = rules(
      EN_PEOPLE + "|" + EN_PLURALS + "|" + EN_TALK + "|" + EN_DEPARTMENT + "|person*|people|support|service|care|"
          + "helpdesk|transfer*|put|pass|hand|route|switch*|call*|ring|phone|contact*|touch|live|real",
      CS_PEOPLE + "|" + CS_TALK + "|" + CS_DEPARTMENT + "|člověk|osoba|lidé|lidi|lidí|někdo|živ*|zavol*|ozv*|"
          + "telefon*|hovor*|převz*|chat*|obsluh*|zákaznick*",
      PL_PEOPLE + "|" + PL_TALK + "|" + PL_DEPARTMENT + "|człowiek|osoba|ludzi*|ktoś|żyw*|zadzwon*|oddzwon*|odezw*|"
          + "telefon*|przej*|czat*|chat*|przełącz*|połącz*|przekier*|klient*",
      SK_PEOPLE + "|" + SK_TALK + "|" + SK_DEPARTMENT + "|človek|osoba|ľudia|ľudí|niekto|živ*|zavol*|ozv*|telefon*|"
          + "hovor*|prevz*|chat*|obsluh*|zákaznick*",
      SL_PEOPLE + "|" + SL_TALK + "|" + SL_DEPARTMENT + "|človek|oseba|ljud*|nekdo|kdo|živ*|poklič*|oglas*|telefon*|"
          + "klic*|prevz*|klepet*|strank*|prodajal*|delav*|posvet*");

  private static final String EN_HUMAN = "human|humans|operator|representative|rep|supervisor|manager|boss";

  /** Superiors asked for by name of their rank ("Dejte mi vedoucího", "Dajcie mi kierownika"), fourteenth round. */
  private static final String CS_SUPERIORS = "vedoucího|nadřízeného|nadřízenou|šéfa|šéfovou|manažera|manažerku";
  private static final String PL_SUPERIORS = "kierownika|kierowniczkę|przełożonego|przełożoną|szefa|szefową|"
      + "menedżera|menadżera";
  private static final String SK_SUPERIORS = "vedúceho|vedúcu|nadriadeného|nadriadenú|šéfa|šéfovú|manažéra|"
      + "manažérku";
  private static final String SL_SUPERIORS = "vodjo|nadrejenega|nadrejeno|šefa|šefico|direktorja|menedžerja";

  /** Changing one's mobile operator ("Chci změnit operátora"), not asking for one. */
  private static final String OPERATOR_CHANGE = " !změnit|změna|zmienić|zmiana|zmeniť|zmena|zamenjati|zamenjava|"
      + "menjati|sim|mobiln*|komórkow*|síť|sieť|sieć|omrežj*|tarif*|přejít|przejść|prejsť|preiti|paušál*|přenést|"
      + "převést|przenieść|preniesť|previesť|prenesti|port|porting|jiného|jinému|innego|innemu|iného|inému|drugega|"
      + "drugemu";

  /** Unambiguous words for a person after a verb of wanting; nominatives such as "člověk" also mean "one". */
  static final RuleSet WANT = rules(
      "want|wanna|need|prefer|get|give|request|requesting|require|demand ..3 " + EN_HUMAN,
      "d|would like ..3 " + EN_HUMAN,
      "chci|chtěl*|potřebuj*|dejte|přeji ..3 člověka|operátor*|operátork*|konzultant*|živého|" + CS_SUPERIORS
          + OPERATOR_CHANGE,
      "chcę|chciał*|potrzebuję|poproszę|proszę-o|dajcie|daj ..3 człowieka|konsultant*|operator*|żywego|"
          + PL_SUPERIORS + OPERATOR_CHANGE,
      "chcem|chcel*|potrebujem|dajte ..3 človeka|operátor*|operátork*|konzultant*|živého|" + SK_SUPERIORS
          + OPERATOR_CHANGE,
      "želim|hočem|rabim|potrebujem|prosim|dajte ..3 človeka|operater*|operaterk*|svetoval*|živega|"
          + SL_SUPERIORS + OPERATOR_CHANGE);

  /** What a short message may name. */
  static final RuleSet NAMED = rules(
      "human|humans|operator|agent|representative|rep", "člověka|člověkem|operátor*|konzultant*" + OPERATOR_CHANGE,
      "człowieka|człowiekiem|konsultant*|operator*" + OPERATOR_CHANGE,
      "človeka|človekom|operátor*|konzultant*" + OPERATOR_CHANGE, "človeka|človekom|operater*|svetoval*"
          + OPERATOR_CHANGE);

  static final Map<String, List<String>> DEFAULT_PHRASES = Map.of(
      "en", List.of("real|actual|live|human person|human|agent|operator|representative|employee|staff|consultant|"
          + "advisor|specialist|being " + EN_NARRATED + "|helped|last",
          "someone|somebody real|alive " + EN_NARRATED,
          "customer service|support representative|agent|advisor",
          "support|service agent"),
      "cs", List.of("živ* člověk*|osob*|operátor*|pracovník*|pracovnic*|zaměstnan*|konzultant*|bytost*",
          "skutečn*|reáln* člověk*|osob*|pracovník*|zaměstnan*|konzultant*|bytost*", "s člověkem" + CS_PAST,
          "někoho|někomu|někým skutečn*|živ*|opravdov*" + CS_PAST, "někdo živý|živá|skutečný|opravdový" + CS_PAST,
          "chci člověka", "ne s robotem", "ne s botem", "ne robota", "s|se někým|nikým živým" + CS_PAST),
      "pl", List.of("żyw* człowiek*|osob*|konsultant*|pracownik*|pracownic*|istot*",
          "prawdziw* człowiek*|osob*|konsultant*|pracownik*", "kogoś|komuś|kimś prawdziw*|żyw*" + PL_PAST,
          "ktoś żywy", 
          "z człowiekiem" + PL_PAST, "z konsultantem" + PL_PAST, "z konsultantką" + PL_PAST, "nie z botem",
          "z kimś żywym" + PL_PAST),
      "sk", List.of("živ* človek*|osob*|operátor*|pracovník*|pracovníčk*|zamestnan*|konzultant*|bytos*",
          "skutočn*|reáln* človek*|osob*|pracovník*|zamestnan*|konzultant*|bytos*", "s človekom" + SK_PAST,
          "niekoho|niekomu|niekým skutočn*|živ*|naozajstn*" + SK_PAST, "niekto živý|živá|skutočný" + SK_PAST,
          "chcem človeka", "nie s robotom", "nie s botom", "s|so niekým|nikým živým" + SK_PAST),
      "sl", List.of("živ* človek*|oseb*|operater*|uslužben*|zaposlen*|svetoval*|sodelav*|bitj*",
          "resnič*|prav* človek*|oseb*", "resnič* uslužben*|zaposlen*|svetoval*|sodelav*|bitj*",
          "nekoga|nekomu|nekom resnič*|živ*" + SL_PAST, "kdo|nekdo živ|resničen" + SL_PAST, "s človekom" + SL_PAST,
          "z človekom" + SL_PAST, "z operaterjem" + SL_PAST, "z agentom" + SL_PAST, "ne z robotom",
          "s|z kom|nekom živim" + SL_PAST));
}
