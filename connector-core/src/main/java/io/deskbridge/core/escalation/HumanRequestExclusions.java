package io.deskbridge.core.escalation;

/**
 * What {@link HumanRequestSignal} never reads as a request for a person, whatever it names, per language (en, cs, pl,
 * sk, sl), in {@link PhraseRule} syntax: questions about who the customer is talking to ({@link #ABOUT_THE_BOT}) and
 * their "or …" half ({@link #OR}), someone of the customer's own announced to contact the shop ({@link
 * #SOMEONE_ELSE}), and someone else's words reported ({@link #REPORTED}, with the clause opened by {@link #THAT}).
 * Immutable.
 */
final class HumanRequestExclusions {

  private HumanRequestExclusions() {
  }

  private static RuleSet rules(String... entries) {
    return RuleSet.of(true, entries);
  }

  /** Words that open the second half of an either-or question ("…, nebo živý operátor?"). */
  static final WordSet OR = WordSet.of("or", "nebo", "anebo", "alebo", "czy", "albo", "ali", "oziroma");

  /** Someone of the customer's own who will contact the shop: "my colleague will contact you", not a request. */
  private static final String OWN = "my|our|můj|muj|moje|mé|náš|nas|naše|mój|moj|moja|nasz|nasza|môj|naša|naš";
  private static final String OWN_PEOPLE = "colleague|manager|boss|assistant|husband|wife|partner|kolega|kolegyně|"
      + "kolegyne|kolegyňa|kolegyna|koleżanka|kolezanka|współpracownik|wspolpracownik|sodelavec|sodelavka|kolegica|"
      + "vedoucí|vedouci|vedúci|vedúca|šéf|sef|šéfová|kierownik|kierowniczka|szef|vodja|nadřízený|nadriadený|"
      + "nákupčí|nakupci|nakupca|nákupca|nabavni|nabavnik|nabywca|asistent*|manžel|manželka|mąż|żona|mož|žena";
  private static final String YOU = "you|vás|vas|vám|vam|was|wam|państwa|panstwa|państwem|panią|pania|pana";
  /**
   * A colleague of the customer's who will contact "you" without "my" (eighteenth round: "Kolegyně vás bude
   * kontaktovat"), the colleague first; "Může mě kontaktovat váš kolega?" stays a request.
   */
  private static final String COLLEAGUES = "colleague|coworker|co-worker|kolega|kolegyně|kolegyne|kolegyňa|kolegyna|"
      + "koleżanka|kolezanka|współpracownik|współpracownica|sodelavec|sodelavka|kolegica";
  private static final String CONTACTS = "contact|contacting|call|calling|email|reach|kontaktovat|kontaktuje|"
      + "kontaktovať|zavolá|zavolat|zavolať|ozve|napíše|kontaktować|skontaktuje|skontaktować|kontaktowała|"
      + "kontaktował|zadzwoni|odezwie|napisze|kontaktiral|kontaktirala|kontaktira|poklical|poklicala|pokliče|oglasil|"
      + "oglasila|oglasi|pisal|pisala";
  /**
   * Porting a number from or to another mobile operator (eighteenth round), not asking for an operator: only after a
   * verb of porting or switching ("Transfer me to another operator" is a request).
   */
  private static final String PORTING = "port|porting|switch|switching|change|move|přejít|přejdu|přenést|převést|"
      + "změnit|zmenit|przejść|przejsc|przejdę|zmienić|zmienic|przenieść|przeniesc|prejsť|prejst|zmeniť|zmenit|"
      + "preniesť|preniest|preiti|zamenjati|zamenjam|prenesti ...4 jiného|jinému|jiným|innego|innemu|innym|iného|"
      + "inému|iným|drugega|drugemu|drugim|another|other|different ..1 operátor*|operator*|operater*|carrier|network|síť|sítě|sieci|sieć|siete|"
      + "sieť|omrežj*";
  static final RuleSet SOMEONE_ELSE = rules(
      OWN + " ..2 " + OWN_PEOPLE + " ...6 " + YOU, YOU + " ...6 " + OWN + " ..2 " + OWN_PEOPLE,
      COLLEAGUES + " ..2 " + YOU + " ...4 " + CONTACTS, COLLEAGUES + " ...4 " + CONTACTS + " ...3 " + YOU + "|wami",
      PORTING,
      "port|porting|přenést|přenesení|převést|przenieść|przeniesienie|przenoszenie|preniesť|prenesenie|previesť|"
          + "prenesti|prenos ...3 number|číslo|čísla|numer|numeru|številk*");

  /**
   * Someone else's words reported, not the customer's request (fourteenth round): "The courier said a person will
   * call me", "Kurýr říkal, že mi zavolá člověk z depa". Not when the customer or "you" said it ("you said someone
   * would call me", "říkali jste").
   */
  /** The customer or "you" as the one who said it, in any of the five languages: then it is no one else's word. */
  private static final String NOT_SOMEONE_ELSE = " !you|your|i|we|jste|jsi|vy|váš|vaše|vaši|jsem|jsme|pan|pani|"
      + "państwo|wasz|wasza|wasi|pański|pańska|ste|si|vaša|som|sme|vaš|sem|smo";
  static final RuleSet REPORTED = rules(
      "said|says|told|wrote|mentioned|promised" + NOT_SOMEONE_ELSE,
      "říkal|říkala|říkali|řekl|řekla|řekli|napsal|napsala|napsali|tvrdil|tvrdila|tvrdili|slíbil|slíbila|slíbili|"
          + "sdělil|sdělila|sdělili" + NOT_SOMEONE_ELSE,
      "powiedział|powiedziała|powiedzieli|mówił|mówiła|mówili|napisał|napisała|napisali|twierdził|twierdziła|"
          + "twierdzili|obiecał|obiecała|obiecali" + NOT_SOMEONE_ELSE,
      "povedal|povedala|povedali|napísal|napísala|napísali|tvrdil|tvrdila|tvrdili|sľúbil|sľúbila|sľúbili"
          + NOT_SOMEONE_ELSE,
      "rekel|rekla|rekli|dejal|dejala|dejali|napisal|napisala|napisali|trdil|trdila|trdili|obljubil|obljubila|"
          + "obljubili" + NOT_SOMEONE_ELSE);

  /** Words that open a reported clause after a comma ("…, že mi zavolá člověk"). */
  static final WordSet THAT = WordSet.of("that", "že", "ze", "że", "da");

  /** Questions about who the customer is talking to, not requests to change it. */
  private static final String BOT_OR_PERSON = "human*|person|people|bot|robot|ai|machine|computer|program|"
      + "software|automated|real|live|actual|someone|somebody|agent|operator|assistant|chatbot|artificial";
  /** A person or a machine, in the questions about the other side of the chat (fourteenth round). */
  private static final String PERSON_OR_BOT = "člověk*|človek*|człowiek*|person|human|oseb*|osob*|someone|somebody|"
      + "humans|people|někdo|niekto|ktoś|nekdo|robot*|bot|bots|chatbot*|program*|stroj*|maszyn*|operátor*|operator*|operater*";
  /** A verb of wanting or giving next to it makes the question a request ("I need a person on the other end"). */
  private static final String WANTING = " !want|need|chci|chtěl*|potřebuj*|chcę|chciał*|potrzebuj*|chcem|chcel*|"
      + "potrebuj*|želim|hočem|rabim|give|dejte|dajte|dajcie|prosím|proszę|prosim";
  static final RuleSet ABOUT_THE_BOT = rules(
      "are|r you|u|ya ...3 " + BOT_OR_PERSON,
      "you are|re|r ...3 " + BOT_OR_PERSON,
      "am i ...1 talking|speaking|chatting|writing|texting|messaging",
      "is|was this|it|that ...2 " + BOT_OR_PERSON,
      "jsi|jste|jseš|seš ...2 člověk*|robot*|bot*|stroj*|živ*|skutečn*|osob*|počítač*|operátor*|umělá",
      "mluvím|píšu|hovořím|komunikuji|komunikuju|chatuji|chatuju|bavím ...3 člověk*|robot*|bot*|strojem|osob*|"
          + "operátor*|počítač* !způsob|abych|chci|chtěl*|můžu|mohu|potřebuj*|rád|ráda",
      "je|jde to ...2 robot*|bot*|člověk*|stroj*",
      "jesteś|jestes|jesteście|jestescie ...2 człowiek*|bot*|robot*|maszyn*|prawdziw*|żyw*|osob*|komputer*|"
          + "konsultant*",
      "rozmawiam|piszę|pisze|czatuję ...3 człowiek*|bot*|robot*|maszyn*|osob*|komputer*|konsultant* "
          + "!sposób|żebym|chcę|chciał*|mogę|potrzebuj*|wolę",
      "czy to ...2 bot*|robot*|człowiek*|maszyn*",
      "^si|ste ...2 človek*|robot*|bot*|stroj*|živ*|skutočn*|osob*|počítač*|operátor*",
      "ty-si|vy-ste|si-ty|ste-vy|či-si|či-ste ...2 človek*|robot*|bot*|stroj*|živ*|skutočn*|osob*|počítač*",
      "rozprávam|píšem|hovorím|komunikujem|chatujem ...3 človek*|robot*|bot*|strojom|osob*|operátor*|počítač* "
          + "!spôsob|aby|chcem|chcel*|môžem|potrebuj*|rád|rada",
      "ali-si|ali-ste|ti-si|vi-ste ...2 človek*|robot*|bot*|stroj*|živ*|resnič*|oseb*|računalnik*",
      "^si|ste ...2 človek*|robot*|bot*|stroj*|resnič*|oseb*|računalnik*",
      "answering|replying|responding|writing|typing|written|answered|generated|typed ...4 bot|robot|human|person|"
          + "machine|ai|program|computer",
      "odpovídá|odpovídal|píše|mluví|odepisuje ...4 robot*|bot*|člověk*|stroj*|počítač*|program*",
      "odpowiada|rozmawia|odpisuje ...4 robot*|bot*|człowiek*|maszyn*|komputer*|program*",
      "odpovedá|odpovedal|píše|hovorí|odpisuje ...4 robot*|bot*|človek*|stroj*|počítač*|program*",
      "odgovarja|odgovori|piše|govori ...4 robot*|bot*|človek*|stroj*|računalnik*|program*",
      "govorim|pišem|pogovarjam|klepetam ...3 človek*|robot*|bot*|strojem|oseb*|operater*|računalnik* "
          + "!lahko|bi|želim|hočem|rad|rada|moram|da|način|mogoče|možno|potrebujem|rabim",
      // fourteenth round: who is on the other side or end, who runs the chat
      "other|druhé|druhej|drugiej|drugi|drugem ..1 side|end|straně|strane|stronie|strani|konci|końcu|koncu ...4 "
          + PERSON_OR_BOT + WANTING,
      PERSON_OR_BOT + " ...4 other|druhé|druhej|drugiej|drugi ..1 side|end|straně|strane|stronie|strani|konci|końcu|"
          + "koncu" + WANTING,
      "chat*|czat*|klepet*|conversation|konverzac* ...3 run|operated|staffed|manned|handled|powered|controlled|"
          + "obsluhuje|obsluhují|obsluhován*|provozuje|obsługuje|obsługiwany|obsługiwana|prowadzi|obsluhovaný|"
          + "obsluhovaná|prevádzkuje|upravlja|poganja ...4 " + PERSON_OR_BOT + "|software|ai|machine" + WANTING,
      // who sits behind the chat (seventh round)
      "sedí|sedi|sedia|siedzi|siedzą|sits|sitting ...5 člověk*|človek*|człowiek*|person|human|oseb*|osob*|"
          + "operátor*|operator*|operater*|konzultant*|konsultant*|someone|somebody|někdo|niekto|ktoś|nekdo",
      "behind|za|po ...3 chat*|czat*|klepet*|obrazovk*|ekran*|screen ...4 člověk*|človek*|człowiek*|"
          + "person|human|oseb*|osob*|someone|somebody|někdo|niekto|ktoś|nekdo");
}
