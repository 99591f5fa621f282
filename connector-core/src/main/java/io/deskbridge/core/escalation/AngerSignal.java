package io.deskbridge.core.escalation;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A baseline detector of anger and strongly negative tone in English, Czech, Polish, Slovak and Slovene: a small
 * lexicon plus typography. It is deliberately simple and transparent; issue #4 replaces it with a measured model.
 *
 * <p>The score in [0, 1] adds up:
 *
 * <ul>
 *   <li>{@value #NEGATIVE} per strongly negative word ("terrible", "useless", "hrozné", "beznadziejny"),
 *   <li>{@value #ABUSIVE} per abusive word ("idiots", "debilové"),
 *   <li>{@value #EXCLAMATIONS} for two or more exclamation marks in a row (or "?!"),
 *   <li>{@value #SHOUTING} for shouting: a word of four or more capital letters (currency and other codes
 *       excepted), or {@value #ALL_CAPS} when at least half of the words of three or more letters are capitals,
 * </ul>
 *
 * capped at 1. A message is angry from {@value #THRESHOLD}: one negative word alone is not anger, two are, and so
 * is one with "!!!". Immutable and thread-safe.
 */
public final class AngerSignal {

  /** Scores at or above this are anger. */
  public static final double THRESHOLD = 0.5;

  static final double FRUSTRATED = 0.25;
  static final double NEGATIVE = 0.3;
  static final double ABUSIVE = 0.6;
  static final double EXCLAMATIONS = 0.25;
  static final double SHOUTING = 0.15;
  static final double ALL_CAPS = 0.5;

  private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
  private static final Pattern RUN_OF_EXCLAMATIONS = Pattern.compile("!{2,}|\\?!|!\\?");
  private static final Set<String> CODES = Set.of("EUR", "USD", "CZK", "PLN", "GBP", "VAT", "DPH", "PDF", "IBAN",
      "SMS", "FAQ", "ASAP", "HTTP", "HTTPS", "DHL", "UPS", "GLS", "PPL", "DPD", "BLIK", "NIP", "REGON", "URL");

  private static final Pattern NEGATIVE_WORDS = Folding.phrases(List.of(
      // en
      "terrible", "horrible", "awful", "useless", "ridiculous", "unacceptable", "disgusting", "worst",
      "pathetic", "incompetent*", "scam*", "fraud*", "furious", "angry", "fed up", "outrageous", "disgrace*",
      "shameful", "rubbish", "sick of", "never again", "joke",
      // cs
      "hrozn*", "příšern*", "strašn*", "nepoužiteln*", "k ničemu", "ostud*", "nehorázn*", "neschopn*",
      "podvod*", "zoufal*", "naštvan*", "nejhorší*", "otřesn*", "skandál*", "výsměch*", "mám toho dost",
      // pl
      "okropn*", "straszn*", "beznadziejn*", "skandal*", "żenując*", "żałosn*", "niedopuszczaln*", "oszust*",
      "oszuk*", "wkurz*", "najgorsz*", "porażk*", "do niczego", "mam dość",
      // sk
      "príšern*", "nepoužiteľn*", "otrasn*", "hanb*", "najhorš*", "neschopn*", "mám toho dosť",
      // sl
      "grozn*", "obupn*", "nesprejemljiv*", "katastrof*", "sramot*", "prevar*", "jezen", "jezna",
      "najslabš*", "nesposob*"));

  private static final Pattern ABUSIVE_WORDS = Folding.phrases(List.of(
      "idiot*", "stupid*", "moron*", "damn*", "shit*", "crap*", "fuck*", "bullshit", "bastard*",
      "debil*", "kretén*", "hovad*", "sračk*", "hovn*", "kurv*", "zasran*", "do prdele", "prdel*",
      "kurw*", "chuj*", "gówn*", "cholern*", "pierdol*",
      "kokot*",
      "kreten*", "sranj*", "pizd*", "prekleto"));

  /** The anger score of the text in [0, 1]; 0 for blank text. */
  public double score(String text) {
    var folded = Folding.fold(text);
    double score = NEGATIVE * count(NEGATIVE_WORDS.matcher(folded)) + ABUSIVE * count(ABUSIVE_WORDS.matcher(folded));
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

  private static int count(Matcher matcher) {
    int n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }
}
