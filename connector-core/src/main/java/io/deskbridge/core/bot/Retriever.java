package io.deskbridge.core.bot;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.deskbridge.core.escalation.Folding;
import io.deskbridge.core.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the articles closest to a message by fusing an embedding similarity with a lexical one.
 *
 * <p>Every (article, locale) contributes short texts, its title and each sample question, embedded once at build
 * time with the in-process model. The message is embedded once, and each text scores
 *
 * <pre>score = COSINE_WEIGHT · cosine + LEXICAL_WEIGHT · max(overlap, ARTICLE_WEIGHT · coverage)</pre>
 *
 * <ul>
 *   <li>{@code cosine}: of the message's and the text's embeddings;
 *   <li>{@code overlap}: the cosine of the two texts' character trigrams weighted by tf·idf (idf over all indexed
 *       texts);
 *   <li>{@code coverage}: the idf-weighted share of the message's trigrams found in the article's title and body
 *       in that locale.
 * </ul>
 *
 * Trigrams come from the words of three or more letters after folding case and accents, without frequent words
 * ("the", "jsem", "czy", "help", "problém"), so that inflected Czech and Polish words still meet ("fakturu",
 * "faktura") and small talk matches nothing. The lexical part carries Czech and Polish, which the mostly English
 * model handles poorly. An article scores the maximum over all its texts in all its locales. Immutable and
 * thread-safe once built.
 */
final class Retriever {

  static final double COSINE_WEIGHT = 0.5;
  static final double LEXICAL_WEIGHT = 0.5;
  static final double ARTICLE_WEIGHT = 0.8;

  /** Words that say nothing about the topic, beyond the frequent words of {@link LanguageDetector}. */
  private static final Set<String> FILLERS = Set.copyOf(List.of((
      "help problem something anything still just some any could should with from about also very really again "
          + "after before there here they them their been being into then than would "
          + "potrebuji potrebuju pomoc pomoct neco nejak porad problem "
          + "potrzebuje pomocy cos jakis ciagle wciaz "
          + "potrebujem nieco stale nekaj vedno").split(" ")));

  /** One ranked article: its id, the locale whose text matched best, and the fused score (about 0..1). */
  record Hit(String articleId, String locale, double score) {}

  private record Entry(int doc, float[] vector, Map<String, Double> weights, double norm) {}

  private record Doc(String articleId, String locale, Set<String> trigrams) {}

  private final EmbeddingModel model;
  private final List<Doc> docs = new ArrayList<>();
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Double> idf = new HashMap<>();
  private final double unknownIdf;

  Retriever(KnowledgeBase kb, EmbeddingModel model) {
    this.model = model;
    var texts = new ArrayList<String>();
    var owners = new ArrayList<Integer>();
    for (var article : kb.articles()) {
      docs.add(new Doc(article.id(), article.locale(), trigrams(article.title() + "\n" + article.body()).keySet()));
      var own = new ArrayList<String>();
      own.add(article.title());
      own.addAll(article.questions());
      for (var text : own) {
        texts.add(text);
        owners.add(docs.size() - 1);
      }
    }
    var counts = texts.stream().map(Retriever::trigrams).toList();
    var df = new HashMap<String, Integer>();
    counts.forEach(c -> c.keySet().forEach(g -> df.merge(g, 1, Integer::sum)));
    df.forEach((g, n) -> idf.put(g, Math.log(1 + (double) texts.size() / n)));
    unknownIdf = Math.log(1 + texts.size());
    var vectors = texts.isEmpty()
        ? List.<float[]>of()
        : model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
            .map(e -> normalized(e.vector())).toList();
    for (int i = 0; i < texts.size(); i++) {
      var weights = weights(counts.get(i));
      entries.add(new Entry(owners.get(i), vectors.get(i), weights, norm(weights)));
    }
  }

  /** The best {@code k} articles for the text, best first; empty when the knowledge base is empty. */
  List<Hit> search(String text, int k) {
    if (entries.isEmpty() || text.isBlank()) {
      return List.of();
    }
    var query = normalized(model.embed(text).content().vector());
    var weights = weights(trigrams(text));
    double norm = norm(weights);
    double total = weights.keySet().stream().mapToDouble(this::idf).sum();
    var coverage = new double[docs.size()];
    for (int d = 0; d < docs.size(); d++) {
      var trigrams = docs.get(d).trigrams();
      coverage[d] = total == 0 ? 0
          : weights.keySet().stream().filter(trigrams::contains).mapToDouble(this::idf).sum() / total;
    }
    var best = new LinkedHashMap<String, Hit>();
    for (var entry : entries) {
      double overlap = 0;
      if (norm > 0 && entry.norm() > 0) {
        for (var w : weights.entrySet()) {
          overlap += w.getValue() * entry.weights().getOrDefault(w.getKey(), 0.0);
        }
        overlap /= norm * entry.norm();
      }
      double score = COSINE_WEIGHT * dot(query, entry.vector())
          + LEXICAL_WEIGHT * Math.max(overlap, ARTICLE_WEIGHT * coverage[entry.doc()]);
      var doc = docs.get(entry.doc());
      var hit = best.get(doc.articleId());
      if (hit == null || score > hit.score()) {
        best.put(doc.articleId(), new Hit(doc.articleId(), doc.locale(), score));
      }
    }
    return best.values().stream()
        .sorted(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::articleId))
        .limit(k).toList();
  }

  int size() {
    return entries.size();
  }

  private double idf(String trigram) {
    return idf.getOrDefault(trigram, unknownIdf);
  }

  private Map<String, Double> weights(Map<String, Integer> counts) {
    var weights = new HashMap<String, Double>();
    counts.forEach((g, n) -> weights.put(g, n * idf(g)));
    return weights;
  }

  /** Trigram counts of the folded topic words (three or more letters, not frequent), each padded with spaces. */
  static Map<String, Integer> trigrams(String text) {
    var counts = new HashMap<String, Integer>();
    for (var word : Folding.words(text)) {
      if (word.length() < 3 || FILLERS.contains(word) || LanguageDetector.isFrequentWord(word)) {
        continue;
      }
      var padded = " " + word + " ";
      for (int i = 0; i + 3 <= padded.length(); i++) {
        counts.merge(padded.substring(i, i + 3), 1, Integer::sum);
      }
    }
    return counts;
  }

  private static double norm(Map<String, Double> weights) {
    return Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
  }

  private static float[] normalized(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    var out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
    }
    return out;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
