package io.deskbridge.core.escalation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Critical keywords that a person must handle: complaints, cancellations and legal threats. Each category is a list
 * of entries in the {@link PhraseRule} syntax: plain words and phrases ({@code reklamac*} matches "reklamaci",
 * "reklamace"; {@code sue} only the word "sue"), and rules that need a verb near its object and stay quiet near
 * other words ({@code cancel* .. order*|account* !fee*|newsletter*}: "cancel my Gold account", not "the fee for
 * cancelling an order" nor "cancel the newsletter subscription"). Case and accents do not matter; entries match
 * within one sentence.
 *
 * <p>A match that is negated does not count: "I do not want to cancel", "no complaints", "nechci zrušit", "nie chcę
 * anulować" (a negated "can" still wants it: "I can't cancel my order" is a cancellation). Nor does a cancellation
 * supposed in a question about fees, nor a complaint noun alone in a question about how long the complaints process
 * takes or when the department is open ("Jak dlouho trvá vyřízení reklamace?"), unless the complaint is the customer's
 * own or already running. The keywords of every language are checked whatever the message's language.
 * Immutable and thread-safe.
 */
public final class KeywordSignal {

  /** The keyword categories, each with the handover reason it leads to. */
  public static final Map<String, HandoverReason> CATEGORIES = categories();

  private final RuleSet rules;
  private final List<HandoverReason> reasonOfRule;

  /**
   * @param keywords language → category → entries ({@link PhraseRule} syntax); categories must be keys of
   *                 {@link #CATEGORIES}
   * @throws IllegalArgumentException on an unknown category or a malformed entry
   */
  public KeywordSignal(Map<String, Map<String, List<String>>> keywords) {
    var rules = new ArrayList<PhraseRule>();
    var exclusions = new ArrayList<WordSet>();
    var reasons = new ArrayList<HandoverReason>();
    keywords.forEach((language, categories) -> categories.forEach((category, entries) -> {
      var reason = CATEGORIES.get(category);
      if (reason == null) {
        throw new IllegalArgumentException("unknown keyword category '" + category + "' for language '"
            + language + "'; known: " + CATEGORIES.keySet());
      }
      var listRules = new ArrayList<PhraseRule>();
      var listExclusions = new ArrayList<String>();
      for (var entry : entries) {
        var rule = PhraseRule.parse(entry);
        if (rule != null && rule.exclusionOnly()) {
          listExclusions.addAll(List.of(entry.strip().replace("!", " ").replace("|", " ").strip().split("\\s+")));
        } else if (rule != null) {
          listRules.add(rule);
        }
      }
      var shared = WordSet.of(listExclusions.toArray(String[]::new));
      for (var rule : listRules) {
        rules.add(rule);
        exclusions.add(shared);
        reasons.add(reason);
      }
    }));
    this.rules = new RuleSet(rules, exclusions);
    this.reasonOfRule = List.copyOf(reasons);
  }

  /** The reasons whose keywords occur in the text, in the order complaint, cancellation, legal; never null. */
  public Set<HandoverReason> reasons(String text) {
    var present = new HashSet<HandoverReason>();
    for (var sentence : Sentence.split(text)) {
      for (var match : rules.matches(sentence)) {
        var reason = reasonOfRule.get(match[0]);
        if (!sentence.negated(match[1])
            && !(reason == HandoverReason.CANCELLATION && hypothetical(sentence, match[1]) && aboutFees(sentence))
            && !(reason == HandoverReason.COMPLAINT && aboutTheProcess(sentence, match))) {
          present.add(reason);
        }
      }
    }
    var found = new LinkedHashSet<HandoverReason>();
    CATEGORIES.values().stream().filter(present::contains).forEach(found::add);
    return found;
  }

  /** Conjunctions that make a cancellation a supposition ("if I cancel", "když zruším", "jeśli anuluję"). */
  private static final WordSet CONDITIONALS = WordSet.of("if", "when", "když", "kdyz", "pokud", "jestli", "jestliže",
      "kdybych", "kdybychom", "jeśli", "jeżeli", "gdy", "gdybym", "keď", "ak", "keby", "če", "ko", "kadar");

  /** Words of a fee or a charge, in the five languages. */
  private static final WordSet FEES = WordSet.of("fee", "fees", "charge", "charged", "penalty", "poplat*", "pokut*",
      "opłat*", "zapłac*", "kar", "karę", "pristojbin*", "stroš*", "plačam", "plačal*");

  /**
   * Whether the cancellation at {@code start} is a supposition in a sentence about fees ("Zaplatím poplatek, když
   * objednávku zruším?"): a conditional conjunction opens its clause before it, and a fee is named anywhere in the
   * sentence (the fee exclusions of the rules only look around the match, in its clause).
   */
  private static boolean hypothetical(Sentence sentence, int start) {
    var words = sentence.words();
    for (int i = start - 1; i >= 0 && sentence.clause(i) == sentence.clause(start); i--) {
      if (CONDITIONALS.contains(words.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** Complaint nouns (not verbs: "I want to complain", "reklamuji" stay complaints). */
  private static final WordSet COMPLAINT_NOUNS = WordSet.of("complaint", "complaints", "claim", "claims",
      "reklamac*", "reklamační*", "reklamáci*", "reklamačn*", "reklamacj*", "reklamacyjn*", "reklamacij*",
      "reklamacijsk*", "stížnost*", "sťažnos*", "skarg*", "zażaleni*", "pritožb*");

  /** Words of how long the process takes or when it is open. */
  private static final WordSet PROCESS = WordSet.of("long", "take", "takes", "last", "lasts", "open", "opening",
      "hours", "trvá", "trvat", "trvají", "trwa", "trwać", "trwają", "traja", "trajajo", "trajalo", "otevřeno",
      "otevřen*", "otvoren*", "czynn*", "otwart*", "odprt*");

  /** Words that make it the customer's own complaint running too long: already, still, again. */
  private static final WordSet PERSISTING = WordSet.of("already", "still", "again", "už", "již", "pořád", "stále",
      "furt", "znovu", "już", "wciąż", "nadal", "ciągle", "znowu", "ešte", "znova", "že", "še", "spet", "my", "mine",
      "moje", "moji", "mou", "moja", "moją", "moju", "mojo", "mojej", "mojeho", "mojega");

  /**
   * Whether a complaint noun stands alone in a question about how long the complaints process takes or when the
   * complaints department is open ("How long does the complaints process take?", "Má reklamační oddělení otevřeno i
   * v sobotu?"): a question the knowledge base answers, unless it speaks of the customer's own complaint or of one
   * already running ("my complaint", "už", "still").
   */
  private static boolean aboutTheProcess(Sentence sentence, int[] match) {
    if (!sentence.question() || match[2] - match[1] != 1
        || !COMPLAINT_NOUNS.contains(sentence.words().get(match[1]))) {
      return false;
    }
    var words = sentence.words();
    return words.stream().anyMatch(PROCESS::contains) && words.stream().noneMatch(PERSISTING::contains);
  }

  private static boolean aboutFees(Sentence sentence) {
    return sentence.words().stream().anyMatch(FEES::contains);
  }

  /** The built-in keywords: language (en, cs, pl, sk, sl) → category → entries. */
  public static Map<String, Map<String, List<String>>> defaults() {
    return DEFAULTS;
  }

  private static Map<String, HandoverReason> categories() {
    var map = new LinkedHashMap<String, HandoverReason>();
    for (var r : List.of(HandoverReason.COMPLAINT, HandoverReason.CANCELLATION, HandoverReason.LEGAL)) {
      map.put(r.code(), r);
    }
    return Collections.unmodifiableMap(map);
  }

  // Objects one cancels, verbs of ending them, and the words that turn a sentence into a question about fees,
  // terms or the newsletter, per language. An account can also be closed, deleted or removed; an order cannot
  // ("remove an item from my order" changes it).
  private static final String EN_ENDED = "order|orders|ordered|ordering|purchase*|subscription*|membership*|contract*|plan|trial|service";
  private static final String EN_ACCOUNTS = "account*|profile|registration";
  private static final String EN_END = "cancel*|terminat*|revok*|annul*|discontinu*";
  private static final String EN_UNWANTED = EN_ENDED + "|" + EN_ACCOUNTS + "|user|item|items|article|articles|"
      + "product|products";
  private static final String EN_CLOSE = "close|closing|closes|closure|delete|deleting|deletion|deleted|remove|"
      + "removing|removal|removed|deactivat*|shut|erase|erasing";
  private static final String EN_NOT_CLOSING = "!picture*|photo*|image*|avatar|history|cookies|cache";
  private static final String EN_NOT_CANCELLING = "!fee|fees|charge|charges|penalty|penalties|cost|costs|price|"
      + "prices|policy|policies|terms|conditions|newsletter*|mailing*|notification*|marketing|promotional";

  private static final String CS_ENDED = "objednávk*|objednávce|objednávek|nákup*|předplatn*|smlouv*|členství|"
      + "tarif*|služb*|účet|účtu|účtem|účty|konto|profil*|registrac*";
  private static final String CS_END = "zrušit|zruš*|zrušen*|storn*|vypovědět|vypověz*|výpověď|výpovědi|ukončit|"
      + "ukonč*|deaktiv*|odhlásit|odhlaš*|smazat|smaž*|smazán*|odstranit|odstraň*|odstraněn*|zavřít|zavřete|zavřen*";
  private static final String CS_NOT_CANCELLING = "!poplat*|pokut*|sankc*|kolik|stojí|cena|ceny|podmínk*|"
      + "newsletter*|novink*";

  private static final String PL_ENDED = "zamówieni*|zamówień|zakup*|subskrypcj*|abonament*|umow*|umów|"
      + "członkostw*|usług*|konto|konta|kontem|koncie|profil*|prenumerat*";
  private static final String PL_END = "anulow*|anuluj*|zrezygnow*|rezygnuj*|rezygnacj*|wypowiedz*|wypowiedzeni*|"
      + "wycofa*|zlikwid*|likwidacj*|dezaktyw*|usunąć|usuń|usuńcie|usunięci*|usuwani*|skasow*|skasuj*|zamknąć|zamknij*|"
      + "zamknięci*";
  private static final String PL_NOT_CANCELLING = "!opłat*|kar|karę|kary|koszt*|kosztuje|ile|cena|ceny|cenę|"
      + "regulamin*|warunk*|newsletter*";

  private static final String SK_ENDED = "objednávk*|objednávok|nákup*|predplatn*|zmluv*|členstv*|tarif*|služb*|"
      + "účet|účtu|účtom|účty|konto|konta|profil*|registráci*";
  private static final String SK_END = "zrušiť|zruš*|zrušeni*|storn*|vypoveda*|výpoveď|výpovede|ukončiť|ukonč*|"
      + "deaktiv*|vymazať|vymaž*|vymazani*|zmazať|zmaž*|zmazani*|odstrániť|odstráň*|odstráneni*|zavrieť|zavrite|"
      + "zatvoriť|zatvor*";
  private static final String SK_NOT_CANCELLING = "!poplat*|pokut*|sankci*|koľko|stojí|cena|ceny|podmienk*|"
      + "newsletter*|novink*";

  private static final String SL_ENDED = "naročil*|naročnin*|pogodb*|članstv*|storitev|storitv*|račun|računa|"
      + "računu|profil*|nakup*";
  private static final String SL_END = "preklic*|prekliči*|preklič*|storn*|odpovedati|odpovedal*|odpovem|odpovejte|"
      + "odpovedujem|ukini*|ukinitev|"
      + "deaktivir*|izbris*|izbriš*|zbris*|zbriš*|odstrani*|odstranitev|zapreti|zaprite|zapri|zaprtje";
  private static final String SL_NOT_CANCELLING = "!stroš*|pristojbin*|kazen|kazni|koliko|stane|cena|cene|"
      + "pogoj*|novic*";

  private static final Map<String, Map<String, List<String>>> DEFAULTS = Map.of(
      "en", Map.of(
          "complaint", List.of("complain*", "grievance*", "reclamation*",
              "file|files|filed|filing|lodge|lodging|lodged|make|making|submit*|raise|raising|open|opening|"
                  + "register|registering|put|start|starting ..3 claim|claims|complaint*|reclamation*|grievance*",
              "customer|consumer|warranty|guarantee ..1 claim|claims|reclamation*",
              "claim|claims|reclamation* ..2 against",
              "not ..2 happy|satisfied|pleased with", "unhappy|dissatisfied|displeased with"),
          "cancellation", List.of(
              EN_END + " .. " + EN_ENDED + "|" + EN_ACCOUNTS + " " + EN_NOT_CANCELLING,
              EN_CLOSE + " .. " + EN_ACCOUNTS + " " + EN_NOT_CANCELLING + " " + EN_NOT_CLOSING,
              EN_CLOSE + "|" + EN_END + " ..2 user !from|team|member|members|another|other|users",
              "withdraw|withdrawing from .. contract*|purchase*|order|orders|subscription*",
              "withdraw|withdrawing my|the|this|that order|orders|purchase*",
              EN_ENDED + "|" + EN_ACCOUNTS + " ..2 cancel*|terminat*|deletion|deletions|removal|removals|closure|closing|"
                  + "deactivation "
                  + EN_NOT_CANCELLING,
              EN_ENDED + "|" + EN_ACCOUNTS + "|user ...4 " + EN_END + "|close|closing|delete|deleting ..1 it|them|this|that "
                  + EN_NOT_CANCELLING,
              "stop|stopping ..2 subscription*|membership*|contract*",
              "end|ending my|the|this|our subscription*|membership*|contract*|plan|trial|account*",
              "get|getting rid of ..2 " + EN_ENDED + "|" + EN_ACCOUNTS,
              "unsubscrib* ..1 from ..2 plan|membership|service|subscription*|premium",
              "don't|dont|didn't|didnt want*|need* ..3 " + EN_UNWANTED + " !to|be",
              "no longer want*|need*|use|using ..3 " + EN_UNWANTED + " !to|be",
              "do|does|did not want*|need* ..3 " + EN_UNWANTED + " !to|be",
              "can't|cannot|cant afford ..3 " + EN_UNWANTED,
              "no longer afford ..3 " + EN_UNWANTED,
              "no longer pay for ..3 order|orders|purchase*"),
          "legal", List.of("lawyer*", "attorney* !power", "solicitor*", "lawsuit*", "legal action*", "legal steps",
              "legal proceeding*", "class action", "small claims", "ombudsman", "trading standards", "sued",
              "am|m|re|are|be|been|is|start|consider|considering suing", "suing you|u|ya|your|them",
              "will|ll|gonna|to|shall|can|could|might|then|and|i|we sue", "sue you|u|ya|your|them|the|this|for|over",
              "to|in|into|before court|courts", "court case*|action*|proceeding*",
              "!joke|jokes|joking|funny")),
      "cs", Map.of(
          "complaint", List.of("reklamac*", "reklamova*", "reklamuj*", "zareklamova*", "stížnost*", "stěžova*",
              "stěžuj*", "postěžova*", "nespokojen* s|se"),
          "cancellation", List.of(CS_END + " .. " + CS_ENDED + " " + CS_NOT_CANCELLING,
              CS_ENDED + " ..2 " + CS_END + " " + CS_NOT_CANCELLING,
              "odstoupit|odstoupení|odstupuj* od .. smlouv*|objednávk*|nákup*|koupě",
              "nechci|nechceme ..3 objednávk*|zboží|nákup*|předplatn*|účet !" + CS_END),
          "legal", List.of("právník*", "advokát*", "k|u|před|na soud|soudu|soudem", "soudní*", "soudně", "žalob*",
              "žalova*", "zažaluj*", "zažalova*", "obchodní inspekc*", "čoi", "právní* krok*|cest*|zástupc*")),
      "pl", Map.of(
          "complaint", List.of("reklamacj*", "zareklamow*", "reklamuję", "skarg*", "skarż*", "poskarż*", "zażaleni*", "niezadowolon* z|ze"),
          "cancellation", List.of(PL_END + " .. " + PL_ENDED + " " + PL_NOT_CANCELLING,
              PL_ENDED + " ..2 " + PL_END + " " + PL_NOT_CANCELLING,
              "rezygn*|zrezygn* z|ze .. " + PL_ENDED + " " + PL_NOT_CANCELLING,
              "odstąpi*|odstąpieni*|odstępuj* od .. umow*|zamówieni*|zakup*",
              "nie ..1 chcę|chcemy ..3 zamówieni*|zakup*|towar*|produkt* !" + PL_END),
          "legal", List.of("prawnik*", "adwokat*", "radc* prawn*", "pozew", "pozwę", "pozwać", "pozwiemy", "pozwie",
              "do sądu", "w sądzie", "przed sądem", "sądow*", "uokik", "rzecznik* praw*", "krok* prawn*",
              "drog* prawn*|sądow*")),
      "sk", Map.of(
          "complaint", List.of("reklamáci*", "reklamova*", "reklamuj*", "sťažnos*", "sťažova*", "sťažuj*",
              "posťažova*", "nespokojn* s|so"),
          "cancellation", List.of(SK_END + " .. " + SK_ENDED + " " + SK_NOT_CANCELLING,
              SK_ENDED + " ..2 " + SK_END + " " + SK_NOT_CANCELLING,
              "odstúpi*|odstúpeni* od .. zmluv*|objednávk*|kúp*|nákup*",
              "nechcem|nechceme ..3 objednávk*|tovar*|nákup*|predplatn* !" + SK_END),
          "legal", List.of("právnik*", "advokát*", "na|k|pred|u súd|súdu|súdom|súde", "súdn*", "žalob*", "žalova*",
              "zažaluj*", "zažalova*", "slovensk* obchodn* inšpekci*", "soi",
              "právn* krok*|cest*|zástupc*")),
      "sl", Map.of(
          "complaint", List.of("reklamacij*", "reklamir*", "pritožb*", "pritoži*", "pritožuj*", "nezadovolj* z|s"),
          "cancellation", List.of(SL_END + " .. " + SL_ENDED + " " + SL_NOT_CANCELLING,
              SL_ENDED + " ..2 " + SL_END + " " + SL_NOT_CANCELLING,
              "odstop*|odstopi* od .. pogodb*|naročil*|nakup*",
              "nočem|nočemo ..3 naročil*|izdel*|nakup*|naročnin* !" + SL_END),
          "legal", List.of("odvetnik*", "tožb*", "tožil*", "toži*", "sodišč*", "pravnik*", "pravn* ukrep*|pot*", "inšpektorat*",
              "tržn* inšpekc*")));
}
