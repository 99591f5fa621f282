package io.deskbridge.core.escalation;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A detector of anger and strongly negative tone in English, Czech, Polish, Slovak and Slovene: lexicons, a few
 * rules ({@link PhraseRule} syntax) and typography; every point of the score can be traced to a word or a mark.
 *
 * <p>The score in [0, 1] adds up, each word counting once (for its strongest reading):
 *
 * <ul>
 *   <li>{@value #AIMED} per insult aimed at the company, the bot or the agent ("you idiots", "your stupid bot", "Jste
 *       banda zlodějů", "fuck you"), and per threat or boycott ("I will report you", "never ordering from you
 *       again", "už u vás nikdy nic nekoupím");
 *   <li>{@value #INSULT} per insult that is not aimed ("the courier is an idiot");
 *   <li>{@value #NEGATIVE} per strongly negative word or phrase ("terrible", "unacceptable", "sick of", "hrozné",
 *       "beznadziejny"), unless negated ("not terrible");
 *   <li>{@value #PROFANE} per swear word used as an intensifier ("the damn invoice", "kurva");
 *   <li>{@value #MILD} per word of disappointment ("disappointed", "not helpful", "zklamaný"), unless negated;
 *   <li>{@value #EXCLAMATIONS} for two or more exclamation marks in a row (or "?!");
 *   <li>{@value #SHOUTING} for shouting: a word of four or more capital letters (currency and other codes
 *       excepted), or {@value #ALL_CAPS} when at least half of the words of three or more letters are capitals,
 * </ul>
 *
 * capped at 1. Typography counts only when no word of joy or thanks stands without a negative word beside it
 * ("THANK YOU SO MUCH!!!" is enthusiasm). A message is angry from {@value #THRESHOLD}: one swear word in an
 * otherwise neutral question is not anger, nor is one negative word; two of either are, and so is one with "!!", an
 * aimed insult, a threat, or shouting. Immutable and thread-safe.
 */
public final class AngerSignal {

  /** Scores at or above this are anger. */
  public static final double THRESHOLD = 0.5;

  static final double FRUSTRATED = 0.25;
  static final double AIMED = 0.6;
  static final double INSULT = 0.35;
  static final double NEGATIVE = 0.3;
  static final double PROFANE = 0.25;
  static final double MILD = 0.2;
  static final double EXCLAMATIONS = 0.25;
  static final double SHOUTING = 0.15;
  static final double ALL_CAPS = 0.5;

  private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
  private static final Pattern RUN_OF_EXCLAMATIONS = Pattern.compile("!{2,}|\\?!|!\\?");
  private static final Set<String> CODES = Set.of("EUR", "USD", "CZK", "PLN", "GBP", "VAT", "DPH", "PDF", "IBAN",
      "SMS", "FAQ", "ASAP", "HTTP", "HTTPS", "DHL", "UPS", "GLS", "PPL", "DPD", "BLIK", "NIP", "REGON", "URL");

  /** Insults: words for a person or an organisation that are an insult whoever they are aimed at. */
  private static final String INSULTS = String.join("|",
      "idiot*|moron*|stupid*|dumb|dumbass*|imbecile*|retard*|clown*|thieves|thief|crook*|scammer*|liar*|bastard*",
      "jerk*|losers|asshole*|arsehole*|dickhead*",
      "debil*|kretén*|blbec*|blbci|blbý|blbá|blbé|hovad*|zloděj*|podvodník*|šmejd*|lhář*|hlupák*|pitomec*|pitomc*",
      "pitomý|pitomá|pitomé",
      "idioci|kretyn*|złodziej*|oszu*|kłamc*|głupi|głupia|głupie|głupich|matoł*|partacz*|nieudaczn*",
      "zlodej*|klamár*|hlúp*|sprostý|sprostá|sprosté|sprostí|somár*",
      "kreten*|bedak*|tatovi|tatov|lopov*|prevarant*|lažniv*|neumen|neumna|neumno|neumni|neumnega|neumnih|butec*");

  /** Words that insult when aimed at someone ("you are useless") and are only negative otherwise. */
  private static final String AIMABLE = "useless|pathetic|incompetent|worthless|hopeless|neschopn*|nepoužiteln*|"
      + "niekompetentn*|nepoužiteľn*|nesposob*|neuporaben|neuporabna|neuporabno|neuporabni";

  /** Whom an insult can be aimed at: the agent or the bot (second person), the company's people. */
  private static final String TARGETS = String.join("|",
      "you|u|ya|ye|youre|your|ur|yur|yall|bot|chatbot|robot*|people|staff|team|guys",
      "jste|jsi|vy|ty|váš|vaše|vaši|vašeho|vašem|vám|vás|tvůj|tvoje|botu|botem|banda|bando|bandą|lidi",
      "jesteście|jesteś|wy|wasz*|wam|twój|twoja|ludzie",
      "ste|si|vaša|vašu|tvoj*|ľudia|botom",
      "vi|ti|vaš*|vam|vas|ljudje");

  private static final String SWEARING = String.join("|",
      "fuck*|shit*|crap|crappy|damn*|goddamn*|bloody|bullshit|hell|bitch*|piss*|wtf|ffs|frigging|freaking",
      "kurva|kurv*|prdel*|doprdele|sakra*|zasran*|hovno|hovn*|sračk*|zatracen*|krucinál*|kurevsk*|posran*",
      "kurw*|cholera|cholern*|pierdol*|spierdal*|wypierdal*|jebany|jebana|jebane|gówn*|chuj*|kurde",
      "riti|piče|piča|dopiče|prekliat*",
      "prekleto|preklet*|sranje|sranj*|pizda|pizd*|jebem*|jebenti|jebemti");

  /** Aimed insults, threats and boycotts. */
  private static final RuleSet AIMED_RULES = rules(
      TARGETS + " ..2 " + INSULTS + "|" + AIMABLE,
      INSULTS + "|" + AIMABLE + " ..1 " + TARGETS,
      "fuck|fuk|screw|damn|f you|u|ya|yourself|off|this", "piss|bugger off", "go to hell",
      "you|u ..2 sucks|suck", "report you|u|ya", "sue you|u|ya", "see you in court", "take my business elsewhere",
      "you will|ll regret",
      "never ...2 buy*|order*|shop*|purchas*|recommend*|use|using|come|coming ...4 again|anymore",
      "nikdy ...4 nekoup*|neobjedn*|nenakoup*|nedoporuč*|nevrátím",
      "nigdy ...4 kupię|kupie|zamówię|zamowie|polecę|kupować|zamawiać",
      "nikdy ...4 nekúp*|neobjedn*|nenakúp*|neodporuč*",
      "nikoli|nikdar več ...4 naroč*|kupi*|kupil*|kupoval*|priporoč*");

  private static final RuleSet INSULT_RULES = rules(INSULTS);

  private static final RuleSet NEGATIVE_RULES = rules(AIMABLE,
      "terrible|horrible|awful|ridiculous|unacceptable|disgusting|worst|scam*|fraud*|furious|angry|livid",
      "outrageous|disgrace*|shameful|rubbish|nightmare|appalling|atrocious|abysmal|dreadful|shocking|infuriating",
      "sucks|garbage|lousy|unprofessional|ripoff|robbery|hate|hated|hates", "shut up", "fed up", "sick of", "sick and tired", "had enough",
      "rip|ripped off", "waste of time|money", "is|what|such|complete|total ..1 joke", "never ...4 again",
      "leave|give|write|post ..3 bad|negative ..1 review*|rating*", "one|1|zero|0 star ..1 review*|rating*",
      "hrozn*|příšern*|strašný|strašné|strašná|strašní|ostud*|nehorázn*|podvod*|naštvan*|nesnáším",
      "nejhorší*|otřesn*|skandál*|skandáln*|výsměch*|katastrof*|tragédi*|tragick*|neprofesionáln*|zoufal*",
      "k ničemu", "mám toho dost", "je to na nic", "už nikdy", "špatn*|negativní recenz*|hodnocení",
      "okropn*|straszn*|beznadziejn*|skandal*|żenując*|żałosn*|niedopuszczaln*|wkurz*|najgorsz*|porażk*",
      "koszmar*|tragedi*|tragiczn*|kpin*|nieprofesjonaln*|wściek*|złodziejstw*|niekompetentn*|nienawidzę",
      "do niczego",
      "mam dość", "mam tego dość", "jest dno|dnem", "nigdy więcej", "negatywn* opini*|recenzj*|ocen*",
      "príšern*|otrasn*|hanb*|najhorš*|strašný|strašné|strašná|škandál*|výsmech*|nahnevan*|neznášam",
      "mám toho dosť", "k ničomu", "na nič", "už nikdy", "negatívn* recenzi*|hodnoteni*",
      "grozn*|obupn*|nesprejemljiv*|sramot*|prevar*|jezen|jezna|jezni|najslabš*|škandal*|neprofesional*|zanič",
      "sovražim",
      "dovolj mi je", "za nič", "nikoli|nikdar več", "slab* oceno|ocene|mnenje");

  private static final RuleSet SWEARING_RULES = rules(SWEARING, "do prdele|riti|piče", "k vragu");

  private static final RuleSet MILD_RULES = rules(
      "disappointed|disappointing|unhappy|dissatisfied|frustrat*|annoyed|annoying|upset|unhelpful",
      "not ..1 helpful|happy|satisfied", "no help",
      "zklaman*|nespokojen*|rozčil*|otráven*|nepomohl*|nepomáh*",
      "rozczarowan*|niezadowolon*|zawiedzion*|zirytowan*|zdenerwowan*",
      "sklaman*|nespokojn*|rozčúlen*",
      "razočaran*|nezadovolj*|razburjen*|nisi pomagal*|ni pomagal*");

  /** Joy and thanks: with these and no negative word, capitals and exclamation marks are enthusiasm. */
  private static final RuleSet POSITIVE_RULES = rules(
      "thank|thanks|thx|love|loved|loving|happy|glad|congrat*|yay|proud|appreciate*|awesome|amazing|best|excited",
      "děkuji|děkuju|díky|miluj*|šťastn*|skvěl*|úžasn*|paráda",
      "dziękuję|dziekuje|dzięki|kocham|szczęśliw*|świetn*|wspaniał*",
      "ďakujem|vďaka|ľúbim|šťastn*|skvel*|úžasn*",
      "hvala|ljubim|srečn*|odlič*|čudovit*");

  /** The anger score of the text in [0, 1]; 0 for blank text. */
  public double score(String text) {
    double score = 0;
    int positive = 0;
    for (var sentence : Sentence.split(text)) {
      var used = new boolean[sentence.words().size()];
      score += AIMED * count(AIMED_RULES, sentence, used, false)
          + INSULT * count(INSULT_RULES, sentence, used, false)
          + NEGATIVE * count(NEGATIVE_RULES, sentence, used, true)
          + PROFANE * count(SWEARING_RULES, sentence, used, false)
          + MILD * count(MILD_RULES, sentence, used, true);
      positive += count(POSITIVE_RULES, sentence, used, true);
    }
    if (positive > 0 && score == 0) {
      return 0;
    }
    if (RUN_OF_EXCLAMATIONS.matcher(text).find()) {
      score += EXCLAMATIONS;
    }
    int words = 0;
    int capitals = 0;
    boolean shouted = false;
    for (var m = WORD.matcher(text); m.find(); ) {
      var word = m.group();
      words++;
      if (word.equals(word.toUpperCase(Locale.ROOT)) && !CODES.contains(word)) {
        capitals++;
        shouted |= word.length() >= 4;
      }
    }
    if (words >= 3 && capitals * 2 >= words) {
      score += ALL_CAPS;
    } else if (shouted) {
      score += SHOUTING;
    }
    return Math.min(1, score);
  }

  /** True when the score is at or above {@link #THRESHOLD}. */
  public boolean isAngry(double score) {
    return score >= THRESHOLD;
  }

  /**
   * A word for the tone at this score, for the agent: {@code angry} from {@value #THRESHOLD}, {@code frustrated}
   * from {@value #FRUSTRATED}, else {@code neutral}.
   */
  public static String tone(double score) {
    return score >= THRESHOLD ? "angry" : score >= FRUSTRATED ? "frustrated" : "neutral";
  }

  /** Counts the matches of the rules on words not used yet, marking their words used. */
  private static int count(RuleSet rules, Sentence sentence, boolean[] used, boolean negatable) {
    int n = 0;
    for (var match : rules.matches(sentence)) {
      if (free(used, match) && !(negatable && sentence.negated(match[1]))) {
        for (int i = match[1]; i < match[2]; i++) {
          used[i] = true;
        }
        n++;
      }
    }
    return n;
  }

  private static boolean free(boolean[] used, int[] match) {
    for (int i = match[1]; i < match[2]; i++) {
      if (used[i]) {
        return false;
      }
    }
    return true;
  }

  private static RuleSet rules(String... entries) {
    return RuleSet.of(false, entries);
  }
}
