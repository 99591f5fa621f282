package io.deskbridge.core.escalation;

/**
 * Signs of waiting and of being ignored, in English, Czech, Polish, Slovak and Slovene ({@link PhraseRule} syntax),
 * scored by {@link AngerSignal} at {@link AngerSignal#NEGATIVE} each: weeks or months of waiting, nobody answering,
 * still nothing, the same fault again, being bounced between departments, promises and nothing happening, nobody
 * caring. One alone is impatience, not anger; two together, or one with another negative word, are anger.
 */
final class AngerWaiting {

  /** Waiting and unanswered messages: one alone is impatience, two together (or with another word) anger. */
  static final RuleSet RULES = RuleSet.of(false,
      "wait|waiting|waited ...4 " + AngerSignal.LONG, AngerSignal.LONG + " ..2 waiting|late|overdue|delay*",
      "still no|nothing|not ..2 answer|reply|response|word|update|refund|money|parcel|package|order",
      "still nothing", "nobody|noone ...3 " + AngerSignal.UNANSWERED,
      "still|yet ..2 hasn|haven|hasnt|havent|isn|not|didn|never|t ..1 arrived|come|shipped|delivered|refunded|processed|"
          + "answered|replied|fixed|resolved|received|returned",
      AngerSignal.LONG + " ..2 and|later ..1 still|nothing", "no reply|response|answer|callback !needed|necessary|required",
      "still|being|completely|totally|simply ignored", "you promised|promise", "keep|keeps|kept promising", "no one ...3 " + AngerSignal.UNANSWERED,
      "ignoring|ignore|ignored my ..2 emails|messages|calls|requests|complaints|complaint|email|message|request|ticket",
      "not|without ..2 single ..1 update|reply|answer|word|email|call|message|response",
      "still nowhere|missing", "pořád|porad|stále|furt|ještě ..1 nikde", "wciąż|nadal|dalej|ciągle ..1 nigdzie|brak",
      "jak nie było|bylo ...1 tak nie ma", "stále|furt|ešte ..1 nikde", "še vedno|zmeraj ..1 nikjer",
      "ani jeden|jedna|jediný|jediná e-mail|mail|zprávu|zpráva|odpověď|reakce",
      "ani jednej|jednego wiadomości|maila|e-maila|odpowiedzi", "ani jeden|jedna|jediný|jediná e-mail|mail|správu|"
          + "správa|odpoveď|reakcia", "niti en|ena|enega|ene sporočila|e-maila|odgovora|odgovor",
      "ignorujete|ignorovali|ignoruje|ignorují ...3 reklamac*|e-mail*|mail*|zpráv*|stížnost*|žádost*|dotaz*",
      "ignorujecie|ignorowaliście|ignoruje|ignorują ...3 reklamacj*|e-mail*|mail*|wiadomoś*|zgłoszen*|skarg*",
      "ignorujete|ignorovali|ignoruje|ignorujú ...3 reklamáci*|e-mail*|mail*|správ*|sťažnos*|žiados*",
      "ignorirate|ignorirali|ignorira|ignorirajo ...3 reklamacij*|e-mail*|mail*|sporočil*|pritožb*|zahtev*",
      "čekám|čekáme|čekal*|čekání ...4 " + AngerSignal.LONG, AngerSignal.LONG + " ..2 čekání|po termínu|zpoždění",
      "pořád|porad|stále|furt|ještě ..1 nic", "nikdo ...3 neodpovídá|neodpověděl|neozval|nereaguje|nezavolal|neví|"
          + "neřeší|nepomohl|nepomůže|nezajímá|neodepsal|neodepisuje|neodepíše|nezvedá|nezvedl|nezvedne|nebere|"
          + "neřekne|neřekl|"
          + "neporadí|nevysvětlí",
      "pořád|porad|stále|furt ..2 nedorazil*|nepřišl*|nepřišel|nevrátil*|nedošl*",
      "bez odpovědi|reakce", "nemyslíte vážně", "to snad ne",
      AngerSignal.LONG + " ..2 čekám|čekáme", "žádná|zadna odpověď|reakce", "slíbili|slibovali|slibujete jste",
      "jste ..1 slíbili|slibovali",
      "czekam|czekamy|czekałem|czekałam|czekania|czekanie ...4 " + AngerSignal.LONG,
      AngerSignal.LONG + " ..2 spóźnion*|opóźnieni*|czekania|po terminie",
      "dalej|nadal|wciąż|ciągle ..1 nic|brak", "nikt ...3 nie ..1 odpowiada|odpisuje|odpowiedział|odezwał|oddzwonił|zadzwonił|dzwoni|"
          + "reaguje|wie|pomógł|odpisał|interesuje|odbiera|odebrał|odpisze|odpowie",
      "dalej|nadal|wciąż|ciągle ..2 nie ..1 dotarł*|przyszł*|przyszedł|doszł*|doszedł|wrócił*|wróciły",
      "bez odpowiedzi|reakcji", "żartujecie|kpicie", "jaja ..1 sobie robicie",
      AngerSignal.LONG + " ..2 czekam|czekamy", "zero|żadnej|brak odpowiedzi|reakcji|kontaktu|odzewu",
      "obiecaliście|obiecywaliście|obiecaliscie",
      "čakám|čakáme|čakal*|čakania|čakanie ...4 " + AngerSignal.LONG, "mešká|meškáte ..2 " + AngerSignal.LONG,
      "stále|ešte|furt ..1 nič", "nikto ...3 neodpovedá|neodpovedal|neozval|nereaguje|nezavolal|nevie|nerieši|"
          + "nepomohol|nezaujíma|neodpísal|neodpisuje|neodpíše|nedvíha|nezdvihol|nezdvihne|nedvihol",
      "stále|furt ..2 nedorazil*|neprišl*|neprišiel|nevrátil*|nedošl*",
      "bez odpovede|reakcie", "nemyslíte vážne",
      AngerSignal.LONG + " ..2 čakám|čakáme", "žiadna odpoveď|reakcia", "sľúbili|sľubovali ste", "ste ..1 sľúbili|sľubovali",
      "čakam|čakamo|čakal*|čakanj* ...4 " + AngerSignal.LONG, "zamuja|zamujate ..2 " + AngerSignal.LONG,
      "še vedno|zmeraj ..1 nič|ni|brez", "nihče ...3 odgovori|odgovarja|odgovoril|odpiše|oglasi|oglasil|ve|pokliče|"
          + "poklical|pomaga|pomagal|odpisal|dvigne|dvignil|javi|javil",
      "brez odgovora|odziva", "se hecate|šalite",
      AngerSignal.LONG + " ..2 čakam|čakamo", "nobenega|nič odgovora|odziva", "obljubili|obljubljali ste",
      "ste ..1 obljubili|obljubljali",
      // bounced between departments or people (seventh round)
      "from one ..3 to another|the-next", "from department|person|agent|team|office to department|person|agent|team|"
          + "office", "pillar to post", "bounce|bouncing|bounced|pass|passing|passed|shunted|shuffling|shuffled|"
          + "ping-ponged ..2 around|about|"
          + "back-and-forth",
      "z|ze oddělení|odboru|kanceláře|pobočky|linky|operátora ..1 na|do|k oddělení|odbor|kancelář*|pobočk*|link*|"
          + "operátor*",
      "přehazujete|přehazují|přehazovali|přehazuje|pinkáte|pinkají|přeposíláte|přeposílají mě|mne|nás|me",
      "od jednoho|jedné ...3 k|ke druhému|druhé|dalšímu|další", "od čerta k ďáblu",
      "od działu|konsultanta|konsultantki|osoby|pracownika|infolinii|oddziału do działu|konsultanta|konsultantki|osoby|"
          + "pracownika|infolinii|oddziału",
      "odsyłacie|odsyłają|odsyłali|odsyłaliście|przerzucacie|przerzucają|przerzucali|spychacie|przekazujecie mnie|nas",
      "od jednego|jednej ...3 do drugiego|drugiej|kolejnego|kolejnej|następnego", "od annasza do kajfasza",
      "z|zo oddelenia|odboru|kancelárie|pobočky|linky|operátora ..1 na|do|k oddelenie|odbor|kanceláriu|pobočk*|link*|"
          + "operátor*",
      "prehadzujete|prehadzujú|prehadzovali|pinkáte|pinkajú|preposielate|preposielajú|posielate|posielajú|posielali "
          + "ma|mňa|nás ...3 z|zo|od|sem|tam",
      "od jedného|jednej ...3 k|ku druhému|druhej|ďalšiemu|ďalšej", "od čerta k diablu", "od poncia k pilátovi",
      "od oddelka|službe|osebe|pisarne|poslovalnice|operaterja do oddelka|službe|osebe|pisarne|poslovalnice|operaterja",
      "pošiljate|pošiljajo|pošiljali|premetavate|premetavajo|preusmerjate|preusmerjajo me|nas ...3 od|z|iz|sem|tja",
      "od enega|ene ...3 do drugega|druge|naslednjega|naslednje", "od poncija do pilata",
      // promises and nothing happening (seventh round)
      "all you do|ever-do is ..2 promise|promises|apologi*|apologis*", "empty|broken|hollow promises",
      "make|making|keep-making promises", "nothing ever|really|actually ..1 happens|changes|moves|gets",
      "and|but nothing ..1 happens|happened|changes|changed|moves|moved",
      "pořád|porad|stále|furt|jen|jenom|pouze ..2 slibujete|slibují|slibuješ|sliby", "plané|prázdné|samé sliby",
      "a|ale nic ..1 se ..1 neděje|nedeje|nestalo|nestane|nezměnilo|nezmenilo|nemění|nehne|nehýbe",
      "ciągle|ciagle|wciąż|wciaz|tylko|stale ..2 obiecujecie|obiecują|obiecujesz|obiecanki", "puste|"
          + "gołosłowne obietnice",
      "i|a nic ..1 się|sie ..1 nie ..1 dzieje|zmienia|zmieniło|stało|rusza",
      "stále|furt|len|iba ..2 sľubujete|sľubujú|sľubuješ|sľuby", "prázdne|plané sľuby",
      "a|ale nič ..1 sa ..1 nedeje|nestalo|nestane|nezmenilo|nehýbe",
      "kar-naprej|vedno|samo|ves-čas|zmeraj ..2 obljubljate|obljubljajo|obljubljaš|obljube", "prazne|votle obljube",
      "zgodi|spremeni|premakne ..2 nič", "nič ..2 ne ..1 zgodi|spremeni|premakne",
      // nobody cares, in the object forms (seventh round)
      "nikoho ...3 nezajímá|nezajima|netrápí|netrapi|nezaujíma|nezaujima|netrápi", "nikogo ...3 obchodzi|interesuje",
      "nikogar ...3 briga|zanima|ne-briga|ne-zanima",
      "dalej|nadal|wciąż|wciaz|ciągle|ciagle ..1 nie ma",
      // the same thing again
      "again|twice|second-time ...4 broken|damaged|wrong|faulty|defective|lost",
      "už|již|zase|znovu ..1 podruhé|potřetí", "podruhé|potřetí ...3 rozbit*|poškozen*|vadn*|špatn*|ztracen*",
      "drugi|trzeci|kolejny ..1 raz ...4 uszkodzon*|wadliw*|zł*|zgubion*|zepsut*",
      "už|zase|znova ..1 druhýkrát|tretíkrát", "druhýkrát|tretíkrát ...3 pokazen*|poškoden*|chybn*|zl*|strat*",
      "že|spet ..1 drugič|tretjič", "drugič|tretjič ...3 pokvarjen*|poškodovan*|napačn*|izgubljen*");

  private AngerWaiting() {}
}
