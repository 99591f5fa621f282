package io.deskbridge.core.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An explicit request to talk to a person, in English, Czech, Polish, Slovak or Slovene, case- and
 * accent-insensitively. A message is a request when it
 *
 * <ul>
 *   <li>contains a set phrase such as "real person", "živý člověk" or "z konsultantem" (configurable per language,
 *       {@link Folding#phrases} syntax);
 *   <li>has a verb of talking or connecting ("talk", "mluvit", "rozmawiać", "hovoriť", "govoriti", "connect") within
 *       four words of a person ("human", "agent", "someone", "člověkem", "konsultantem", "operaterjem"), in either
 *       order;
 *   <li>has a verb of wanting ("want", "chci", "chcę", "chcem", "želim") within four words of an unambiguous word
 *       for a person ("human", "operator", "člověka", "człowieka"); or
 *   <li>is a short message of at most three words, not a question, naming one ("Operator, please").
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class HumanRequestSignal {

  private static final int WINDOW = 4;

  private final Pattern phrases;

  /** @param phrases language → set phrases that are a request by themselves (see {@link #defaultPhrases()}) */
  public HumanRequestSignal(Map<String, List<String>> phrases) {
    this.phrases = Folding.phrases(phrases.values().stream().flatMap(List::stream).toList());
  }

  /** True when the text asks for a person. */
  public boolean matches(String text) {
    if (phrases.matcher(Folding.fold(text)).find()) {
      return true;
    }
    var words = Folding.words(text);
    var talk = positions(words, TALK);
    var want = positions(words, WANT);
    var person = positions(words, PERSON);
    var human = positions(words, HUMAN);
    person.addAll(human);
    return near(talk, person) || near(want, human)
        || (!human.isEmpty() && words.size() <= 3 && !text.strip().endsWith("?"));
  }

  /** The built-in set phrases per language (en, cs, pl, sk, sl). */
  public static Map<String, List<String>> defaultPhrases() {
    return DEFAULT_PHRASES;
  }

  private static List<Integer> positions(List<String> words, Set<String> stems) {
    var found = new ArrayList<Integer>();
    for (int i = 0; i < words.size(); i++) {
      if (matchesAny(words.get(i), stems)) {
        found.add(i);
      }
    }
    return found;
  }

  /** A stem ending with {@code *} matches words starting with it; others match the whole word. */
  private static boolean matchesAny(String word, Set<String> stems) {
    for (var stem : stems) {
      if (stem.endsWith("*") ? word.startsWith(stem.substring(0, stem.length() - 1)) : word.equals(stem)) {
        return true;
      }
    }
    return false;
  }

  private static boolean near(List<Integer> a, List<Integer> b) {
    for (int i : a) {
      for (int j : b) {
        if (i != j && Math.abs(i - j) <= WINDOW) {
          return true;
        }
      }
    }
    return false;
  }

  private static Set<String> folded(String... stems) {
    return List.of(stems).stream().map(Folding::fold).collect(Collectors.toUnmodifiableSet());
  }

  /** Verbs of talking or connecting, in forms used to ask (infinitive, imperative), not to narrate. */
  private static final Set<String> TALK = folded(
      "talk", "speak", "chat", "connect", "transfer", "escalate", "reach",
      "mluvit", "promluvit", "hovořit", "spojit", "spojte", "přepojit", "přepojte", "kontaktovat",
      "rozmawiać", "porozmawiać", "mówić", "pogadać", "połączyć", "połączcie", "przełączyć", "przełączcie",
      "hovoriť", "rozprávať", "porozprávať", "spojiť", "prepojiť", "prepojte",
      "govoriti", "pogovoriti", "povezati", "povežite", "preusmeriti");

  /** Verbs of wanting, combined only with unambiguous words for a person. */
  private static final Set<String> WANT = folded(
      "want", "need", "like", "prefer", "get", "give",
      "chci", "chtěl*", "chtěla*", "potřebuji", "potřebuju", "dejte",
      "chcę", "chciał*", "chciała*", "potrzebuję", "poproszę", "proszę", "dajcie",
      "chcem", "chcel*", "chcela*", "potrebujem", "dajte",
      "želim", "želel*", "hočem", "rabim", "potrebujem", "prosim");

  /** Any person, including words that are a person only next to a verb of talking ("someone", "agent"). */
  private static final Set<String> PERSON = folded(
      "person", "people", "agent*", "someone", "somebody", "anyone", "anybody", "staff", "colleague*",
      "manager*", "supervisor*", "support",
      "někým", "někoho", "někdo", "osob*", "pracovník*", "kolegou", "kolegyní", "podporou", "vedoucím",
      "kimś", "kogoś", "ktoś", "pracownik*", "kierownik*",
      "niekým", "niekoho", "niekto", "pracovník*",
      "nekom", "nekoga", "nekdo", "oseb*", "svetoval*", "agentom");

  /**
   * Unambiguous words for a person. Czech, Slovak, Slovene and Polish nominatives ("člověk", "człowiek") are
   * left out on purpose: they also mean the impersonal "one" ("člověk by čekal, že…").
   */
  private static final Set<String> HUMAN = folded(
      "human", "humans", "operator*", "representative*", "rep",
      "člověka", "člověkem", "lidmi", "operátor*",
      "człowieka", "człowiekiem", "konsultant*",
      "človeka", "človekom", "operátork*",
      "operater*");

  private static final Map<String, List<String>> DEFAULT_PHRASES = Map.of(
      "en", List.of("real person", "real human", "live person", "live agent", "human agent", "actual person",
          "human being", "not a bot", "not a robot", "customer service representative"),
      "cs", List.of("živ* člověk*", "skutečn* člověk*", "reáln* člověk*", "s člověkem", "chci člověka",
          "živ* osob*", "ne s robotem", "ne s botem"),
      "pl", List.of("żyw* człowiek*", "prawdziw* człowiek*", "prawdziw* osob*", "z człowiekiem",
          "z konsultantem", "z konsultantką", "nie z botem"),
      "sk", List.of("živ* človek*", "skutočn* človek*", "reáln* človek*", "s človekom", "chcem človeka",
          "nie s robotom", "nie s botom"),
      "sl", List.of("živ* človek*", "resnič* oseb*", "prav* človek*", "s človekom", "z človekom",
          "z operaterjem", "z agentom", "ne z robotom"));
}
