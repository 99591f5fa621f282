package io.deskbridge.core.escalation;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Requests for a person ({@link HumanRequestSignal}) recognised by their verb, whoever is named: the twenty-fifth
 * round's forms of asking that need no word for a person because the verb already means one, and the twenty-sixth
 * round's further forms, all in {@link #RULES}. In English, Czech, Polish, Slovak and Slovene, in {@link PhraseRule}
 * syntax (accents optional). The twenty-fifth round:
 *
 * <ul>
 *   <li>being put through, with the customer as the object and whoever at the end ("connect me w a rep", "přepojte
 *       mě na bankéře", "viete ma prepojiť na recepciu", "Môžete ma s ním spojiť?", "Me lahko povežete z njo?"), or
 *       someone asked to the phone ("czy mogę prosić do telefonu farmaceutę");
 *   <li>being called back, asked for by whoever should call: an imperative ("zavolejte mi", "pokličite me"), "please"
 *       or a modal question with its subject ("could your dispatcher call me", "Může mi někdo zavolat?", "Môže mi
 *       niekto od vás zavolať?"), a conditional ("zavolal by mi náš obchodník", "Bi me lahko poklical vodnik?"), a
 *       wish for a third person ("niech zadzwoni do mnie agent", "naj me pokliče oseba", "have them contact me"), or
 *       a call or contact asked for as a noun ("Proszę o kontakt telefoniczny");
 *   <li>getting in touch with whoever, an appointment with whoever, and a person of the shop to look at the case,
 *       judge it or answer ("aby se na můj případ podíval člověk", "Mohol by mi pomôcť váš technik?").
 * </ul>
 *
 * The twenty-sixth round: talking with whoever in a wish or a question ("muzu mluvit s instruktorem?", "a word with the
 * pharmacist"), someone to talk with the customer, "give me" whoever of the shop ("daj mi veduceho"), more forms of
 * a call back ("I'd like a banker to call me", "Me lahko pokličete?"), getting in touch with a pronoun first ("Dalo by
 * sa s ňou spojiť?"), someone who could explain or help, sorting it out with someone, a person needed to do it, the
 * call or case passed on ("transfer my call to reception"), an appointment at someone's ("termin pri bančniku").
 *
 * <p>Not a request: a device, account, plan, room or place one is connected or transferred to ("connect me to the
 * wifi", "transfer me to the annual plan", "přepojte mě na jiný tarif"); a call from the courier or driver, the
 * customer's family or someone's "his" or "their" people; a taxi called; a name to be called by ("call me Tom"); a
 * call asked about as a step of a process (when, before, once the parcel is on its way: "Could the technician call me
 * before he comes?", "Zavolá mi kurýr?"), or as what someone "will", "does" or "is supposed to" do; a department or
 * service reached and a "how" or "where" question (the knowledge base tells how); talking with "you", the bot or the
 * bank, a duty first ("Do I need to talk to the bank first?") or "our" people talking; negated or reported requests,
 * which {@link HumanRequestSignal} skips for every rule. Immutable.
 */
final class HumanRequestReach {

  private HumanRequestReach() {
  }

  /** What one is connected or transferred to that is no person: devices, accounts, plans, places. */
  private static final String NOT_A_PERSON = " !wifi|wi-fi|internet*|network*|router*|modem*|printer*|tv|app|"
      + "apps|website|site|plan|plans|tariff*|package*|bundle*|subscription*|account*|card*|version|model|size|"
      + "room|rooms|seat|seats|flight*|train*|bus|airport|station|date|paperless|page|link|form|email|ferry|"
      + "sailing|gold|silver|platinum|premium|status|fare|class|cabin|voicemail|headset|speaker*|mobile|calendar*|kalendář*|"
      + "koledar*|google|hodink*|watch|schránk*|hlasov*|smlouv*|zmluv*|pogodb*|umow*|taryf*|faktur*|ofert*|"
      + "telewizor*|głośnik*|zvočnik*|bluetooth*|videohovor*|did|"
      + "e-mail|mail|"
      + "síť|sieť|sieć|omrežj*|tarif*|balíč*|účet|účtu|účtem|účty|račun|računa|računu|računom|"
      + "konto|konta|kontem|kontu|koncie|kontě|paket*|pakiet*|plán*|abonament*|program*|aplikac*|tiskárn*|"
      + "drukark*|tlačiar*|tiskaln*|pokoj*|pokój|izb*|sobo|sobe|soba|letu|letem|lotu|locie|vlak*|pociąg*|"
      + "letališč*|letišt*|lotnisk*";

  /** A call from someone other than the shop's people (the courier, family, "his"), a taxi, a name, a refusal. */
  private static final String NOT_FROM_US = " !courier*|driver*|delivery|kurýr*|kuryr*|kurier*|kuriér*|kurir*|"
      + "řidič*|ridic*|kierowc*|vodič*|vodic*|voznik*|dostavljavc*|dopravc*|przewoźnik*|przewoznik*|prepravc*|"
      + "email|e-mail|mail|sms|text|"
      + "letter|taxi|cab|uber|ambulance|husband|wife|son|daughter|mum|mom|dad|manžel*|mąż|żona|syn|dcera|córka|"
      + "mož|žena|hči|don|dont|t|not|never|stop|nie|his|their|jeho|její|jejich|jego|jej|ich|njegov*|njen*|"
      + "njihov*|name|names|named|nickname|mr|mrs|ms|miss|sir|madam|dr|landlord*|tenant*|relatives|family|friend*|"
      + "kids|children|neighbour*|neighbor*|rodin*|rodzin*|družin*|dcer*|dcér*|córk*|sin|sina|sinom|hčer*|wnu*|"
      + "vnuk*|sąsiad*|soused*|sused*|sosed*|prijatelj*|přítel*|priateľ*|przyjaciel*|prenajímateľ*|najemodajal*|"
      + "pronajímatel*|wynajmując*|neznám*|podvod*|oszust*|zastrzeż*|whatsapp|souhlas*|súhlas*|soglas*|button|tlačítk*|"
      + "tlačidl*|gumb*|web*|infolini*|was|wami|emergenc*|doorbell|alarm*|speaker*|device*|guest*|letters|emails|"
      + "instead|sem|rekla|rekel|naročila|naročil|podałam|podałem|dałam|dałem|piše|številk*|stevilk*";

  /** The same, and a call asked about as a step of a process (when, before, what someone will or does do). */
  private static final String NOT_ASKED = NOT_FROM_US + "|when|once|before|after|will|shall|going|supposed|"
      + "bank|banks|banka|banko|bankou|banki|pojišťovn*|poisťovň*|zavarovalnic*|ubezpieczyciel*|"
      + "usually|always|does|did|až|jakmile|když|kdy|předem|před|kiedy|kiedyś|gdy|zanim|przed|keď|kedy|skôr|kdaj|"
      + "ko|preden|prej|vnaprej";

  /** A "how" or "where" question: the knowledge base answers it, whoever it names. */
  private static final String HOW = "|how|where|jak|kde|gdzie|ako|kako|kje";

  /** A department or service reached: the knowledge base tells how ("get in touch with customer support"). */
  private static final String DEPARTMENT = "|customer|support|service|services|care|centre|center|department|helpdesk|"
      + "podpor*|služb*|oddělení*|wsparci*|obsług*|dział*|oddelen*|oddelk*|centr*|zákaznick*|klientów|klientow|"
      + "zákazník*|strank*";

  /**
   * A meeting with a whole team or online (a business meeting), or one moved, cancelled or booked by the customer
   * alone or in an app: no person asked for.
   */
  private static final String TEAM = "|team|teams|tým|týmem|tímom|tím|zespołem|zespół|ekipo|ekipa|online|video|zoom|"
      + "reschedule|cancel|move|app|myself|sám|sama|sam|přeobjed*|przełoż*|prestav*|aplikac*|notár*|notar*";

  /** Who would look at it or answer, nominative: the shop's people who call back, and a person or an employee. */
  private static final String CS_WHO = HumanRequestFamilies.CS_CALLERS + "|člověk|zaměstnanec|zaměstnankyně|"
      + "specialista|specialistka|odborník|odbornice|bankéř|bankéřka|právník|právnička";
  private static final String PL_WHO = HumanRequestFamilies.PL_CALLERS + "|człowiek|osoba|specjalista|"
      + "specjalistka|fachowiec|prawnik|prawniczka|opiekun|opiekunka";
  private static final String SK_WHO = HumanRequestFamilies.SK_CALLERS + "|človek|zamestnanec|zamestnankyňa|"
      + "špecialista|špecialistka|odborník|odborníčka|právnik|právnička";
  private static final String SL_WHO = HumanRequestFamilies.SL_CALLERS + "|človek|oseba|strokovnjak|strokovnjakinja|"
      + "specialist|specialistka|pravnik|pravnica|referent|referentka";

  /** Being at home or sending a photo for someone's visit: a step of a process, not a person asked for. */
  private static final String STEP = "|musím|muszę|moram|musim|doma|domu|stačí|wystarczy|zadošča|fotk*|zdjęci*|"
      + "fotografij*|photo*";

  /** Verbs of looking at a case, judging it, answering or sorting it out, in the forms a wish takes. */
  private static final String CS_LOOK = "podíval|podívala|podívá|posoudil|posoudila|posoudí|zkontroloval|"
      + "zkontrolovala|prověřil|prověřila|prověří|odpověděl|odpověděla|odpoví|vyřídil|vyřídila|vyřídí|prošel|prošla";
  private static final String PL_LOOK = "spojrzał|spojrzała|spojrzy|przejrzał|przejrzała|ocenił|oceniła|oceni|"
      + "sprawdził|sprawdziła|sprawdzi|odpowiedział|odpowiedziała|odpowie|rozpatrzył|rozpatrzyła|przeanalizował";
  private static final String SK_LOOK = "pozrel|pozrela|pozrie|posúdil|posúdila|posúdi|skontroloval|skontrolovala|"
      + "preveril|preverila|preverí|odpovedal|odpovedala|odpovie|vybavil|vybavila|prešiel|prešla";
  private static final String SL_LOOK = "pogleda|pogledal|pogledala|pregleda|pregledal|pregledala|presodi|presodil|"
      + "presodila|preveri|preveril|preverila|odgovori|odgovoril|odgovorila";

  /** Who one talks with that is no person of the shop: the bot, "you" in the chat, the bank; or a duty first. */
  private static final String NOT_TALK = "|you|u|ya|vámi|tebou|wami|tobą|panią|vami|teboj|bot|bots|botem|botom|"
      + "robot*|ai|chatbot*|umělou|umelou|sztuczną|sztuczna|umetno|bank|banks|banką|bankou|do|does|should|must|"
      + "first|musím|mám|nejdřív|muszę|najpierw|najprv|moram|najprej|our|náš|naše|našeho|nasz|nasza|nasze|"
      + "naszego|naša|našej|našo|našega|my|mým|mojí|moim|moją|mojim|mojo|svým|swoim|svojim|jsem|včera|majitel*|"
      + "właściciel*|majiteľ*|lastnik*|owner*|"
      + "wczoraj|včeraj|yesterday|díky|dzięki|vďaka|hvala|thanks|pobočk*|poslovalnic*|tarif*|paušál*|paket*|"
      + "abonament*|asistent*|let|letu" + HOW + DEPARTMENT;

  /** The twenty-sixth round's entries (docs/quality.md, "Twenty-fifth and twenty-sixth rounds"). */
  private static final String[] ROUND_26 = {
      // talking with whoever, in a wish or a question ("muzu mluvit s instruktorem?", "a word with the pharmacist")
      "want|like|need|can|could|may|wish|love ...3 talk|speak|chat|word ..2 to|with" + NOT_FROM_US + NOT_TALK,
      "chci|chtěl|chtěla|chtěli|potřebuji|potřebuju|můžu|mohu|mohl|mohla|bych ...3 mluvit|promluvit|"
          + "hovořit|pohovořit|pobavit ..2 s|se" + NOT_FROM_US + NOT_TALK,
      "chcę|chciałbym|chciałabym|mogę|mógłbym|mogłabym|zależy|chciał|chciała ...3 porozmawiać|rozmawiać|"
          + "pogadać ...3 z|ze" + NOT_FROM_US + NOT_TALK,
      "zamienić ..2 słowo|słów|słówko ..1 z|ze" + NOT_FROM_US + NOT_TALK,
      "proszę|prosze|poproszę|prośbą|zależy|termin* ...4 rozmow*|połączenie|połączenia ..2 z|ze"
          + NOT_FROM_US + NOT_TALK,
      "chcem|chcel|chcela|potrebujem|môžem|mohol|mohla|by ...3 hovoriť|porozprávať|rozprávať|prehovoriť ..2 "
          + "s|so" + NOT_FROM_US + NOT_TALK,
      "dohodnúť|žiadam|prosím|chcem|chcel|chcela|potrebujem|poprosil|poprosila ...4 hovor|rozhovor|stretnutie|"
          + "telefonát ..2 s|so|od" + NOT_FROM_US + NOT_TALK,
      "bi|rad|rada|želim|hočem|lahko ...3 govoril|govorila|govoriti|pogovoril|pogovorila|pogovoriti|"
          + "pogovorili ..2 z|s" + NOT_FROM_US + NOT_TALK,
      // someone to talk with the customer ("żeby rzeczoznawca porozmawiał ze mną")
      "żeby|aby|niech|ať|nech|naj|by|bi ...5 porozmawiał|porozmawiała|porozmawiali|porozmawia|promluvil|promluvila|"
          + "promluví|porozprával|porozprávala|pogovoril|pogovorila|pogovori ..1 ze|se|so|z|s ..1 mną|mnou|menoj|mano",
      // give me whoever of the shop ("daj mi veduceho", "daj mi koga iz obracuna")
      "daj|dajte|dejte|dej|dajcie ..1 mi ..2 koga|kogoś|někoho|niekoho|nekoga|" + HumanRequestFamilies.CS_PEOPLE + "|"
          + HumanRequestFamilies.PL_PEOPLE + "|" + HumanRequestFamilies.SK_PEOPLE + "|"
          + HumanRequestFamilies.SL_PEOPLE + NOT_FROM_US + "|technick*|parametr*|údaj*|informac*|vědět|vedieť|"
          + "znać|vedeti",
      // called back: a wish, someone who could, a "so that" clause, a call asked for by a noun, "get back to me"
      "like|want|need|wish ...3 to ..1 call|ring|phone|contact me|us" + NOT_ASKED + "|you|u|only|school*",
      "me|nas ..1 lahko ...3 pokliče|pokličejo|pokličete|poklical|poklicala|poklicali|kontaktira|kontaktirate"
          + NOT_ASKED,
      "ktoś|ktos ...4 może|mógłby|mogłaby|mogliby|mógł ..2 zadzwonić|oddzwonić|przedzwonić" + NOT_ASKED
          + "|na|za|obcy|obca|jeśli|jeżeli|telefonu|numer*",
      "może|mógłby|mogłaby ..1 ktoś ...4 zadzwonić|oddzwonić|przedzwonić" + NOT_ASKED
          + "|na|za|obcy|obca|jeśli|jeżeli|telefonu|numer*",
      "żeby|aby ...6 do ..1 mnie ..1 zadzwonił|zadzwoniła|oddzwonił|oddzwoniła|zadzwonili|oddzwonili" + NOT_ASKED,
      "żeby|aby ...6 zadzwonił|zadzwoniła|oddzwonił|oddzwoniła ..1 do ..1 mnie" + NOT_ASKED,
      "żeby|aby ...6 odezwał|odezwała|odezwali|skontaktował|skontaktowała ..1 się" + NOT_ASKED,
      "poprosil|poprosila|poprosím|prosil|prosila|žiadam|žádám ..2 o ..2 telefonát|hovor|zavolání|zavolanie|kontakt "
          + "!mail*|e-mail*|email*|písomn*|sms*|na|číslo|adres*|údaj*|informáci*",
      "da|naj ...2 se ...2 mi ..3 oglasi|oglasijo|oglasil|oglasila|javi|javijo" + NOT_ASKED,
      "aby|ať ...2 se ...2 mi ..3 ozval|ozvala|ozve|ozvali|ozvou" + NOT_ASKED,
      // in touch with a pronoun first ("Dalo by sa s ňou spojiť?")
      "dalo|dá|môžem|mohol|mohla|by|chcem|chcel|chcela|potrebujem ...3 sa ..1 s|so ..2 spojiť|skontaktovať"
          + NOT_FROM_US + HOW + DEPARTMENT + NOT_A_PERSON.replace(" !", "|"),
      "šlo|dá|můžu|mohu|mohl|mohla|bych|chci|chtěl|chtěla|potřebuji ...3 se ..1 s|se ..2 spojit|zkontaktovat"
          + NOT_FROM_US + HOW + DEPARTMENT + NOT_A_PERSON.replace(" !", "|"),
      // someone who could explain, help or answer ("Je někdo, kdo by mi mohl vysvětlit vyúčtování?")
      "someone|somebody|anyone|anybody ..1 who ..2 could|can ..2 explain|help|advise|answer" + NOT_FROM_US + HOW
          + "|for|barely|calls",
      "kdo|kto ..2 by ...2 mi|mnie ...3 mohl|mohla|mógł|mógłby|mogłaby|mohol|lahko ...4 "
          + "vysvětlit|vysvetliť|wyjaśnić|razložiti|razložil|razložila|pomoct|pomoci|pomôcť|pomóc|pomagal|pomagala|"
          + "poradit|poradiť|doradzić|svetoval|svetovala|odpovědět|odpovedať|odpowiedzieć|odgovoriti|odgovoril"
          + NOT_FROM_US + HOW,
      "mohl|mohla|mohlo|může ...4 podívat|pomoct|pomoci|odpovědět ...3 některý|některá|nějaký|nějaká" + NOT_FROM_US
          + "|aplikac*|funkc*|návod*|program*",
      // sort it out with someone ("Chcel by som to riešiť s niekým z vašich ľudí")
      "riešiť|vyriešiť|prebrať|řešit|vyřešit|probrat|załatwić|omówić|rešiti|rešil|urediti|uredil|sort|discuss ...3 "
          + "s|so|se|z|with ..1 niekým|někým|kimś|nekom|someone|somebody|człowiekiem|člověkem|človekom"
          + NOT_FROM_US + HOW + "|doma|domu|pełnomocnik*",
      // a person needed to do it ("Need a person to help me with the form")
      "need|want|like ..2 person|human|someone|somebody|staff-member|member-of-staff ..1 to ..1 help|explain|call|"
          + "ring|talk|sort|deal|handle|review" + NOT_FROM_US + "|after|dog|pet|do|does",
      // the call or case passed on ("Please transfer my call to reception")
      "transfer|forward|pass|escalate|hand ..1 my|this|the ..1 call|chat|case|ticket|query|complaint|request ..1 "
          + "to|on-to" + NOT_A_PERSON + "|number|ombudsman|regulator|court|will|if",
      // an appointment at someone's ("termin pri bančniku", "konzultáciu ... u vášho agenta")
      "prosil|prosila|prosim|želim|rad|rada|bi|chci|chtěl|chtěla|potřebuji|chcem|chcel|chcela|potrebujem ...3 "
          + "termin|termín ..1 pri|u" + NOT_FROM_US + HOW + "|zub*|lékař*|lekár*|lekar*|zdravnik*|frizer*|"
          + "pojištění|poistenie|zavarovanj*|kryje|krije",
      "objednat|objednať|dohodnúť|domluvit|chci|chcem|chcel|chcela|chtěl|chtěla ...4 konzultáci*|konzultac* ...3 "
          + "u|s|so|se" + NOT_FROM_US + HOW + TEAM + "|aplikac*|dermatolog*|lékař*|proplat*|preplat*"};

  /** The twenty-fifth round's entries. */
  private static final String[] ROUND_25 = {
      // put through, the customer the object, whoever at the end
      "connect|transfer|forward|redirect|route|patch|pass|put ..1 me|us ..1 to|with|w|through|thru|over-to|"
          + "on-to" + NOT_A_PERSON + NOT_ASKED.replace(" !", "|"),
      "přepojte|přepojit|přepoj|přepojíte|spojte|spojit|spojíte|propojte|propojit|propojíte|přesměrujte|"
          + "přesměrovat|předejte|předat ..1 mě|mne|nás ..1 na|s|se|k|ke" + NOT_A_PERSON,
      "mě|mne|nás ...2 přepojit|přepojíte|přepojili|přepojila|spojit|spojíte|spojili|spojila|propojit|propojíte|"
          + "přesměrovat|předat ..1 na|s|se|k|ke" + NOT_A_PERSON,
      "mě|mne|nás ..1 s|se|na|k|ke ...2 spojit|spojíte|spojili|spojila|přepojit|přepojíte|přepojili|propojit|"
          + "propojíte" + NOT_A_PERSON,
      "połącz|połączcie|połączyć|połączy|połączycie|przełącz|przełączcie|przełączyć|przełączy|przełączycie|"
          + "przekierujcie|przekierować|przekażcie|przekazać ..1 mnie|nas ..1 z|ze|do|na" + NOT_A_PERSON,
      "mnie|nas ...2 połączyć|połączy|połączycie|połączyli|przełączyć|przełączy|przełączycie|przełączyli|"
          + "przekierować|przekazać ..1 z|ze|do|na" + NOT_A_PERSON,
      "mnie|nas ..1 z|ze|do ...2 połączyć|połączy|połączycie|połączyli|przełączyć|przełączy|przełączycie"
          + NOT_A_PERSON,
      "prosić|poprosić|proszę|prosze|prosic|poprosic do telefonu",
      "prepojte|prepojiť|prepoj|prepojíte|spojte|spojiť|spojíte|presmerujte|presmerovať|odovzdajte ..1 ma|mňa|nás ..1 "
          + "na|s|so|k|ku" + NOT_A_PERSON,
      "ma|mňa|nás ...2 prepojiť|prepojíte|prepojili|prepojila|spojiť|spojíte|spojili|spojila|presmerovať ..1 na|s|so|"
          + "k|ku" + NOT_A_PERSON,
      "ma|mňa|nás ..1 s|so|na|k|ku ...2 spojiť|spojíte|spojili|spojila|prepojiť|prepojíte|prepojili" + NOT_A_PERSON,
      "povežite|poveži|povezati|povežete|prevežite|preveži|prevezati|prevežete|preusmerite|preusmeriti|posredujte ..1 "
          + "me|nas ..1 z|s|na|k|h" + NOT_A_PERSON,
      "me|nas ...2 povežete|povezali|povezala|povezal|povezati|prevežete|prevezali|prevezati|preusmerite|"
          + "preusmerili|preusmeriti ..1 z|s|na|k|h" + NOT_A_PERSON,
      "me|nas ..1 z|s|na|k|h ...2 povežete|povezali|povezala|povezal|povezati|prevežete|prevezali|prevezati"
          + NOT_A_PERSON,
      // getting in touch with whoever, in a wish ("Bi se lahko povezal z vašim zastopnikom?")
      "like|want|need|can|could ..2 get ..1 in ..1 touch ..1 with" + NOT_FROM_US + HOW + DEPARTMENT,
      "chci|chtěl|chtěla|potřebuji|potřebuju|můžu|mohu|mohl|mohla|bych ...3 se ...2 spojit|zkontaktovat|kontaktovat "
          + "..1 s|se" + NOT_FROM_US + HOW + DEPARTMENT,
      "chcę|chciałbym|chciałabym|muszę|mogę|mógłbym|mogłabym ...3 się ...2 połączyć|skontaktować ..1 z|ze"
          + NOT_FROM_US + HOW + DEPARTMENT,
      "chcę|chciałbym|chciałabym|muszę|mogę|mógłbym|mogłabym ...3 połączyć|skontaktować ..1 się ..1 z|ze"
          + NOT_FROM_US + HOW + DEPARTMENT,
      "chcem|chcel|chcela|potrebujem|môžem|mohol|mohla|by ...3 sa ...2 spojiť|skontaktovať|kontaktovať ..1 s|so"
          + NOT_FROM_US + HOW + DEPARTMENT,
      "bi|želim|rad|rada|lahko ...2 se ...2 povezal|povezala|povezali|povezati|povežem ..1 z|s" + NOT_FROM_US + HOW + DEPARTMENT,
      // an appointment with whoever ("objednat se na schůzku s bankéřkou", "sestanek z vašim svetovalcem")
      "want|like|need|book|arrange|schedule|request|can|could ...4 appointment|meeting|consultation ..1 with"
          + NOT_FROM_US + HOW + TEAM,
      "objednat|domluvit|sjednat|chci|chtěl|chtěla|potřebuji|potřebuju|bych|můžu|mohu ...4 schůzk*|konzultac* ..1 "
          + "s|se" + NOT_FROM_US + HOW + TEAM,
      "umówić|chcę|chciałbym|chciałabym|mogę|poproszę|proszę ...4 spotkani*|konsultacj* ..1 z|ze" + NOT_FROM_US
          + HOW + TEAM,
      "objednať|dohodnúť|chcem|chcel|chcela|potrebujem|môžem|by ...4 stretnuti*|konzultáci* ..1 s|so" + NOT_FROM_US
          + HOW + TEAM,
      "dogovoriti|dogovoril|dogovorila|rad|rada|želim|bi|lahko|naročiti ...4 sestan*|posvet* ..1 z|s" + NOT_FROM_US
          + HOW + TEAM,
      // a person to look at it, judge it or answer ("aby se na můj případ podíval člověk")
      "ať|aby|nechť ...4 " + CS_LOOK + " ...4 " + CS_WHO + NOT_FROM_US + STEP,
      "ať|aby|nechť ...4 " + CS_WHO + " ...4 " + CS_LOOK + NOT_FROM_US + STEP,
      "żeby|aby|niech ...4 " + PL_LOOK + " ...4 " + PL_WHO + NOT_FROM_US + STEP,
      "żeby|aby|niech ...4 " + PL_WHO + " ...4 " + PL_LOOK + NOT_FROM_US + STEP,
      "aby|nech ...4 " + SK_LOOK + " ...4 " + SK_WHO + NOT_FROM_US + STEP,
      "aby|nech ...4 " + SK_WHO + " ...4 " + SK_LOOK + NOT_FROM_US + STEP,
      "naj|da ...4 " + SL_LOOK + " ...4 " + SL_WHO + NOT_FROM_US + STEP,
      "naj|da ...4 " + SL_WHO + " ...4 " + SL_LOOK + NOT_FROM_US + STEP,
      "mohl|mohla|mohlo|může ...3 pomoct|pomoci|podívat|poradit|odpovědět ...3 " + CS_WHO.replace("někdo|", "")
          + NOT_FROM_US + HOW,
      "mógłby|mogłaby|może ...3 pomóc|spojrzeć|doradzić|odpowiedzieć ...3 " + PL_WHO.replace("ktoś|", "")
          + NOT_FROM_US + HOW,
      "mohol|mohla|mohlo|môže ...3 pomôcť|pozrieť|poradiť|odpovedať ...3 " + SK_WHO.replace("niekto|", "")
          + NOT_FROM_US + HOW,
      "bi ...3 pomagal|pomagala|odgovoril|odgovorila|pogledal|pogledala ...3 " + SL_WHO.replace("nekdo|kdo|", "")
          + NOT_FROM_US + HOW,
      "get|have ..1 someone|somebody|a-person|a-human|one-of-your|a-member-of-staff|a-staff-member ...6 to ..1 "
          + "check|look|call|help|sort|handle|review|assess|answer|deal" + NOT_FROM_US + HOW + "|else",
      // called back, whoever calls
      "please|pls|plz|kindly ..2 call|ring|phone|contact me|us" + NOT_ASKED,
      "can|could|would ..1 you|someone|somebody|anyone|anybody|your|a|an|the|one ..3 call|ring|phone|contact me|us"
          + NOT_ASKED,
      "have|get|ask ..3 call|ring|phone|contact me|us" + NOT_ASKED,
      "someone|somebody|anyone|anybody ..2 call|ring|phone|contact me|us" + NOT_ASKED,
      "give me|us a call|ring|bell" + NOT_FROM_US + "|size*|chart|engagement|wedding|diamond|gold|silver",
      "zavolejte|zavolej|brnkněte|brnkni|cinkněte|kontaktujte|kontaktuj|ozvěte|ozvi ..2 mi|mě|mne|nám|nás"
          + NOT_FROM_US,
      "by ..3 mi|mě|mne|nám|nás ...4 zavolal|zavolala|zavolali|zavolat|ozval|ozvala|ozvali|ozvat|kontaktoval|"
          + "kontaktovala|kontaktovali|kontaktovat|zatelefonoval|zatelefonovala|zatelefonovat" + NOT_ASKED,
      "zavolal|zavolala|zavolali|ozval|ozvala|ozvali|kontaktoval|kontaktovala|kontaktovali ..1 by ..2 mi|mě|mne|"
          + "nám|nás" + NOT_ASKED,
      "může|můžete|mohl|mohla|mohli|mohlo|mohou ..3 mi|mě|mne|nám|nás ...4 zavolat|ozvat|brnknout|kontaktovat|"
          + "zatelefonovat" + NOT_ASKED,
      "ať|ať-mi ...3 zavolá|zavolají|ozve|ozvou|kontaktuje|kontaktují" + NOT_ASKED,
      "zadzwońcie|zadzwoń|przedzwońcie|przedzwoń|oddzwońcie|oddzwoń ..2 do ..1 mnie|nas" + NOT_FROM_US,
      "oddzwońcie|oddzwoń|skontaktujcie|odezwijcie" + NOT_FROM_US,
      "niech ...3 zadzwoni|oddzwoni|przedzwoni|skontaktuje|odezwie|zadzwonią|oddzwonią" + NOT_ASKED,
      "może|mógłby|mogłaby|moglibyście|mogłybyście|możecie|możesz|mogliby ...3 do ..1 mnie|nas ..1 zadzwonić|"
          + "oddzwonić|przedzwonić" + NOT_ASKED,
      "może|mógłby|mogłaby|moglibyście|mogłybyście|możecie|możesz|mogliby ...3 zadzwonić|oddzwonić|przedzwonić ..1 "
          + "do ..1 mnie|nas" + NOT_ASKED,
      "proszę|prosze|prosimy|prosiłbym|prosiłabym ..2 zadzwonić|oddzwonić|przedzwonić" + NOT_ASKED
          + "|pod|numer*|napisan*",
      "proszę|prosze|prosimy ..1 o ..1 kontakt|telefon|oddzwonienie|telefoniczny !mail*|mailow*|e-mail*|email*|"
          + "pisemn*|sms*|do|numer*|adres*|dane|danych|informacj*|z|zastępcz*|zastepcz*|sim|model*|naprawy",
      "zavolajte|zavolaj|brnknite|brnkni|kontaktujte|kontaktuj|ozvite|ozvi ..2 mi|ma|mňa|nám|nás" + NOT_FROM_US,
      "nech ...3 zavolá|zavolajú|ozve|ozvú|kontaktuje|kontaktujú" + NOT_ASKED,
      "môže|môžete|mohol|mohla|mohli|mohlo|môžu ..3 mi|ma|mňa|nám|nás ...4 zavolať|ozvať|kontaktovať|zatelefonovať|"
          + "brnknúť" + NOT_ASKED,
      "by ..3 mi|ma|mňa|nám|nás ...4 zavolal|zavolala|zavolali|ozval|ozvala|ozvali|kontaktoval|kontaktovala|"
          + "kontaktovali" + NOT_ASKED,
      "prosím ..1 o ..1 kontakt|zavolanie|telefonát|spätné-zavolanie|spätný-telefonát !mail*|e-mail*|email*|"
          + "písomn*|sms*|na|číslo|adres*|"
          + "údaj*|informáci*",
      "pokličite|pokliči|kontaktirajte|kontaktiraj ..1 me|nas" + NOT_FROM_US,
      "naj ...3 me|nas ...2 pokliče|pokličejo|kontaktira|kontaktirajo" + NOT_ASKED,
      "bi ...3 me|nas ...3 poklical|poklicala|poklicali|kontaktiral|kontaktirala|kontaktirali" + NOT_ASKED,
      "prosim|prosimo ...2 da ...2 me|nas ...2 pokličete|pokliče|kontaktirate|kontaktira" + NOT_ASKED};

  /** Both rounds' rules, indexed together so that a sentence is read once for all of them. */
  static final RuleSet RULES = RuleSet.of(true,
      Stream.concat(Arrays.stream(ROUND_25), Arrays.stream(ROUND_26)).toArray(String[]::new));
}
