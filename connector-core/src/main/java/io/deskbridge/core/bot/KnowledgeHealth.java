package io.deskbridge.core.bot;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.deskbridge.core.knowledge.KnowledgeBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What an admin should fix in a knowledge base before the bot answers from it (the {@code doctor} command): articles
 * without sample questions, translations missing for the languages customers write in, near-duplicate sample
 * questions that point at different articles, the article pairs the bot confuses most and the share of questions it
 * would answer at its threshold.
 *
 * <p>The last two come from a <b>leave-one-out</b> over every sample question: the question is searched with itself
 * left out of the index (the bot's own retrieval and calibrated confidence, as {@link Bot#decide} computes them, without
 * the signals), and the article that ranks first wins. A question won by another article is a confusion between the
 * two; a question whose confidence reaches the threshold counts as answered. The calibration was fitted on these same
 * held-out questions, and customers word things less like the sample questions than the sample questions word each
 * other, so the coverage is an upper estimate for in-scope traffic; {@code eval} on labelled real messages measures it.
 *
 * <p>Stateless; {@link #check} does no I/O beyond what building the bot did.
 */
public final class KnowledgeHealth {

  /** Two questions of different articles whose embeddings are at least this close are near-duplicates. */
  static final double DUPLICATE_COSINE = 0.95;
  /** Two questions of different articles sharing at least this share of their words (Jaccard) are near-duplicates. */
  static final double DUPLICATE_WORDS = 0.8;
  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private KnowledgeHealth() {}

  /**
   * An article (in one locale) without sample questions: the bot can find it only by its title and body, and its
   * calibration has nothing of it to learn from.
   */
  public record NoQuestions(String articleId, String locale) {}

  /** An article that exists in some languages customers write in but not in these. */
  public record MissingLocales(String articleId, List<String> locales) {
    public MissingLocales {
      locales = List.copyOf(locales);
    }
  }

  /**
   * Two sample questions of different articles, in one locale, that are (nearly) the same: a message like them goes to
   * either article by chance.
   *
   * @param similarity the cosine of their embeddings, or the share of shared words when that is higher
   */
  public record NearDuplicate(String locale, String firstArticle, String firstQuestion, String secondArticle,
      String secondQuestion, double similarity) {}

  /**
   * Two articles the bot mixes up in the leave-one-out.
   *
   * @param confused       held-out questions of either article won by the other
   * @param answeredWrong  those of them whose confidence reached the threshold: a customer would get the wrong article
   * @param questions      the held-out questions of both articles
   */
  public record Confusion(String firstArticle, String secondArticle, int confused, int answeredWrong, int questions) {}

  /**
   * The leave-one-out over the sample questions at the threshold.
   *
   * @param questions       sample questions held out
   * @param topOneRight     those whose own article ranked first
   * @param answered        those whose confidence reached the threshold
   * @param answeredRight   answered with their own article
   * @param thresholdPercent the bot's threshold
   */
  public record Coverage(int questions, int topOneRight, int answered, int answeredRight, int thresholdPercent) {
    /** The share answered; 0 without questions. */
    public double coverage() {
      return questions == 0 ? 0 : answered / (double) questions;
    }

    /** The share of the answered ones answered with the right article; 1 when none was answered. */
    public double precision() {
      return answered == 0 ? 1 : answeredRight / (double) answered;
    }
  }

  /**
   * Everything found.
   *
   * @param languages      the languages checked, in alphabetical order
   * @param texts          the texts the bot searches (titles, sample questions, body sentences, every locale)
   * @param confusions     every confused pair, most confused first
   */
  public record Report(int articles, int texts, Set<String> languages, List<NoQuestions> withoutQuestions,
      List<MissingLocales> missingLocales, List<NearDuplicate> nearDuplicates, List<Confusion> confusions,
      Coverage coverage) {
    public Report {
      languages = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(languages));
      withoutQuestions = List.copyOf(withoutQuestions);
      missingLocales = List.copyOf(missingLocales);
      nearDuplicates = List.copyOf(nearDuplicates);
      confusions = List.copyOf(confusions);
    }
  }

  /**
   * Checks the bot's knowledge base.
   *
   * @param languages the languages customers write in (ISO 639-1): every article should exist in each
   */
  public static Report check(Bot bot, Collection<String> languages) {
    Objects.requireNonNull(bot, "bot");
    var kb = bot.knowledge();
    var retriever = bot.retriever();
    var leaveOneOut = confusionsAndCoverage(bot, retriever);
    return new Report(kb.ids().size(), retriever.size(), Set.copyOf(languages), withoutQuestions(kb),
        missingLocales(kb, languages), nearDuplicates(retriever, bot.answersAcrossLanguages()),
        leaveOneOut.confusions(), leaveOneOut.coverage());
  }

  /**
   * How many of the knowledge base's embeddings the cache in {@code folder} holds for this model (before a bot is
   * built over it); 0 when there is no cache file.
   */
  public static int cachedEmbeddings(EmbeddingModel model, Path folder) {
    return EmbeddingCache.size(model, folder);
  }

  /** The cache file of this model's embeddings in {@code folder}. */
  public static Path embeddingCacheFile(EmbeddingModel model, Path folder) {
    return EmbeddingCache.file(model, folder);
  }

  static List<NoQuestions> withoutQuestions(KnowledgeBase kb) {
    return kb.articles().stream().filter(a -> a.questions().isEmpty())
        .map(a -> new NoQuestions(a.id(), a.locale())).toList();
  }

  static List<MissingLocales> missingLocales(KnowledgeBase kb, Collection<String> languages) {
    var wanted = new TreeSet<>(languages);
    var out = new ArrayList<MissingLocales>();
    for (var id : kb.ids()) {
      var missing = new ArrayList<>(wanted);
      missing.removeAll(kb.locales(id));
      if (!missing.isEmpty()) {
        out.add(new MissingLocales(id, missing));
      }
    }
    return out;
  }

  /**
   * Sample questions of different articles in one locale whose words are nearly the same, or (where the model reads
   * the language: English for the bundled model, every language for a multilingual one) whose embeddings are.
   */
  static List<NearDuplicate> nearDuplicates(Retriever retriever, boolean multilingual) {
    var byLocale = new LinkedHashMap<String, List<Integer>>();
    for (int i = 0; i < retriever.size(); i++) {
      if (retriever.isQuestion(i)) {
        byLocale.computeIfAbsent(retriever.locale(i), l -> new ArrayList<>()).add(i);
      }
    }
    var out = new ArrayList<NearDuplicate>();
    for (var entry : byLocale.entrySet()) {
      boolean embeddingsRead = multilingual || entry.getKey().equals("en");
      var questions = entry.getValue();
      var words = questions.stream().map(i -> words(retriever.text(i))).toList();
      var vectors = questions.stream().map(retriever::vector).toList();
      for (int a = 0; a < questions.size(); a++) {
        for (int b = a + 1; b < questions.size(); b++) {
          int i = questions.get(a);
          int j = questions.get(b);
          if (retriever.articleId(i).equals(retriever.articleId(j))) {
            continue;
          }
          double jaccard = jaccard(words.get(a), words.get(b));
          double cosine = embeddingsRead ? dot(vectors.get(a), vectors.get(b)) : 0;
          if (jaccard >= DUPLICATE_WORDS || cosine >= DUPLICATE_COSINE) {
            out.add(new NearDuplicate(entry.getKey(), retriever.articleId(i), retriever.text(i),
                retriever.articleId(j), retriever.text(j), Math.max(jaccard, cosine)));
          }
        }
      }
    }
    out.sort(Comparator.comparingDouble(NearDuplicate::similarity).reversed());
    return out;
  }

  private record LeaveOneOut(List<Confusion> confusions, Coverage coverage) {}

  private static LeaveOneOut confusionsAndCoverage(Bot bot, Retriever retriever) {
    double threshold = bot.config().threshold();
    var calibration = bot.calibration();
    var skip = new boolean[retriever.size()];
    var questionsOf = new LinkedHashMap<String, Integer>();
    var pairs = new LinkedHashMap<List<String>, int[]>(); // sorted pair -> {confused, answered wrong}
    int questions = 0;
    int topOne = 0;
    int answered = 0;
    int answeredRight = 0;
    for (int i = 0; i < retriever.size(); i++) {
      if (!retriever.isQuestion(i)) {
        continue;
      }
      questions++;
      var own = retriever.articleId(i);
      questionsOf.merge(own, 1, Integer::sum);
      Arrays.fill(skip, false);
      skip[i] = true;
      var hits = retriever.search(retriever.text(i), retriever.vector(i), Bot.CANDIDATES, skip);
      if (hits.isEmpty()) {
        continue;
      }
      var winner = hits.get(0).articleId();
      boolean right = winner.equals(own);
      boolean answers = calibration.confidence(hits) >= threshold;
      topOne += right ? 1 : 0;
      answered += answers ? 1 : 0;
      answeredRight += answers && right ? 1 : 0;
      if (!right) {
        var pair = own.compareTo(winner) < 0 ? List.of(own, winner) : List.of(winner, own);
        var counts = pairs.computeIfAbsent(pair, p -> new int[2]);
        counts[0]++;
        counts[1] += answers ? 1 : 0;
      }
    }
    var confusions = new ArrayList<Confusion>();
    pairs.forEach((pair, counts) -> confusions.add(new Confusion(pair.get(0), pair.get(1), counts[0], counts[1],
        questionsOf.getOrDefault(pair.get(0), 0) + questionsOf.getOrDefault(pair.get(1), 0))));
    confusions.sort(Comparator.comparingInt(Confusion::confused).reversed()
        .thenComparing(Comparator.comparingInt(Confusion::answeredWrong).reversed())
        .thenComparing(Confusion::firstArticle).thenComparing(Confusion::secondArticle));
    return new LeaveOneOut(confusions, new Coverage(questions, topOne, answered, answeredRight,
        (int) Math.round(threshold * 100)));
  }

  private static Set<String> words(String text) {
    var out = new HashSet<String>();
    for (var w : NOT_A_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int shared = 0;
    for (var w : a) {
      shared += b.contains(w) ? 1 : 0;
    }
    return shared / (double) (a.size() + b.size() - shared);
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int d = 0; d < a.length; d++) {
      s += a[d] * b[d];
    }
    return s;
  }
}
