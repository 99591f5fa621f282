package io.deskbridge.core.escalation;

import java.util.List;

/**
 * The twenty-third and twenty-fourth rounds' families of a request for a person ({@link HumanRequestSignal}), each
 * in English, Czech, Polish, Slovak and Slovene, in {@link PhraseRule} syntax (accents optional):
 *
 * <ul>
 *   <li>human help asked for by its adjective ("I need human help", "Potřebuju lidskou podporu", "Potrzebuję ludzkiej
 *       pomocy", "Potrebujem človeško pomoč") or advice from an employee ("radu od zamestnanca");
 *   <li>a call expected from one of the shop's people ("I expect a call from your technician", "Oczekuję telefonu od
 *       waszego pracownika", "Pričakujem klic vašega svetovalca");
 *   <li>a person to judge or decide instead of the machine ("let a human decide this", "Ať to posoudí člověk",
 *       "Nech to posúdi človek", "Naj to presodi človek") or to handle it ("could a staff member handle both?");
 *   <li>a named role who should call or talk ("żeby zadzwonił projektant", "ať mi zavolá likvidátor", "pogovor z vašim
 *       projektantom", "have the claims adjuster call me") and a shift lead asked for ("chci vedoucí směny");
 *   <li>someone normal or competent asked for ("dajte mi koga normalnega", "give me someone competent");
 *   <li>someone from a department or the agency asked for or to be called ("We'd like a person from accounts to go
 *       through it with us", "rad bi poklical nekoga iz agencije");
 *   <li>whether someone of the shop will get in touch, in Slovene with "bo" ("Se mi bo oglasil kakšen zaposleni?");
 *   <li>twenty-fourth round: whom to sort it out with ("S kým bych to mohl vyřešit?", "Z kim mógłbym to omówić?"); the
 *       lady or gentleman dealt with before, with the clause that says so ("Přepojte mě na paní, se kterou …", "z
 *       gospo, ki …"); the shop's director or owner, and after "your" its professionals ("Z vašim direktorjem bi rad
 *       govoril", "spojte mě s vaším právníkem"); someone of the shop to take it on ("aby zajął się tym doradca");
 *       getting through to a person ("pridem do operaterja"); anyone real there ({@link #REAL_THERE}).
 * </ul>
 *
 * Not a request: the customer's own people ("my designer will call you"), someone expected from elsewhere ("a call
 * from the courier"), an account's, a car's or a new owner, Polish "z panią" alone (the formal "you"), another
 * mobile operator reached; and, for the twenty-fourth round's families ({@link #elsewhere}), the courier, the
 * customer's own lawyer or family, a contact e-mail asked for, a person in a product photo; questions about the
 * bot, which {@link HumanRequestSignal} skips for these rules as for its others. Immutable.
 */
final class HumanRequestFamilies {

  private HumanRequestFamilies() {
  }

  /** Roles of the shop's people that customers name (designer, claims adjuster, shift lead), per language. */
  private static final String EN_ROLES = "designer|adjuster|claims-adjuster|loss-adjuster|assessor|surveyor|"
      + "shift-lead|shift-leader|shift-manager|team-lead|team-leader|accountant";
  private static final String CS_ROLES = "projektant*|designér*|likvidátor*|odhadc*|vedoucí-směny|vedoucího-směny|"
      + "účetní";
  private static final String PL_ROLES = "projektant*|likwidator*|rzeczoznawc*|kierownik-zmiany|kierownika-zmiany|"
      + "kierownikiem-zmiany|księgow*";
  private static final String SK_ROLES = "projektant*|dizajnér*|likvidátor*|odhadc*|vedúci-zmeny|vedúceho-zmeny|"
      + "účtovník*|účtovníčk*";
  private static final String SL_ROLES = "projektant*|oblikoval*|likvidator*|cenil*|vodja-izmene|vodjo-izmene|"
      + "računovod*";

  /** The shop's people in any case, the roles included. */
  private static final String EN_PEOPLE = "person|human|agent|operator|representative|rep|employee|staff|"
      + "staff-member|member-of-staff|team-member|consultant|advisor|adviser|specialist|technician|supervisor|manager|"
      + "colleague|engineer|expert|" + EN_ROLES;
  static final String CS_PEOPLE = "člověk*|pracovník*|pracovnic*|zaměstnan*|konzultant*|operátor*|poradc*|"
      + "poradkyn*|technik*|specialist*|odborník*|vedoucí*|kolegy|kolegou|kolegyn*|" + CS_ROLES;
  static final String PL_PEOPLE = "człowiek*|pracownik*|pracownic*|konsultant*|operator*|doradc*|doradczyn*|"
      + "technik*|specjalist*|fachowc*|kierownik*|przedstawiciel*|" + PL_ROLES;
  static final String SK_PEOPLE = "človek*|pracovník*|pracovníčk*|zamestnan*|konzultant*|operátor*|poradc*|"
      + "poradkyn*|technik*|špecialist*|odborník*|vedúc*|" + SK_ROLES;
  static final String SL_PEOPLE = "človek*|uslužben*|zaposlen*|svetoval*|operater*|sodelav*|tehnik*|"
      + "strokovnjak*|specialist*|vodj*|predstavnik*|" + SL_ROLES;

  /** Who calls back, nominative, the roles included. */
  static final String CS_CALLERS = "někdo|pracovník|pracovnice|konzultant|konzultantka|technik|"
      + "poradce|poradkyně|"
      + "projektant|projektantka|designér|designérka|likvidátor|likvidátorka|odhadce|vedoucí|účetní";
  static final String PL_CALLERS = "ktoś|pracownik|pracownica|konsultant|konsultantka|technik|"
      + "doradca|doradczyni|projektant|"
      + "projektantka|likwidator|likwidatorka|rzeczoznawca|kierownik|kierowniczka|księgowy|księgowa";
  static final String SK_CALLERS = "niekto|pracovník|pracovníčka|konzultant|konzultantka|technik|"
      + "poradca|poradkyňa|"
      + "projektant|projektantka|dizajnér|dizajnérka|likvidátor|likvidátorka|odhadca|vedúci|vedúca|účtovník|"
      + "účtovníčka";
  static final String SL_CALLERS = "nekdo|kdo|uslužbenec|uslužbenka|zaposleni|zaposlena|svetovalec|"
      + "svetovalka|sodelavec|sodelavka|tehnik|projektant|projektantka|oblikovalec|oblikovalka|likvidator|"
      + "likvidatorka|cenilec|vodja|računovodja";

  /** The customer's own people or someone else's words: never the shop's person asked for. */
  private static final String OWN = " !my|our|mine|můj|moje|mého|mému|mým|naš*|mój|mojego|mojej|mojemu|"
      + "môj|môjho|môjmu|moj|mojega|mojemu|moja|mojo|courier*|driver*|kurýr*|kurier*|kuriér*|kurir*|dopravc*|"
      + "přepravc*|przewoźnik*|prepravc*|dostavljavc*|said|říkal*|mówił*|hovoril*|rekel|rekla|was|were|byl*|był*|"
      + "bol*|bil*|yesterday|včera|wczoraj|včeraj|family|friend*|neighbour*|neighbor*|rodin*|rodzin*|družin*|"
      + "kamarád*|kamarát*|přítel*|przyjaciel*|priateľ*|prijatelj*|znajom*|soused*|sąsiad*|sused*|sosed*";

  /** Somewhere or some time a person is asked about, or who would do something: no request to talk. */
  private static final String PLACES = " !at|to|who|in|on|store|shop|branch|office|depot|tomorrow|today|weekend|"
      + "saturday|sunday|kdo-by|kto-by|kdor|który|która|które|kto|ktorý|ktorá|aby|żeby|da|prodejn*|pobočk*|"
      + "sklep*|oddział*|predajn*|trgovin*|poslovaln*|výdejn*|odběrn*|sobot*|neděl*|niedziel*|nedeľ*|nedelj*|"
      + "zítra|jutro|zajtra|víkend*|weekend*|vikend*|doma|domu|home|house|byt*|mieszkani*|stanovanj*|adres*|"
      + "recepc*|recepci*|kdy|kiedy|kedy|kdaj|when|what-time|hodin*|godzin*|ur*";

  /** The customer's family and friends, whom a customer may want to call too. */
  private static final String FAMILY = " !family|friend*|neighbour*|neighbor*|husband|wife|mum|mom|dad";

  /** The shop's head or owner, in English. */
  private static final String EN_HEADS = "director|ceo|owner|managing-director|general-manager";

  /** Professionals of the shop whom a customer asks for as "your …" (vet, lawyer, doctor), per language. */
  private static final String EN_PROFESSIONS = "vet|veterinarian|vets|doctor|doctors|lawyer|lawyers|solicitor|"
      + "attorney|pharmacist|nurse|dentist|mechanic|legal-team|legal-department|legal-advisor";
  private static final String CS_PROFESSIONS = "veterinář*|lékař*|doktor*|právník*|advokát*|lékárník*|sestr*|"
      + "zubař*|mechanik*|právní*";
  private static final String PL_PROFESSIONS = "weterynarz*|lekarz*|lekark*|doktor*|prawnik*|adwokat*|farmaceut*|"
      + "pielęgniark*|dentyst*|mechanik*|radc*";
  private static final String SK_PROFESSIONS = "veterinár*|lekár*|doktor*|právnik*|advokát*|lekárnik*|sestr*|"
      + "zubár*|mechanik*|právn*";
  private static final String SL_PROFESSIONS = "veterinar*|zdravnik*|zdravnic*|doktor*|pravnik*|pravnic*|"
      + "odvetnik*|farmacevt*|medicinsk*|zobozdravnik*|mehanik*|pravn*";

  /** The lady or gentleman the customer dealt with before, with the clause that says so (Slovene). */
  private static final String SL_LADY = "gospo|gospodom|gospoda|gospodično|tisto|tistim|isto|istim ...3 ki|katero|"
      + "katerim|kateri|katera";
  /** An account, a card, a car or a flat: its owner is no one of the shop's. */
  private static final String NOT_OWNER = " !účt*|uct*|kont*|kart*|vozidl*|aut*|byt*|nemovitost*|mieszkani*|"
      + "samochod*|pojazd*|stanovanj*|avtomobil*|vozil*|račun*|account*|card*|vehicle*|car|flat|house|property|"
      + "apartment|firm*|company|podjetj*|spółk*|dom|domu|domem|hiše|hise|hiša|hisa|budov*|pozemk*|działk*|"
      + "dzialk*|new|previous|former|registered|nový|nového|nowy|nowego|nového|"
      + "novega|prejšnj*|předchozí*|poprzedni*|predchádzajúc*";

  /** Verbs of talking, putting through and connecting before "with / to" a person, per language. */
  private static final String CS_TALK_TO = "mluvit|promluvit|hovořit|pobavit|spojit|spojte|přepojit|přepojte|"
      + "přepoj|probrat|konzultovat|zkonzultovat|kontakt";
  private static final String PL_TALK_TO = "rozmawiać|porozmawiać|pogadać|połączyć|połączcie|połącz|przełączyć|"
      + "przełączcie|przełącz|omówić|skonsultować|kontakt|porozmawiałbym|porozmawiałabym";
  private static final String SK_TALK_TO = "hovoriť|porozprávať|rozprávať|spojiť|spojte|prepojiť|prepojte|prepoj|"
      + "prebrať|konzultovať|skonzultovať|kontakt";
  private static final String SL_TALK_TO = "govoriti|pogovoriti|pogovor|povežite|povezati|poveži|prevežite|prevezati|"
      + "posvetovati|stik|kontakt";

  /** People one gets through to, in the case after "k / do" (dative or genitive). */
  private static final String CS_PEOPLE_TO = "člověku|operátor*|operátork*|konzultant*|pracovník*|pracovnic*|"
      + "poradc*|poradkyn*|technik*|specialist*|vedoucí*|někomu|živému|zaměstnanc*|odborník*";
  private static final String PL_PEOPLE_TO = "człowieka|operator*|konsultant*|pracownik*|pracownic*|doradc*|"
      + "technik*|specjalist*|kierownik*|kogoś|żywego|przedstawiciel*|osoby";
  private static final String SK_PEOPLE_TO = "človeku|operátor*|operátork*|konzultant*|pracovník*|pracovníčk*|"
      + "poradc*|poradkyn*|technik*|špecialist*|vedúc*|niekomu|živému|zamestnanc*|odborník*";
  private static final String SL_PEOPLE_TO = "človeka|operater*|operaterk*|svetoval*|uslužben*|zaposlen*|sodelav*|"
      + "tehnik*|strokovnjak*|specialist*|vodj*|nekoga|živega|predstavnik*";
  /** Another mobile operator or a network reached, not a person. */
  private static final String NOT_CARRIER = " !jiného|jinému|jiným|innego|innemu|innym|iného|inému|iným|drugega|"
      + "drugemu|drugim|mobiln*|komórkow*|síť|sítě|sieci|sieć|siete|sieť|omrežj*|signál*|sygnał*|signal*|"
      + "internet*|sim";

  /**
   * Anyone real there ("Jest tam ktoś prawdziwy?", "Je tam niekto naozajstný?", not at a place or time): {@link
   * HumanRequestSignal} reads it only in a sentence without an "or …" clause naming a machine ("Jest tam ktoś
   * prawdziwy, czy to program?" asks who the customer is talking to).
   */
  static final RuleSet REAL_THERE = RuleSet.of(true,
      "je|jest|jsou|są|sú tam|tu ..2 někdo|ktoś|ktos|niekto|nekdo|kdo ..1 skutečný|skutečná|opravdový|opravdová|"
          + "prawdziwy|prawdziwa|naozajstný|naozajstná|skutočný|skutočná|pravý|pravi|prava|resničen|resnična" + PLACES
          + HumanRequestFamilies.PHOTO,
      "is|are there ..1 anyone|anybody|someone|somebody ..1 real|actual|alive" + PLACES + HumanRequestFamilies.PHOTO);

  /** A product photo: "Je tam někdo opravdový na té fotce, …?" asks about a picture (review of the twenty-fourth round). */
  private static final String PHOTO = "|foto*|fotk*|fotc*|fotografi*|zdjęci*|zdjeci*|photo*|picture*|obrázk*|obrazk*|"
      + "slik*|sliki";

  /** A machine, in the "or …" clause of a question about who the customer is talking to. */
  static final RuleSet MACHINE = RuleSet.of(false, "bot|bots|robot*|program*|automat*|machine*|ai|computer*|"
      + "chatbot*|stroj*|maszyn*|počítač*|komputer*|računalnik*|avtomat*|software|umělá|sztuczn*|umel*|"
      // review of the twenty-fourth round: a mannequin in a product photo ("…, nebo je to figurína?")
      + "mannequin*|dummy|figurín*|figurin*|manekin*|lutk*");

  static final RuleSet ASKED = RuleSet.of(true,
      // human help asked for by its adjective, advice or help from an employee
      "need|want|prefer|require|request|get|like|asking-for ..2 human|personal help|support|assistance|advice"
          + OWN,
      "potřebuj*|chci|chtěl*|prosím|poprosím|žádám|preferuj* ..2 lidsk* pomoc*|podpor*|rad*|asistenc*" + OWN,
      "potrzebuję|potrzebuje|chcę|chce|chciał*|proszę|poproszę|wolę|żądam ..2 ludzk* pomoc*|wsparci*|porad*|"
          + "asyst*" + OWN,
      "potrebujem|chcem|chcel*|prosím|poprosím|žiadam|preferuj* ..2 ľudsk* pomoc*|podpor*|rad*|asistenc*" + OWN,
      "potrebujem|želim|hočem|rabim|prosim|rad|rada|zahtevam ..2 človešk* pomoč*|podpor*|nasvet*|asistenc*" + OWN,
      "need|want|like|get ..2 advice|help|answer from ..2 " + EN_PEOPLE + OWN,
      "potřebuj*|chci|chtěl*|prosím ..2 radu|pomoc|odpověď od ..2 " + CS_PEOPLE + OWN,
      "potrzebuję|potrzebuje|chcę|chce|chciał*|proszę ..2 porady|pomocy|odpowiedzi od ..2 " + PL_PEOPLE + OWN,
      "potrebujem|chcem|chcel*|prosím ..2 radu|pomoc|odpoveď od ..2 " + SK_PEOPLE + OWN,
      "potrebujem|želim|hočem|rabim|prosim ..2 nasvet|pomoč|odgovor od ..2 " + SL_PEOPLE + OWN,
      // a call expected from one of the shop's people
      "expect|expecting|await|awaiting ..3 call|callback|call-back|phone-call|ring from|by ..1 " + EN_PEOPLE + OWN,
      "očekávám|čekám|očekáváme|čekáme ..3 telefonát|zavolání|hovor|kontakt od ..1 " + CS_PEOPLE + OWN,
      "oczekuję|oczekuje|czekam|oczekujemy|czekamy ..3 telefonu|kontaktu|połączenia|oddzwonienia od ..1 "
          + PL_PEOPLE + OWN,
      "očakávam|čakám|očakávame|čakáme ..3 telefonát|zavolanie|hovor|kontakt od ..1 " + SK_PEOPLE + OWN,
      "pričakujem|čakam|pričakujemo|čakamo ..3 klic|klica|poziv|stik od ..1 " + SL_PEOPLE + OWN,
      "pričakujem|čakam|pričakujemo|čakamo ..2 klic|klica|poziv ..2 " + SL_PEOPLE + OWN,
      "čekám|čekáme na telefonát|zavolání|kontakt|hovor od ..1 " + CS_PEOPLE + OWN,
      "czekam|czekamy na telefon|kontakt|połączenie|oddzwonienie od ..1 " + PL_PEOPLE + OWN,
      "čakám|čakáme na telefonát|zavolanie|kontakt|hovor od ..1 " + SK_PEOPLE + OWN,
      "čakam|čakamo na klic|stik|poziv od ..1 " + SL_PEOPLE + OWN,
      // a person to judge or decide, or to handle it
      "ať|nechť to|tohle ..1 člověk|pracovník|pracovnice|konzultant|zaměstnanec posoudí|rozhodne|prověří|"
          + "zkontroluje|přezkoumá" + OWN,
      "niech to ..1 człowiek|pracownik|pracownica|konsultant oceni|rozstrzygnie|sprawdzi|przejrzy|rozpatrzy|"
          + "zdecyduje" + OWN,
      "nech to|toto ..1 človek|pracovník|pracovníčka|konzultant|zamestnanec posúdi|rozhodne|preverí|skontroluje"
          + OWN,
      "naj to|tole ..1 človek|uslužbenec|uslužbenka|svetovalec|svetovalka|zaposleni presodi|oceni|odloči|preveri|"
          + "pregleda" + OWN,
      "let|have|want|need a|an|some|real|actual|live human|person|human-being|staff-member|member-of-staff|employee ..2 "
          + "judge|decide|assess|evaluate|examine|review|read|check" + OWN,
      "human|person|human-being should|must|needs-to|has-to judge|decide|assess|evaluate|review|look|check" + OWN,
      "could|can|would|please a|an|one|some|your ..2 " + EN_PEOPLE + "|member ..2 handle|deal|sort|look|check|"
          + "review|take-care" + OWN,
      "ať|nechť|kéž ..2 to|tohle|ji|ho ..2 posoudí|rozhodne|prověří|zkontroluje|přezkoumá|přečte|vyřeší ..2 "
          + "člověk|pracovník|pracovnice|konzultant|někdo-živý|živý-člověk|zaměstnanec" + OWN,
      "ať|nechť ..2 člověk|pracovník|pracovnice|konzultant|zaměstnanec ..2 to|tohle ..1 posoudí|rozhodne|prověří|"
          + "zkontroluje|přezkoumá" + OWN,
      "niech ..2 to|tę|ją|go ..2 oceni|rozstrzygnie|sprawdzi|przejrzy|rozpatrzy|zdecyduje|przeczyta ..2 "
          + "człowiek|pracownik|pracownica|konsultant|ktoś-żywy|żywy-człowiek" + OWN,
      "niech ..2 człowiek|pracownik|pracownica|konsultant ..2 to|tę|ją ..1 oceni|rozstrzygnie|sprawdzi|przejrzy|"
          + "rozpatrzy|zdecyduje" + OWN,
      "nech ..2 to|toto|ju|ho ..2 posúdi|rozhodne|preverí|skontroluje|prečíta|vyrieši ..2 človek|pracovník|"
          + "pracovníčka|konzultant|zamestnanec|niekto-živý|živý-človek" + OWN,
      "nech ..2 človek|pracovník|pracovníčka|konzultant|zamestnanec ..2 to|toto ..1 posúdi|rozhodne|preverí|"
          + "skontroluje" + OWN,
      "naj ..2 to|tole|jo|ga ..2 presodi|oceni|odloči|preveri|pregleda|prebere|reši ..2 človek|uslužbenec|"
          + "uslužbenka|svetovalec|svetovalka|zaposleni|nekdo-živ|živ-človek" + OWN,
      "naj ..2 človek|uslužbenec|uslužbenka|svetovalec|svetovalka|zaposleni ..2 to|tole ..1 presodi|oceni|odloči|"
          + "preveri|pregleda" + OWN,
      // a named role asked to call or talk to
      "have|get|ask|let the|a|an|your ..1 " + EN_ROLES + " ..2 call|ring|phone|contact|email me|us|back" + OWN,
      "talk|speak|chat ..2 to|with the|a|an|your ..1 " + EN_ROLES + OWN,
      "ať|aby|nechť ...3 " + CS_CALLERS + " ...4 zavolal|zavolala|zavolá|ozval|ozvala|ozve|kontaktoval|"
          + "kontaktovala" + OWN,
      "ať|aby|nechť ...3 zavolal|zavolala|zavolá|ozval|ozvala|ozve|kontaktoval|kontaktovala ...3 " + CS_CALLERS + OWN,
      "żeby|aby|by|niech ...4 " + PL_CALLERS + " ...4 oddzwonił|oddzwoniła|oddzwoni|zadzwonił|zadzwoniła|zadzwoni|"
          + "odezwał|odezwała|skontaktował|skontaktowała" + OWN,
      "żeby|aby|by|niech ...3 oddzwonił|oddzwoniła|oddzwoni|zadzwonił|zadzwoniła|zadzwoni|odezwał|odezwała ...3 "
          + PL_CALLERS + OWN,
      "nech|aby ...3 " + SK_CALLERS + " ...4 zavolal|zavolala|zavolá|ozval|ozvala|ozve|kontaktoval|kontaktovala"
          + OWN,
      "nech|aby ...3 zavolal|zavolala|zavolá|ozval|ozvala|ozve|kontaktoval|kontaktovala ...3 " + SK_CALLERS + OWN,
      "naj|da ...3 " + SL_CALLERS + " ...4 pokliče|poklical|poklicala|oglasi|javi|kontaktira" + OWN,
      "naj|da ...3 pokliče|poklical|poklicala|oglasi|javi|kontaktira ...3 " + SL_CALLERS + OWN,
      "mluvit|promluvit|hovořit|spojit|spojte|přepojte|hovor|rozhovor|schůzku ..2 s|se ..2 " + CS_ROLES + OWN,
      "rozmawiać|porozmawiać|rozmowę|rozmowy|połączyć|połączcie|spotkanie|kontakt ..2 z|ze ..2 " + PL_ROLES + OWN,
      "hovoriť|porozprávať|rozprávať|spojiť|spojte|prepojte|hovor|rozhovor|stretnutie ..2 s|so ..2 " + SK_ROLES
          + OWN,
      "govoriti|pogovoriti|pogovor|povežite|povezati|sestanek|stik ..2 z|s ..2 " + SL_ROLES + OWN,
      "chci|chtěl*|potřebuj*|dejte ..2 vedoucí|vedoucího|vedoucí-směny|vedoucího-směny",
      // someone normal or competent asked for
      "give|get|find|send me|us ..1 someone|somebody|anyone|a-person ..1 normal|competent|sane|sensible|"
          + "knowledgeable|qualified",
      "dejte|dej|sežeňte|pošlete|chci|potřebuj* ..1 mi|nám ..1 někoho|někoho ..1 normálního|kompetentního|"
          + "rozumného|schopného|příčetného",
      "dajcie|daj|dajże|znajdźcie|chcę|potrzebuję ..1 mi|nam ..1 kogoś ..1 normalnego|kompetentnego|rozsądnego|"
          + "ogarniętego|kumatego",
      "dajte|daj|zožeňte|pošlite|chcem|potrebujem ..1 mi|nám ..1 niekoho ..1 normálneho|kompetentného|rozumného|"
          + "schopného",
      "dajte|daj|poiščite|pošljite|hočem|rabim|potrebujem ..1 mi|nam ..1 koga|nekoga ..1 normalnega|kompetentnega|"
          + "pametnega|razumnega",
      "dejte|dej|chci|potřebuj* někoho normálního|kompetentního|rozumného|schopného",
      "dajcie|daj|chcę|potrzebuję kogoś normalnego|kompetentnego|rozsądnego|ogarniętego",
      "dajte|daj|chcem|potrebujem niekoho normálneho|kompetentného|rozumného|schopného",
      "dajte|daj|hočem|rabim|potrebujem koga|nekoga normalnega|kompetentnega|pametnega|razumnega",
      // someone from a department or the agency asked for or to be called
      "d|would|we-d|i-d like|want|need ..2 a-person|someone|somebody|a-human|a-member|a-rep|an-employee from ..2 your|"
          + "accounts|billing|sales|finance|accounting|support|returns|claims|agency|the-agency|department|team"
          + FAMILY,
      "like|want|need to ..1 call|phone|ring|talk-to|speak-to|speak-with|talk-with someone|somebody|anyone from|at "
          + "..2 your|the|agency|office|sales|billing|accounts|support|shop|store" + OWN,
      "bych|bychom ...3 zavolal*|mluvil*|promluvil*|volal* ..2 někomu|někým|s-někým|někoho z|ze|od" + OWN,
      "bym|byśmy ...3 zadzwonił*|porozmawiał*|rozmawiał*|skontaktował* ..2 do-kogoś|z-kimś|kogoś|kimś z|ze|od" + OWN,
      "by ...3 zavolal*|hovoril*|porozprával*|volal* ..2 niekomu|niekým|s-niekým|niekoho z|zo|od" + OWN,
      "bi ...3 poklical|poklicala|klical|klicala|govoril|govorila|pogovoril|pogovorila ..2 nekoga|koga|nekomu|"
          + "komu|z-nekom|s-nekom|z-kom|s-kom iz|od|z|s" + OWN,
      // anyone there? ("Halo, jest tam jakiś człowiek?", "Hello, is there a human there?")
      "is|are there ..2 human|humans|human-being|real-person|live-person|actual-person|living-person ..1 there|here|"
          + "available|around|alive" + PLACES,
      "hello|hallo|hi|hey ...2 is|are anyone|anybody|somebody|someone there|out-there" + PLACES,
      "^is|are|hello|hallo|hi|hey ..1 anyone|anybody|somebody|someone ..1 there|out-there|alive|real" + PLACES,
      "je|jsou|jest|są|sú tam|tu ..2 člověk|człowiek|človek|živý-člověk|živý-človek|żywy-człowiek|živá-duše|"
          + "żywa-dusza|živá-duša|někdo-živý|ktoś-żywy|niekto-živý" + PLACES,
      "je tam|tu ..2 človek|živ-človek|kdo-živ|živa-duša|nekdo-živ" + PLACES,
      "haló|halo|hallo|ahoj|hej|zdravo|dobrý-den|dzień-dobry|dobrý-deň|dober-dan ...2 je|jest|jsou tam|tu ..1 někdo|"
          + "ktoś|niekto|nekdo|kdo|kdokoli|ktokolwiek|ktokoľvek|kdorkoli" + PLACES,
      // Slovene: will someone of the shop get in touch ("Se mi bo oglasil kakšen zaposleni?")
      "me|mi|nas|nam ..2 bo ..1 oglasil|oglasila|javil|javila|poklical|poklicala ...3 " + SL_CALLERS + "|"
          + "kakšen|kakšna" + OWN);

  /**
   * The twenty-fourth round's families of {@link #ASKED} (whom to sort it out with, the lady dealt with before, the
   * director or "your" professional, someone to take it on, getting through to a person); {@link
   * HumanRequestSignal} reads them only where {@link #elsewhere} finds no one else meant.
   */
  static final RuleSet ASKED_24 = RuleSet.of(true,
      // twenty-fourth round: whom the customer could sort it out with ("S kým bych to mohl vyřešit?")
      "who|whom ..1 can|could|should|may ..1 i|we ...3 sort|discuss|resolve|settle|arrange|go-over|go-through ...3 "
          + "with" + OWN,
      "with whom ..1 can|could|should|may ..1 i|we ...3 sort|discuss|resolve|settle|arrange|talk|speak",
      "s|se kým|kym ...3 bych|bychom|můžu|mohu|mohl*|lze|šlo|dá|dalo ...4 vyřešit|řešit|probrat|domluvit|vyjasnit|"
          + "projednat|prodiskutovat|konzultovat|mluvit|promluvit|pobavit",
      "z|ze kim ...3 mogę|mógłbym|mogłabym|można|moglibyśmy|da ...4 załatwić|omówić|wyjaśnić|ustalić|rozwiązać|"
          + "porozmawiać|rozmawiać|skonsultować|przedyskutować|obgadać",
      "s|so kým|kym ...3 by|môžem|mohol|mohla|dá|možno|dalo ...4 vyriešiť|riešiť|prebrať|dohodnúť|vyjasniť|"
          + "prediskutovať|konzultovať|hovoriť|porozprávať",
      "s|z kom ...3 bi|lahko|morem|moremo ...4 uredil|uredila|urediti|rešil|rešila|rešiti|pogovoril|pogovorila|"
          + "pogovoriti|dogovoril|dogovorila|dogovoriti|razčistil|razčistila|razčistiti|govoril|govorila|govoriti|"
          + "uredim|rešim|razčistim|dogovorim|pogovorim|zmenim",
      // the lady or gentleman the customer dealt with before ("Přepojte mě na paní, se kterou jsem mluvil")
      "talk|speak|chat|transfer|connect|put-me-through|get-me|pass-me ..2 to|with|through-to ..1 the|that|same ..1 "
          + "lady|gentleman|woman|man|guy|girl|person|agent|advisor|adviser|consultant|rep|representative|operator|"
          + "colleague ..1 i|who|whom|that ...3 spoke|talked|dealt|chatted|helped|handled|sorted|called|emailed|served",
      "přepojte|přepojit|přepoj|spojte|spojit|mluvit|promluvit|hovořit|pobavit|domluvit ..2 na|s|se|k ..1 paní|pani|"
          + "pánem|pána|panem|pana|slečnou|slečnu|tou|tím|tu ...3 kterou|kterým|který|která|jež|jenž|co",
      "połącz|połączcie|połączyć|przełącz|przełączcie|przełączyć|porozmawiać|rozmawiać|pogadać ..2 z|ze|do|na ..1 "
          + "panią|pania|panem|pani|pana|tą|tym ...3 z-którą|z-którym|która|który|co|której|którego",
      "prepojte|prepojiť|prepoj|spojte|spojiť|hovoriť|porozprávať|rozprávať ..2 na|s|so|k ..1 pani|pánom|panom|pána|"
          + "pana|slečnou|slečnu|tou|tým|tú ...3 ktorou|ktorým|ktorý|ktorá|čo",
      "povežite|poveži|prevežite|preveži ..2 me|nas ..2 z|s|na ..1 " + SL_LADY,
      "bi|rad|rada|želim|hočem|lahko|moram|prosim ...3 govoriti|govoril|govorila|pogovoriti|pogovoril|pogovorila|"
          + "povezali|povezati|prevezali|prevezati ..2 z|s|na ..1 " + SL_LADY,
      // the shop's director or owner, or one of its professionals ("Z vašim direktorjem bi rad govoril")
      "talk|speak|chat ..2 to|with ..1 the|your ..1 " + EN_HEADS + NOT_OWNER + OWN.replace(" !", "|"),
      "transfer|connect|put|pass|get me|us ..2 to|with|through-to ..1 the|your ..1 " + EN_HEADS + NOT_OWNER
          + OWN.replace(" !", "|"),
      "talk|speak|chat ..2 to|with ..1 your|one-of-your ..1 " + EN_PROFESSIONS + OWN,
      "transfer|connect|put|pass|get me|us ..2 to|with|through-to ..1 your|one-of-your ..1 " + EN_PROFESSIONS + OWN,
      CS_TALK_TO + " ..2 s|se|na|k|ke ..1 ředitel*|majitel*" + NOT_OWNER,
      CS_TALK_TO + " ..2 s|se|na|k|ke ..1 vaš*|váš ..1 " + CS_PROFESSIONS,
      PL_TALK_TO + " ..2 z|ze|do ..1 dyrektor*|prezes*|właściciel*" + NOT_OWNER,
      PL_TALK_TO + " ..2 z|ze|do ..1 wasz*|państwa ..1 " + PL_PROFESSIONS,
      SK_TALK_TO + " ..2 s|so|na|k|ku ..1 riaditeľ*|majiteľ*" + NOT_OWNER,
      SK_TALK_TO + " ..2 s|so|na|k|ku ..1 vaš*|váš ..1 " + SK_PROFESSIONS,
      SL_TALK_TO + " ..2 z|s|na|k|h ..1 direktor*|lastnik*|lastnic*" + NOT_OWNER,
      SL_TALK_TO + " ..2 z|s|na|k|h ..1 vaš* ..1 " + SL_PROFESSIONS,
      "z|s|se|so ..1 vaš*|váš|wasz* ..1 ředitel*|majitel*|dyrektor*|prezes*|właściciel*|riaditeľ*|majiteľ*|"
          + "direktor*|lastnik* ...3 bych|bi|chci|chcę|chciał*|chcem|chcel*|rad|rada|želim|hočem ...2 mluvit|"
          + "hovořit|promluvit|porozmawiać|rozmawiać|hovoriť|porozprávať|govoril|govorila|govoriti|pogovoril|"
          + "pogovorila" + NOT_OWNER,
      "bych|bychom ...4 mluvil*|hovořil*|promluvil*|probral* ..2 s|se ..2 ředitel*|majitel*" + NOT_OWNER,
      "bych|bychom ...4 mluvil*|hovořil*|promluvil*|probral* ..2 s|se ..2 vaš*|váš ..1 " + CS_PROFESSIONS,
      "by ...4 hovoril*|porozprával*|rozprával*|prebral* ..2 s|so ..2 riaditeľ*|majiteľ*" + NOT_OWNER,
      "by ...4 hovoril*|porozprával*|rozprával*|prebral* ..2 s|so ..2 vaš*|váš ..1 " + SK_PROFESSIONS,
      "bi ...4 govoril*|pogovoril*|pogovarjal* ..2 z|s ..2 direktor*|lastnik*|lastnic*" + NOT_OWNER,
      "bi ...4 govoril*|pogovoril*|pogovarjal* ..2 z|s ..2 vaš* ..1 " + SL_PROFESSIONS,
      // someone of the shop to take it on ("aby zajął się tym doradca", "ať se toho ujme poradce")
      "żeby|aby|by|niech ...3 zajął|zajęła|zajmie|zajmował|zajmowała|podjął|podjęła ...3 " + PL_CALLERS + "|"
          + "doradca|doradczyni|konsultant|specjalista|specjalistka" + OWN,
      "żeby|aby|by|niech ...3 " + PL_CALLERS + "|doradca|doradczyni|specjalista|specjalistka ...3 zajął|zajęła|"
          + "zajmie|zajmował|zajmowała" + OWN,
      "ať|aby|nechť ...3 ujal|ujala|ujme|věnoval|věnovala|věnuje|chopil|chopila|převzal|převzala ...3 " + CS_CALLERS
          + "|poradce|poradkyně|specialista|specialistka|odborník" + OWN,
      "ať|aby|nechť ...3 " + CS_CALLERS + "|poradce|poradkyně|specialista|specialistka|odborník ...3 ujal|ujala|ujme|"
          + "věnoval|věnovala|věnuje|chopil|chopila" + OWN,
      "nech|aby ...3 ujal|ujala|ujme|venoval|venovala|venuje|chopil|chopila|prevzal|prevzala ...3 " + SK_CALLERS
          + "|poradca|poradkyňa|špecialista|špecialistka|odborník" + OWN,
      "nech|aby ...3 " + SK_CALLERS + "|poradca|poradkyňa|špecialista|špecialistka|odborník ...3 ujal|ujala|ujme|"
          + "venoval|venovala|venuje|chopil|chopila" + OWN,
      "naj|da ...3 ukvarja|ukvarjal|ukvarjala|loti|lotil|lotila|posveti|posvetil|posvetila|prevzame ...3 "
          + SL_CALLERS + "|strokovnjak|strokovnjakinja|specialist|specialistka" + OWN,
      "naj|da ...3 " + SL_CALLERS + "|strokovnjak|strokovnjakinja|specialist|specialistka ...3 ukvarja|loti|lotil|"
          + "lotila|posveti|posvetil|posvetila|prevzame" + OWN,
      "have|let|get|could|can ..2 an|a|your|one-of-your ..1 advisor|adviser|consultant|specialist|expert|"
          + "staff-member|member-of-staff ..2 take-care-of|take-over|look-into|deal-with|handle|take-on" + OWN,
      // getting through to a person ("Ali lahko sploh pridem do pravega operaterja?")
      "get|getting|got|come ..1 through ..1 to .. " + EN_PEOPLE + OWN,
      "get|getting ..1 to ..2 a|an|some|real|actual|live|human ..1 human|person|agent|operator|representative|rep|"
          + "someone|somebody|consultant" + OWN,
      "dostat|dostanu|dostanem|dostaneme|dovolat|dovolám|dovolám ..1 se ..2 k|ke ...3 " + CS_PEOPLE_TO + NOT_CARRIER,
      "se ..1 dostat|dostanu|dovolat|dovolám ..2 k|ke ...3 " + CS_PEOPLE_TO + NOT_CARRIER,
      "dostać|dostanę|dostane|dodzwonić|dodzwonię|dobić|dobiję ..1 się ..2 do ...3 " + PL_PEOPLE_TO + NOT_CARRIER,
      "się ..1 dostać|dostanę|dodzwonić|dodzwonię|dobić ..2 do ...3 " + PL_PEOPLE_TO + NOT_CARRIER,
      "dostať|dostanem|dovolať|dovolám ..1 sa ..2 k|ku ...3 " + SK_PEOPLE_TO + NOT_CARRIER,
      "sa ..1 dostať|dostanem|dovolať|dovolám ..2 k|ku ...3 " + SK_PEOPLE_TO + NOT_CARRIER,
      "priti|pridem|prideš|pridemo|dobiti|dobim ..2 do ...3 " + SL_PEOPLE_TO + NOT_CARRIER);

  /**
   * Someone other than the shop's people meant by {@link #ASKED_24} (review of the twenty-fourth round): the
   * courier in the sentence ("With whom can I arrange the time, the courier or you?", "Kurier nie mógł się dodzwonić
   * do pracownika recepcji"), the customer's own lawyer, director, family or self ("Náš právník bude chtít mluvit s
   * vaším právníkem", "Manžel bude mluvit s paní, která …", "I can get a specialist to handle it myself"), a parcel
   * taken over by the lady meant ("z panią, która odebrała paczkę").
   */
  private static final RuleSet ELSEWHERE = RuleSet.of(false,
      "courier*|driver*|kurýr*|kuryr*|kurier*|kuriér*|kurir*|dopravc*|przewoźnik*|przewoznik*",
      "my|our|můj|muj|náš|nas|naše|nase|naše|mój|moj|nasz|nasza|nasi|môj|naša|nasa|moj|moja|naš ..1 lawyer*|"
          + "attorney*|solicitor*|accountant*|director*|boss|právník*|pravnik*|advokát*|advokat*|účetní|ucetni|"
          + "ředitel*|reditel*|prawnik*|adwokat*|księgow*|ksiegow*|dyrektor*|szef*|účtovník*|uctovnik*|"
          + "účtovníčk*|uctovnick*|riaditeľ*|riaditel*|odvetnik*|računovod*|racunovod*|direktor*|šef*|sef*",
      "husband|wife|son|daughter|manžel*|manzel*|mąż|maz|żona|zona|syn|dcera|córka|corka|mož|moz|žena|zena|hči|hci",
      "myself|ourselves",
      "převzal*|prevzal*|prevzel*|prevzela|odebrał*|odebral*|took|picked|signed");

  /** An e-mail address asked for: a contact, not a person ("S kým můžu vyřešit fakturu? Máte e-mail na účtárnu?"). */
  private static final RuleSet EMAIL = RuleSet.of(false, "email|e-mail|mail|e-naslov|naslov|address|adres*");

  /**
   * Whether {@link #ASKED_24} in the sentence means someone other than the shop's people, or just a contact asked
   * for in any of the message's sentences.
   */
  static boolean elsewhere(List<Sentence> sentences, Sentence sentence) {
    return !ELSEWHERE.matches(sentence).isEmpty() || sentences.stream().anyMatch(s -> !EMAIL.matches(s).isEmpty());
  }
}
