package io.deskbridge.core.escalation;

/**
 * The twenty-third round's families of anger (docs/quality.md, "Twenty-third round"), in English, Czech, Polish,
 * Slovak and Slovene ({@link PhraseRule} syntax; accents never matter), scored by {@link AngerSignal} with weight
 * {@link AngerSignal#STRONG}: "how many more times must I send you …", "stop fobbing me off", "I want answers, not
 * excuses", "my money back now, not a voucher", "don't tell me to be patient", "you keep telling me it is being
 * handled", "I'll tell everyone", trust lost, "that's theft", "X is a joke / a farce / a mockery", a pathetic service,
 * and a sentence that is a verdict by itself ("Skandal.", "Hrôza.", "Never again.", "Dość.", "Nemám slov.").
 */
final class AngerRebukes {

  private AngerRebukes() {
  }

  /** Praise beside "I'll tell everyone" makes it a recommendation. */
  private static final String NOT_PRAISE = " !great|fast|quick|recommend*|love*|nice|helpful|good|best|skvěl*|rychl*|"
      + "dobr*|doporuč*|świetn*|szybk*|poleca*|skvel*|rýchl*|odporúč*|odlič*|hitr*|dober|priporoč*|super|díky|thanks";

  /** Each enough alone, also in a question and when negated ("Do not tell me to be patient"). */
  static final RuleSet STRONG = RuleSet.of(false,
      // how many more times must I send / repeat
      "how many more times", "how|how-many times|often ...3 must|do|have|should|need i ...4 repeat|explain|resend|"
          + "re-send|chase|remind|send-you|tell-you !per|each|every|year|month|week|step*|cycle*|dose*|reading*",
      "kolikrát ...3 vám|vás|ti ...3 mám|musím", "kolikrát ...3 mám|musím ...3 opakovat|posílat|přeposílat|psát|"
          + "volat|vysvětlovat|urgovat|dokládat",
      "ile razy ...3 wam|was|państwu ...3 mam|muszę", "ile razy ...3 mam|muszę ...3 powtarzać|wysyłać|przesyłać|"
          + "pisać|dzwonić|tłumaczyć|wyjaśniać",
      "koľkokrát ...3 vám|vás ...3 mám|musím", "koľkokrát ...3 mám|musím ...3 opakovať|posielať|preposielať|písať|"
          + "volať|vysvetľovať|urgovať",
      "kolikokrat ...3 vam|vas ...3 moram|naj", "kolikokrat ...3 moram|naj ...3 ponavljati|ponoviti|poslati|"
          + "pošiljati|pisati|klicati|razlagati|pojasnjevati",
      // stop fobbing me off
      "fob|fobbing|brush|brushing me|us off",
      "mě|mne|nás|přestaňte|nenechám|nenecháme ...3 odbývat|odbýt|odbývali", "odbýváte ..1 mě|mne|nás",
      "mnie|nas|przestańcie|nie-dam ...3 zbywać|zbyć|spławiać|spławić", "zbywacie|spławiacie ..1 mnie|nas",
      "ma|mňa|nás|prestaňte|nenechám ...3 odbíjať|odbiť|odbavovať|odbaviť", "odbíjate|odbavujete ..1 ma|mňa|nás",
      "nehajte ..2 odpravljati|odpravljat", "me|nas ..1 odpravljate|odpravljajo",
      // answers, not excuses; my money now, not a voucher
      "want|need|demand|chci|chceme|žádám|chcę|chcemy|żądam|chcem|chceme|žiadam|hočem|hočemo|želim|zahtevam ...6 "
          + "not|ne|nie|a-nie ..2 excuse*|apolog*|promise*|template*|výmluv*|omluv*|slib*|šablon*|wymów*|"
          + "przeprosin*|obietnic*|szablon*|výhovor*|ospravedln*|sľub*|izgovor*|opravič*|obljub*|predlog*",
      "want|need|chci|chcę|chcem|hočem|želim ...6 now|immediately|hned|ihned|teď|teraz|natychmiast|hneď|ihneď|"
          + "takoj|zdaj ...3 not|ne|nie|a-nie ..2 voucher*|poukaz*|poukáž*|bon|bona|bonu|kupon*|credit|kredit*",
      // don't tell me to be patient or to wait
      "don|do t|not tell|ask me ..3 be|to patient|wait|calm|relax",
      "neříkejte|nepište|nežádejte mi ...3 ať|abych|že|o ..3 trpělivost*|trpěliv*|počkám|počkal*|vydržím|vydržel*|"
          + "uklidn*",
      "nie mówcie|piszcie|każcie mi ...3 żebym|że|o ..3 cierpliw*|poczekał*|czekał*|uspokoił*",
      "nehovorte|nepíšte mi ...3 aby|že|nech|o ..3 trpezliv*|počkal*|počkám|vydržal*|upokojil*",
      "ne govorite|pišite mi ...3 naj|da ..3 potrpežljiv*|počakam|počakal*|potrpim|pomirim",
      // you keep telling me it is being handled; stop telling me that
      "you keep telling|saying|repeating|replying|sending", "stop|quit telling|saying|replying|repeating ...3 that",
      "pořád|stále|furt|jen|neustále|dokola ..2 opakujete|tvrdíte|píšete|odpovídáte ...3 že",
      "přestaňte ..2 psát|opakovat|tvrdit|říkat|odepisovat|odpisovat ...3 že",
      "ciągle|wciąż|tylko|bez-przerwy ..2 powtarzacie|odpisujecie|piszecie|twierdzicie ...3 że",
      "przestańcie ..2 odpisywać|pisać|powtarzać|mówić|twierdzić ...3 że",
      "stále|furt|len|neustále|dookola ..2 opakujete|tvrdíte|píšete|odpovedáte ...3 že",
      "prestaňte ..2 písať|opakovať|tvrdiť|hovoriť ...3 že",
      "samo|ves-čas|kar|nenehno|vedno ..2 ponavljate|trdite|pišete|odgovarjate ...3 da",
      "nehajte ..2 pisati|ponavljati|trditi|govoriti ...3 da");

  /** "I'll tell everyone", enough alone in a sentence that holds no praise ({@link AngerComplaints#PRAISED}). */
  static final RuleSet TOLD = RuleSet.of(false,
      "ll|will tell|warn ..2 everyone|everybody|all-my-friends|all-i-know" + NOT_PRAISE,
      "řeknu|řekneme|povím|varuju|varuji ..2 všem|všechny|každému" + NOT_PRAISE,
      "powiem|ostrzegę|opowiem ..2 wszystkim|wszystkich|każdemu" + NOT_PRAISE,
      "poviem|povieme|varujem ..2 všetkým|všetkých|každému" + NOT_PRAISE,
      "povem|povedal-bom|povedala-bom|opozorim|opozoril-bom ..2 vsem|vse|vsakomur" + NOT_PRAISE);

  /** Each enough alone in a statement, not in a question. */
  static final RuleSet STATEMENTS = RuleSet.of(false,
      // trust lost
      "zero|no trust|confidence|faith ..1 left", "lost all|every ..2 trust|faith|confidence",
      "ztratil*|ztratili ..2 veškerou|všechnu|jakoukoli důvěru", "nemám|nemáme ..1 už ..1 žádnou důvěru",
      "straciłem|straciłam|straciliśmy ..2 całe|wszelkie|resztki zaufani*",
      "stratil*|stratili ..2 všetku|akúkoľvek|celú dôveru", "izgubil*|izgubili ..2 vse|vsakršno|vso zaupanj*",
      "nimam|nimamo ..1 več ..1 nobenega zaupanja",
      // that's theft
      "that|this|it s|is ..2 theft|robbery|daylight-robbery|extortion|a-scam|a-rip-off|fraud !alert|prevention|"
          + "department|team|protection|check|report*|insurance|card|identity|parcel|package",
      "is|s|pure|plain|outright daylight-robbery|extortion|theft !covered|insurance|report*|police|stolen",
      "zlodějna|zlodějina|zlodějství|okrádání|vydírání|lichva|zlodejina|zlodejstvo|okrádanie|zdieranie|oderuštvo|"
          + "naciąganie|naciaganie|złodziejstwo|zdzierstwo|lichwa",
      "to ..1 je|jest ..2 kraja|tatvina|rop|goljufija|rozbój|wyłudzenie|krádež|podvod !kartic*|karty|kart*|"
          + "zavarovan*|pojist*|poist*|ubezpiecz*|polici*|policj*|nahlás*|prijav*|zgłos*",
      // X is a joke, a farce, a mockery
      "is|s|are ..1 a|such-a|an-absolute|a-complete|a-total|just-a joke|farce|shambles|clown-show !gift|present|"
          + "birthday|card|book|mug|shirt|prank|let|hear|tell|heard|know|funny|laugh*",
      "výsměch|výsměchem|výsmech|výsmechom|kpina|kpiną|drwina|posmeh",
      "je|to|jest|jste|ste ..2 fraška|frašku|farsa|farsą|komedie|komédia|komedija|tragikomedie|tragikomédia",
      "to ..1 jakiś|zwykły|jest ..1 żart|kabaret",
      // a pathetic service
      "pathetic|abysmal|atrocious|appalling|disgraceful service|support|company|customer-service|excuse",
      "žalostn*|ubohá|ubohé|ubohý|otřesn*|otrasn*|úbohá|úbohé|úbohý ..1 služb*|servis*|obsluh*|přístup|prístup|"
          + "podpor*|firma|firmy",
      "żałosn*|beznadziejn*|fataln* ..1 obsług*|serwis*|podejści*|firma|pomoc",
      "beden*|zanič|obupn* ..1 storitev|storitv*|podpor*|servis*|odnos*|podjetj*");

  /** A sentence that is a verdict by itself ("Skandal.", "Hrôza.", "Never again."), when it is all of it. */
  static final RuleSet WHOLE = RuleSet.of(false,
      "skandal|skandál|tragedia|tragédia|tragedie|tragédie|hrôza|hrůza|groza|katastrofa|katastrofe|absurd|absurdno|"
          + "absurdní|absurdné|absurdalne|ostuda|hanba|sramota|wstyd|hańba|ridiculous|pathetic|disgraceful|"
          + "shameful|outrageous|unacceptable|nepřijatelné|nieakceptowalne|neprijateľné|nesprejemljivo|enough|dość|"
          + "fraška|fraszka|farsa|farce|cirkus|cyrk|kabaret|výsměch|výsmech|kpina|posmeh|nepřípustné|neprípustné|"
          + "niedopuszczalne|nedopustno|"
          + "dosyć|dovolj",
      "never again", "už|nikdy nikdy|víc|více", "nigdy więcej", "už nikdy", "nikoli|nikdar več",
      "nemám|nemam slov", "brak ..1 słów", "nimam besed", "i|i-m|i-am speechless");

  /** Whether the sentence, not a question, is a {@link #WHOLE} verdict and nothing else. */
  static boolean wholeVerdict(Sentence sentence) {
    if (sentence.question()) {
      return false;
    }
    int size = sentence.words().size();
    return WHOLE.matches(sentence).stream().anyMatch(m -> m[1] == 0 && m[2] == size);
  }
}
