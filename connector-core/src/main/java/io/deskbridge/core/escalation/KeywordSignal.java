package io.deskbridge.core.escalation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Critical keywords that a person must handle: complaints, cancellations and legal threats. Keywords follow
 * {@link Folding#phrases} syntax ({@code reklamac*} matches "reklamaci", "reklamace"; {@code sue} only the word
 * "sue"), case- and accent-insensitively. The keywords of every language are checked whatever the message's
 * language, because short messages are easily mis-detected. Immutable and thread-safe.
 */
public final class KeywordSignal {

  /** The keyword categories, each with the handover reason it leads to. */
  public static final Map<String, HandoverReason> CATEGORIES = categories();

  private final Map<HandoverReason, Pattern> patterns;

  /**
   * @param keywords language → category → keywords; categories must be keys of {@link #CATEGORIES}
   * @throws IllegalArgumentException on an unknown category
   */
  public KeywordSignal(Map<String, Map<String, List<String>>> keywords) {
    var byReason = new LinkedHashMap<HandoverReason, List<String>>();
    CATEGORIES.values().forEach(r -> byReason.put(r, new ArrayList<>()));
    keywords.forEach((language, categories) -> categories.forEach((category, words) -> {
      var reason = CATEGORIES.get(category);
      if (reason == null) {
        throw new IllegalArgumentException("unknown keyword category '" + category + "' for language '"
            + language + "'; known: " + CATEGORIES.keySet());
      }
      byReason.get(reason).addAll(words);
    }));
    var compiled = new LinkedHashMap<HandoverReason, Pattern>();
    byReason.forEach((reason, words) -> compiled.put(reason, Folding.phrases(words)));
    this.patterns = compiled;
  }

  /** The reasons whose keywords occur in the text, in the order complaint, cancellation, legal; never null. */
  public Set<HandoverReason> reasons(String text) {
    var folded = Folding.fold(text);
    var found = new LinkedHashSet<HandoverReason>();
    patterns.forEach((reason, pattern) -> {
      if (pattern.matcher(folded).find()) {
        found.add(reason);
      }
    });
    return found;
  }

  /** The built-in keywords: language (en, cs, pl, sk, sl) → category → keywords. */
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

  private static final Map<String, Map<String, List<String>>> DEFAULTS = Map.of(
      "en", Map.of(
          "complaint", List.of("complain*", "grievance*"),
          "cancellation", List.of("cancel*", "terminate*"),
          "legal", List.of("lawyer*", "attorney*", "solicitor*", "sue", "sued", "suing", "lawsuit*",
              "legal action*", "legal steps", "court", "small claims")),
      "cs", Map.of(
          "complaint", List.of("reklamac*", "reklamova*", "reklamuj*", "stížnost*", "stěžova*", "stěžuj*"),
          "cancellation", List.of("zrušit", "zruš*", "storn*", "odstoupit od*", "odstupuj*"),
          "legal", List.of("právník*", "advokát*", "soud*", "žalob*", "žalova*", "obchodní inspekc*", "čoi")),
      "pl", Map.of(
          "complaint", List.of("reklamacj*", "reklamow*", "reklamuj*", "skarg*", "zażaleni*"),
          "cancellation", List.of("anulow*", "anuluj*", "rezygn*", "odstąpi*", "wycofać zamówienie*"),
          "legal", List.of("prawnik*", "adwokat*", "pozew", "pozwę", "pozwać", "pozwiemy", "do sądu", "sądow*",
              "uokik", "rzecznik* praw*")),
      "sk", Map.of(
          "complaint", List.of("reklamáci*", "reklamova*", "reklamuj*", "sťažnos*", "sťažova*", "sťažuj*"),
          "cancellation", List.of("zrušiť", "zruš*", "storn*", "odstúpi*"),
          "legal", List.of("právnik*", "advokát*", "súd", "súdu", "súdn*", "žalob*", "žalova*")),
      "sl", Map.of(
          "complaint", List.of("reklamacij*", "pritožb*", "pritoži*", "pritožuj*"),
          "cancellation", List.of("preklic*", "storn*"),
          "legal", List.of("odvetnik*", "tožb*", "tožil*", "toži*", "sodišč*", "pravnik*")));
}
