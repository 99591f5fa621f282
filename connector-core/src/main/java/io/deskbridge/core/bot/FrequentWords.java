package io.deskbridge.core.bot;

import io.deskbridge.core.escalation.Folding;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hand-written evidence for English, Czech, Polish, Slovak and Slovene that {@link LanguageDetector} uses next to
 * its model, and the detector it was before (kept to measure against and as the fallback). Each language scores
 *
 * <ul>
 *   <li>3 per letter only it uses (cs: ě ř ů; pl: ł ą ę ś ź ż ń ć; sk: ľ ĺ ŕ ô ä),
 *   <li>1 per letter it shares with few others (á í ý č š ž …), and
 *   <li>2 per frequent word spelt as in the language ("the", "jsem", "proč", "čo", "są"), or 1 when it matches only
 *       without diacritics ("proc"); a word counts for every language that has it.
 * </ul>
 *
 * The highest score wins; ties go to the earlier of en, cs, pl, sk, sl. Stateless and thread-safe.
 */
final class FrequentWords {

  private static final List<String> SUPPORTED = LanguageDetector.SUPPORTED;

  private FrequentWords() {}

  /** The language with the highest score, or empty when no language scores (no special letter, no frequent word). */
  static Optional<String> guess(String text) {
    var scores = new HashMap<String, Integer>();
    var lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      var unique = UNIQUE.get(c);
      if (unique != null) {
        scores.merge(unique, 3, Integer::sum);
      }
      for (var language : SHARED.getOrDefault(c, List.of())) {
        scores.merge(language, 1, Integer::sum);
      }
    }
    for (var word : lower.split("[^\\p{L}\\p{N}]+")) {
      var folded = Folding.fold(word);
      for (var language : SUPPORTED) {
        if (WORDS.get(language).contains(word)) {
          scores.merge(language, 2, Integer::sum);
        } else if (FOLDED.get(language).contains(folded)) {
          scores.merge(language, 1, Integer::sum);
        }
      }
    }
    String best = null;
    int bestScore = 0;
    for (var language : SUPPORTED) {
      int score = scores.getOrDefault(language, 0);
      if (score > bestScore) {
        best = language;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * How much the text speaks for {@code language} rather than {@code other}: the letters only {@code language} of
   * the two uses, plus its frequent words (compared without diacritics) that {@code other} does not have. For
   * Czech against Slovak, "chci", "jsem", "proč" and "ř" count; "je", "mám" and "á" do not.
   */
  static int evidenceAgainst(String text, String language, String other) {
    int evidence = 0;
    var lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (uses(language, c) && !uses(other, c)) {
        evidence++;
      }
    }
    var mine = FOLDED.getOrDefault(language, Set.of());
    var theirs = FOLDED.getOrDefault(other, Set.of());
    for (var word : Folding.words(text)) {
      if (mine.contains(word) && !theirs.contains(word)) {
        evidence++;
      }
    }
    return evidence;
  }

  private static boolean uses(String language, char c) {
    return language.equals(UNIQUE.get(c)) || SHARED.getOrDefault(c, List.of()).contains(language);
  }

  /** True when the folded word is one of the frequent words of a supported language ("the", "jsem", "jest"). */
  static boolean isFrequent(String foldedWord) {
    return ALL_FOLDED.contains(foldedWord);
  }

  private static final Map<Character, String> UNIQUE = unique();
  private static final Map<Character, List<String>> SHARED = Map.ofEntries(
      Map.entry('á', List.of("cs", "sk")), Map.entry('é', List.of("cs", "sk")), Map.entry('í', List.of("cs", "sk")),
      Map.entry('ý', List.of("cs", "sk")), Map.entry('ú', List.of("cs", "sk")), Map.entry('ť', List.of("cs", "sk")),
      Map.entry('ď', List.of("cs", "sk")), Map.entry('ň', List.of("cs", "sk")),
      Map.entry('ó', List.of("pl", "cs", "sk")),
      Map.entry('č', List.of("cs", "sk", "sl")), Map.entry('š', List.of("cs", "sk", "sl")),
      Map.entry('ž', List.of("cs", "sk", "sl")));

  /** Frequent words in their proper spelling: with diacritics they count 2, typed without them 1. */
  private static final Map<String, Set<String>> WORDS = Map.of(
      "en", words("the a an is are am i you my your me we our it this that to of in on for with and or not no "
          + "can how what where when why which do does did have has was were will would please thanks thank hi "
          + "hello there be get want need"),
      "cs", words("je jsem jsi jsou jste byl byla bylo jak co kde kdy proč který která které můj moje mi mě mně "
          + "se si na to a i že mám máte chci chtěl chtěla bych prosím děkuji dobrý den ahoj už ještě také tak ale "
          + "nebo pro při od po za s v z k u o není nemůžu můžu můžete vás vám nám nás tady taky"),
      "pl", words("jest jestem są jak co gdzie kiedy dlaczego który która które mój moja moje mi mnie się na to "
          + "i że mam macie chcę chciałbym chciałabym proszę dziękuję dzień dobry cześć już jeszcze też także tak "
          + "ale albo lub dla przy od po za z w u o nie mogę możecie czy jesteście wasz wam nam tutaj"),
      "sk", words("je som si sú ste bol bola bolo ako čo kde kedy prečo ktorý ktorá ktoré môj moja mi ma mňa sa "
          + "na to a i že mám máte chcem chcel chcela by prosím ďakujem dobrý deň ahoj už ešte tiež tak ale alebo "
          + "pre pri od po za s v z k u o nie nemôžem môžem môžete vás vám nám tu potrebujem"),
      "sl", words("je sem si so ste bil bila bilo kako kaj kje kdaj zakaj kateri katera katero moj moja moje mi "
          + "me mene se na to in da imam imate želim bi prosim hvala dober dan živjo že še tudi tako ampak ali za "
          + "pri od po s v z k u o ni ne morem lahko vas vam nam tukaj potrebujem rabim"));

  /** The same words folded (no diacritics), per language. */
  private static final Map<String, Set<String>> FOLDED = folded();

  /** Every language's folded frequent words together. */
  private static final Set<String> ALL_FOLDED =
      FOLDED.values().stream().flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

  private static Map<Character, String> unique() {
    var map = new HashMap<Character, String>();
    "ěřů".chars().forEach(c -> map.put((char) c, "cs"));
    "łąęśźżńć".chars().forEach(c -> map.put((char) c, "pl"));
    "ľĺŕôä".chars().forEach(c -> map.put((char) c, "sk"));
    return Map.copyOf(map);
  }

  private static Set<String> words(String words) {
    return Set.copyOf(List.of(words.split(" ")));
  }

  private static Map<String, Set<String>> folded() {
    var folded = new HashMap<String, Set<String>>();
    WORDS.forEach((language, words) ->
        folded.put(language, words.stream().map(Folding::fold).collect(Collectors.toUnmodifiableSet())));
    return Map.copyOf(folded);
  }
}
