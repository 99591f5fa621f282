package io.deskbridge.core.bot;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.deskbridge.core.knowledge.Article;
import io.deskbridge.core.knowledge.KnowledgeBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the articles closest to a message: hybrid retrieval over the knowledge base's short texts, each article's
 * title, sample questions and the sentences of its body ({@link #bodySentences}) in every locale it exists in.
 *
 * <p>Each text is embedded once with the in-process model (cached on disk, see {@link EmbeddingCache}) and indexed
 * for BM25 in its locale's language ({@link LexicalIndex}). A message is embedded once; every text then has an exact
 * cosine similarity and a normalised BM25 score. An article scores
 *
 * <pre>score = cosine + w_lexical(language) · lexical + w_vote · vote</pre>
 *
 * <ul>
 *   <li>{@code cosine}: the best cosine over the article's texts (nearest neighbour);
 *   <li>{@code lexical}: the best normalised BM25 over its texts;
 *   <li>{@code vote}: the article's share of the {@code k} nearest texts by {@code cosine + w_lexical · lexical} of
 *       each text, each weighted by {@code exp((its score − the best) / temperature)}.
 * </ul>
 *
 * With more than {@value #CANDIDATE_GROUPS} groups (an article in a locale), only the texts of the groups whose mean
 * embedding is closest, plus every group the lexical search found, are scored text by text. The scores rank; {@link
 * Calibration} turns the best hits into a probability. How the {@link #DEFAULT_WEIGHTS} were chosen: docs/quality.md,
 * "How the bot decides". Immutable and thread-safe once built.
 */
final class Retriever {

  /**
   * How the parts of the score are weighed.
   *
   * @param lexicalEnglish the weight of the lexical score of English texts
   * @param lexicalOther   the weight of the lexical score of texts in other languages, where the embedding is weak
   * @param vote           the weight of the vote
   * @param neighbours     how many nearest texts vote
   * @param temperature    how fast a neighbour's vote falls with its distance from the nearest
   */
  record Weights(double lexicalEnglish, double lexicalOther, double vote, int neighbours, double temperature) {}

  /** How many groups (article in a locale) are scanned text by text, besides those the lexical search found. */
  static final int CANDIDATE_GROUPS = 30;

  static final Weights DEFAULT_WEIGHTS = new Weights(0.3, 1.0, 0.5, 20, 0.2);

  /**
   * One ranked article with the parts of its score.
   *
   * @param locale   the locale of its text closest to the message
   * @param coverage the share of the message's words the knowledge base uses at all ({@link LexicalIndex.Match#coverage});
   *                 the same for every hit of one search
   * @param centroid the cosine between the message and the mean embedding of the article's texts in that locale
   *                 (texts left out of the search left out of the mean too): how typical the message is of the
   *                 article as a whole, not just of its closest question
   * @param spread   the mean cosine of all the article's texts in that locale to their mean (texts left out of the
   *                 search included): how tight its questions are, so that {@code centroid} can be read against it
   */
  record Hit(String articleId, String locale, double score, double cosine, double lexical, double vote,
      double coverage, double centroid, double spread) {}

  private final EmbeddingModel model;
  private final List<String> articleIds = new ArrayList<>();
  private final int[] articleOf;
  private final String[] localeOf;
  private final String[] texts;
  private final boolean[] question;
  private final float[] matrix;
  private final int dims;
  private final LexicalIndex lexical;
  private final Weights weights;
  private final double[] lexicalWeight;
  /** Each text's group: its article in its locale. */
  private final int[] groupOf;
  /** Each group's unit-length mean embedding, row by row. */
  private final float[] centroids;
  /** Each group's sum of embeddings, row by row, from which a mean without some texts is made. */
  private final float[] sums;
  /** Each group's mean cosine of its texts to its mean embedding. */
  private final double[] spread;
  private final int groups;

  /** @param cacheFolder where embeddings are kept between starts; null keeps none */
  Retriever(KnowledgeBase kb, EmbeddingModel model, Path cacheFolder) {
    this(kb, model, cacheFolder, null);
  }

  /**
   * As {@link #Retriever(KnowledgeBase, EmbeddingModel, Path)} with other lexical analyzers (to compare them).
   *
   * @param analyzerOf the analyzer of each language; null for {@link LexicalIndex}'s own
   */
  Retriever(KnowledgeBase kb, EmbeddingModel model, Path cacheFolder,
      java.util.function.Function<String, org.apache.lucene.analysis.Analyzer> analyzerOf) {
    this.model = model;
    this.weights = DEFAULT_WEIGHTS;
    var textList = new ArrayList<String>();
    var locales = new ArrayList<String>();
    var owners = new ArrayList<Integer>();
    var questions = new ArrayList<Boolean>();
    var index = new LinkedHashMap<String, Integer>();
    for (var article : kb.articles()) {
      int owner = index.computeIfAbsent(article.id(), id -> {
        articleIds.add(id);
        return articleIds.size() - 1;
      });
      textList.add(article.title());
      locales.add(article.locale());
      owners.add(owner);
      questions.add(false);
      for (var q : article.questions()) {
        textList.add(q);
        locales.add(article.locale());
        owners.add(owner);
        questions.add(true);
      }
      for (var sentence : bodySentences(article)) {
        textList.add(sentence);
        locales.add(article.locale());
        owners.add(owner);
        questions.add(false);
      }
    }
    int n = textList.size();
    texts = textList.toArray(String[]::new);
    localeOf = locales.toArray(String[]::new);
    articleOf = owners.stream().mapToInt(Integer::intValue).toArray();
    question = new boolean[n];
    for (int i = 0; i < n; i++) {
      question[i] = questions.get(i);
    }
    var vectors = EmbeddingCache.embedAll(model, textList, cacheFolder);
    dims = vectors.isEmpty() ? 0 : vectors.get(0).length;
    matrix = new float[n * dims];
    for (int i = 0; i < n; i++) {
      System.arraycopy(vectors.get(i), 0, matrix, i * dims, dims);
    }
    lexical = analyzerOf == null ? new LexicalIndex(textList, locales)
        : new LexicalIndex(textList, locales, analyzerOf);
    lexicalWeight = new double[n];
    for (int i = 0; i < n; i++) {
      lexicalWeight[i] = localeOf[i].equals("en") ? weights.lexicalEnglish() : weights.lexicalOther();
    }
    groupOf = new int[n];
    var groupIndex = new LinkedHashMap<String, Integer>();
    for (int i = 0; i < n; i++) {
      groupOf[i] = groupIndex.computeIfAbsent(articleOf[i] + "/" + localeOf[i], key -> groupIndex.size());
    }
    groups = groupIndex.size();
    sums = new float[groups * dims];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dims; d++) {
        sums[groupOf[i] * dims + d] += matrix[i * dims + d];
      }
    }
    centroids = new float[groups * dims];
    for (int g = 0; g < groups; g++) {
      var unit = EmbeddingCache.normalized(Arrays.copyOfRange(sums, g * dims, (g + 1) * dims));
      System.arraycopy(unit, 0, centroids, g * dims, dims);
    }
    spread = new double[groups];
    var members = new int[groups];
    for (int i = 0; i < n; i++) {
      int g = groupOf[i];
      double c = 0;
      for (int d = 0; d < dims; d++) {
        c += centroids[g * dims + d] * matrix[i * dims + d];
      }
      spread[g] += c;
      members[g]++;
    }
    for (int g = 0; g < groups; g++) {
      spread[g] /= members[g];
    }
  }

  /**
   * The sentences of the article's body that are searched like its sample questions (not left out as questions by
   * the calibration): the body split at sentence ends and blank lines, Markdown emphasis and links reduced to their
   * text, at most {@value #BODY_SENTENCES}, each of at least two words, none the title or a sample question again.
   * The body holds the words an answer is about ("a crushed box", "redirect the parcel to a pick-up point"), which a
   * handful of sample questions often lacks, above all in the languages the embedding model does not know.
   */
  static List<String> bodySentences(Article article) {
    var seen = new HashSet<String>();
    seen.add(words(article.title()));
    article.questions().forEach(q -> seen.add(words(q)));
    var plain = MARKDOWN_LINK.matcher(article.body()).replaceAll("$1").replaceAll("[*_#`>]+", " ");
    var out = new ArrayList<String>();
    for (var sentence : SENTENCE_END.split(plain)) {
      var text = LIST_MARKER.matcher(sentence.replaceAll("\\s+", " ").strip()).replaceFirst("");
      if (out.size() < BODY_SENTENCES && text.indexOf(' ') > 0 && seen.add(words(text))) {
        out.add(text);
      }
    }
    return out;
  }

  /** The text's words in lower case, for recognising a sentence that only repeats the title or a question. */
  private static String words(String text) {
    return NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  /** At most this many sentences of an article's body (in one locale) are searched. */
  static final int BODY_SENTENCES = 12;

  private static final Pattern SENTENCE_END =
      Pattern.compile("(?<=[.!?])\\s+|\\n\\s*\\n|\\n\\s*(?=[-*+] |\\d+[.)] )");
  private static final Pattern LIST_MARKER = Pattern.compile("^([-+]|\\d+[.)])\\s+");
  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");

  private Retriever(Retriever other, Weights weights) {
    this.model = other.model;
    this.articleIds.addAll(other.articleIds);
    this.articleOf = other.articleOf;
    this.localeOf = other.localeOf;
    this.texts = other.texts;
    this.question = other.question;
    this.matrix = other.matrix;
    this.dims = other.dims;
    this.lexical = other.lexical;
    this.weights = weights;
    this.groupOf = other.groupOf;
    this.centroids = other.centroids;
    this.sums = other.sums;
    this.spread = other.spread;
    this.groups = other.groups;
    this.lexicalWeight = new double[texts.length];
    for (int i = 0; i < texts.length; i++) {
      lexicalWeight[i] = localeOf[i].equals("en") ? weights.lexicalEnglish() : weights.lexicalOther();
    }
  }

  /** This retriever with other weights, sharing the embeddings and the index. */
  Retriever withWeights(Weights weights) {
    return new Retriever(this, weights);
  }

  /** The message's unit-length embedding. */
  float[] embed(String text) {
    return EmbeddingCache.normalized(model.embed(text).content().vector());
  }

  /** The best {@code k} articles for the message, best first; empty when the knowledge base or the text is empty. */
  List<Hit> search(String text, float[] embedding, int k) {
    return search(text, embedding, k, null);
  }

  /**
   * As {@link #search(String, float[], int)}, leaving out the marked texts (cross-validation).
   *
   * @param skip by text number, true to leave the text out; null leaves out nothing
   */
  List<Hit> search(String text, float[] embedding, int k, boolean[] skip) {
    int n = texts.length;
    if (n == 0 || text.isBlank()) {
      return List.of();
    }
    int articles = articleIds.size();
    var cosine = new double[articles];
    var closest = new int[articles];
    Arrays.fill(cosine, Double.NEGATIVE_INFINITY);
    Arrays.fill(closest, -1);
    var match = lexical.match(text, skip);
    var lexicalByText = match.scores();
    var candidate = candidates(embedding, lexicalByText);
    var lexicalByArticle = new double[articles];
    int k0 = weights.neighbours();
    var nearest = new int[k0];
    var nearestScore = new double[k0];
    Arrays.fill(nearestScore, Double.NEGATIVE_INFINITY);
    Arrays.fill(nearest, -1);
    for (int i = 0; i < n; i++) {
      if (skip != null && skip[i] || !candidate[groupOf[i]]) {
        continue;
      }
      double c = dot(embedding, i);
      double lex = Math.min(1, lexicalByText[i]) * lexicalWeight[i];
      int a = articleOf[i];
      if (c > cosine[a]) {
        cosine[a] = c;
        closest[a] = i;
      }
      lexicalByArticle[a] = Math.max(lexicalByArticle[a], lex);
      double fused = c + lex;
      if (fused > nearestScore[k0 - 1]) {
        int j = k0 - 1;
        while (j > 0 && nearestScore[j - 1] < fused) {
          nearestScore[j] = nearestScore[j - 1];
          nearest[j] = nearest[j - 1];
          j--;
        }
        nearestScore[j] = fused;
        nearest[j] = i;
      }
    }
    var vote = new double[articles];
    double total = 0;
    for (int j = 0; j < k0 && nearest[j] >= 0; j++) {
      double w = Math.exp((nearestScore[j] - nearestScore[0]) / weights.temperature());
      vote[articleOf[nearest[j]]] += w;
      total += w;
    }
    var ranked = new ArrayList<Integer>();
    var score = new double[articles];
    for (int a = 0; a < articles; a++) {
      if (closest[a] >= 0) {
        score[a] = cosine[a] + lexicalByArticle[a] + weights.vote() * (total == 0 ? 0 : vote[a] / total);
        ranked.add(a);
      }
    }
    ranked.sort((x, y) -> score[x] != score[y] ? Double.compare(score[y], score[x])
        : articleIds.get(x).compareTo(articleIds.get(y)));
    var hits = new ArrayList<Hit>(Math.min(k, ranked.size()));
    for (int a : ranked.subList(0, Math.min(k, ranked.size()))) {
      int g = groupOf[closest[a]];
      hits.add(new Hit(articleIds.get(a), localeOf[closest[a]], score[a], cosine[a], lexicalByArticle[a],
          total == 0 ? 0 : vote[a] / total, match.coverage(), centroidCosine(embedding, g, skip), spread[g]));
    }
    return List.copyOf(hits);
  }

  /** The cosine between the embedding and the mean of the group's texts that {@code skip} does not leave out. */
  private double centroidCosine(float[] embedding, int g, boolean[] skip) {
    if (skip == null) {
      double dot = 0;
      for (int d = 0; d < dims; d++) {
        dot += embedding[d] * centroids[g * dims + d];
      }
      return dot;
    }
    var mean = Arrays.copyOfRange(sums, g * dims, (g + 1) * dims);
    for (int i = 0; i < skip.length; i++) {
      if (skip[i] && groupOf[i] == g) {
        for (int d = 0; d < dims; d++) {
          mean[d] -= matrix[i * dims + d];
        }
      }
    }
    double dot = 0;
    double norm = 0;
    for (int d = 0; d < dims; d++) {
      dot += embedding[d] * mean[d];
      norm += mean[d] * mean[d];
    }
    return norm == 0 ? 0 : dot / Math.sqrt(norm);
  }

  int size() {
    return texts.length;
  }

  /** Each text's normalised BM25 score for the message (see {@link LexicalIndex#scores}). */
  double[] lexicalScores(String text, boolean[] skip) {
    return lexical.scores(text, skip);
  }

  /**
   * The groups (article in a locale) whose texts are worth scanning: the {@value #CANDIDATE_GROUPS} whose mean
   * embedding is closest to the message, and every group with a text the lexical search found. With no more groups
   * than that, all of them.
   */
  private boolean[] candidates(float[] embedding, double[] lexicalByText) {
    var candidate = new boolean[groups];
    if (groups <= CANDIDATE_GROUPS) {
      Arrays.fill(candidate, true);
      return candidate;
    }
    var scores = new double[groups];
    for (int g = 0; g < groups; g++) {
      double sum = 0;
      for (int d = 0; d < dims; d++) {
        sum += embedding[d] * centroids[g * dims + d];
      }
      scores[g] = sum;
    }
    var sorted = scores.clone();
    Arrays.sort(sorted);
    double cut = sorted[groups - CANDIDATE_GROUPS];
    for (int g = 0; g < groups; g++) {
      candidate[g] = scores[g] >= cut;
    }
    for (int i = 0; i < lexicalByText.length; i++) {
      if (lexicalByText[i] > 0) {
        candidate[groupOf[i]] = true;
      }
    }
    return candidate;
  }

  /**
   * A hex SHA-256 (first 16 bytes) of the given salt, the weights, the embedding model, and every text with its
   * article and locale: what a result computed from this retriever depends on.
   */
  String fingerprint(String salt) {
    try {
      var digest = java.security.MessageDigest.getInstance("SHA-256");
      digest.update((salt + "\u0000" + weights + "\u0000" + EmbeddingCache.modelKey(model) + "\u0000")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (int i = 0; i < texts.length; i++) {
        digest.update((articleIds.get(articleOf[i]) + "\u0000" + localeOf[i] + "\u0000" + question[i] + "\u0000"
            + texts[i] + "\u0001").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return java.util.HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  String text(int i) {
    return texts[i];
  }

  boolean isQuestion(int i) {
    return question[i];
  }

  String articleId(int i) {
    return articleIds.get(articleOf[i]);
  }

  /** The language of text {@code i}: its article's locale. */
  String locale(int i) {
    return localeOf[i];
  }

  /** Marks every text of the article of text {@code i}, in every locale. */
  void markArticle(int i, boolean[] skip) {
    for (int j = 0; j < texts.length; j++) {
      if (articleOf[j] == articleOf[i]) {
        skip[j] = true;
      }
    }
  }

  float[] vector(int i) {
    return Arrays.copyOfRange(matrix, i * dims, (i + 1) * dims);
  }

  int articleCount() {
    return articleIds.size();
  }

  private double dot(float[] q, int row) {
    int base = row * dims;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int d = 0;
    for (; d + 3 < dims; d += 4) {
      s0 += q[d] * matrix[base + d];
      s1 += q[d + 1] * matrix[base + d + 1];
      s2 += q[d + 2] * matrix[base + d + 2];
      s3 += q[d + 3] * matrix[base + d + 3];
    }
    for (; d < dims; d++) {
      s0 += q[d] * matrix[base + d];
    }
    return s0 + s1 + s2 + s3;
  }
}
