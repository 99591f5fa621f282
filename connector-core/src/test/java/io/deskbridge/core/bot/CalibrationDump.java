package io.deskbridge.core.bot;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Not a test: writes the retrieval features of candidate calibration queries (sample questions left out, their
 * article left out, body sentences left out, a question with its article's same-language texts left out) and of
 * labelled cases to a TSV, for choosing the calibration offline (docs/quality.md, "Seventeenth round"); also, for its
 * "Generic stand-ins", the article-left-out questions without their locale's words of three or more articles'
 * questions, and the generic off-topic messages of {@code off-topic.<locale>.txt} (test resources). Runs only
 * when {@code -Dkb=... -Dcases=a.jsonl,b.jsonl -Dout=file.tsv} are given.
 */
class CalibrationDump {

  private static final int K = 2;
  private static final int LIMIT = 2000;

  @Test
  void dump() throws IOException {
    assumeTrue(System.getProperty("kb") != null, "a tool run by name with -Dkb, -Dcases and -Dout, not a test");
    var kb = KnowledgeLoader.load(Path.of(System.getProperty("kb")));
    var retriever = new Retriever(kb, SharedModel.model(), Path.of(System.getProperty("cache", "/tmp/conf/dumpcache")));
    // the constructor's order: per article, its title, its questions, its body sentences
    var sentence = new boolean[retriever.size()];
    int t = 0;
    for (var article : kb.articles()) {
      t += 1 + article.questions().size();
      for (int s = 0; s < Retriever.bodySentences(article).size(); s++) {
        sentence[t++] = true;
      }
    }
    try (var out = new PrintWriter(Files.newBufferedWriter(Path.of(System.getProperty("out"))))) {
      var questions = new ArrayList<Integer>();
      var sentences = new ArrayList<Integer>();
      for (int i = 0; i < retriever.size(); i++) {
        if (retriever.isQuestion(i)) {
          questions.add(i);
        } else if (sentence[i]) {
          sentences.add(i);
        }
      }
      Collections.shuffle(questions, new Random(42));
      Collections.shuffle(sentences, new Random(42));
      var skip = new boolean[retriever.size()];
      for (int q = 0; q < Math.min(LIMIT, questions.size()); q++) {
        int i = questions.get(q);
        Arrays.fill(skip, false);
        skip[i] = true;
        row(out, "loo", q, retriever.locale(i), retriever.articleId(i),
            retriever.search(retriever.text(i), retriever.vector(i), K, skip));
      }
      for (int q = 0; q < Math.min(LIMIT, questions.size()); q++) {
        int i = questions.get(q);
        Arrays.fill(skip, false);
        retriever.markArticle(i, skip);
        row(out, "lao", q, retriever.locale(i), "-", retriever.search(retriever.text(i), retriever.vector(i), K, skip));
      }
      for (int q = 0; q < Math.min(LIMIT, questions.size()); q++) {
        int i = questions.get(q);
        Arrays.fill(skip, false);
        boolean other = false;
        for (int j = 0; j < retriever.size(); j++) {
          if (retriever.articleId(j).equals(retriever.articleId(i))) {
            if (retriever.locale(j).equals(retriever.locale(i))) {
              skip[j] = true;
            } else {
              other = true;
            }
          }
        }
        if (other) {
          row(out, "xl", q, retriever.locale(i), retriever.articleId(i),
              retriever.search(retriever.text(i), retriever.vector(i), K, skip));
        }
      }
      for (int q = 0; q < Math.min(LIMIT, sentences.size()); q++) {
        int i = sentences.get(q);
        Arrays.fill(skip, false);
        skip[i] = true;
        row(out, "sent", q, retriever.locale(i), retriever.articleId(i),
            retriever.search(retriever.text(i), retriever.vector(i), K, skip));
      }
      for (int q = 0; q < Math.min(LIMIT, sentences.size()); q++) {
        int i = sentences.get(q);
        Arrays.fill(skip, false);
        retriever.markArticle(i, skip);
        row(out, "slao", q, retriever.locale(i), "-", retriever.search(retriever.text(i), retriever.vector(i), K, skip));
      }
      // issue #13 item 1, generic stand-ins: the lao questions with the words of >= 3 articles' questions of their
      // locale left out of the query (re-embedded: "lsw"; embedding kept: "lswt"), and generic off-topic messages
      var common = commonWords(retriever);
      for (int q = 0; q < Math.min(LIMIT, questions.size()); q++) {
        int i = questions.get(q);
        Arrays.fill(skip, false);
        retriever.markArticle(i, skip);
        var kept = new StringBuilder();
        for (var w : retriever.text(i).split("[^\\p{L}\\p{N}]+")) {
          if (!w.isEmpty() && !common.getOrDefault(retriever.locale(i), Set.of()).contains(w.toLowerCase(Locale.ROOT))) {
            kept.append(kept.length() == 0 ? "" : " ").append(w);
          }
        }
        if (kept.length() == 0) {
          continue;
        }
        var text = kept.toString();
        row(out, "lsw", q, retriever.locale(i), "-", retriever.search(text, retriever.embed(text), K, skip));
        row(out, "lswt", q, retriever.locale(i), "-", retriever.search(text, retriever.vector(i), K, skip));
      }
      var locales = new TreeSet<String>();
      for (int i = 0; i < retriever.size(); i++) {
        locales.add(retriever.locale(i));
      }
      int g = 0;
      for (var lang : locales) {
        var in = CalibrationDump.class.getResourceAsStream("off-topic." + lang + ".txt");
        if (in == null) {
          continue;
        }
        for (var text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!text.isBlank()) {
            row(out, "gen", g++, lang, "-", retriever.search(text, retriever.embed(text), K));
          }
        }
      }
      var mapper = new ObjectMapper();
      if (System.getProperty("cases") == null) {
        return;
      }
      for (var file : System.getProperty("cases").split(",")) {
        var name = Path.of(file).getFileName().toString();
        for (var line : Files.readAllLines(Path.of(file))) {
          var node = mapper.readTree(line);
          var text = node.get("text").asText();
          var article = node.has("article") && node.get("expect").asText().equals("answer")
              ? node.get("article").asText() : "";
          var language = node.has("language") ? node.get("language").asText() : "en";
          var kind = node.get("expect").asText().equals("answer") || node.get("expect").asText().equals("no_answer")
              ? name : "other";
          row(out, kind + "|" + node.get("id").asText(), 0, language, article,
              retriever.search(text, retriever.embed(text), K));
        }
      }
    }
  }

  /** Per locale, the lower-cased words found in the sample questions of at least three articles. */
  private static Map<String, Set<String>> commonWords(Retriever retriever) {
    var articles = new HashMap<String, Map<String, Set<String>>>();
    for (int i = 0; i < retriever.size(); i++) {
      if (retriever.isQuestion(i)) {
        for (var w : retriever.text(i).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
          if (!w.isEmpty()) {
            articles.computeIfAbsent(retriever.locale(i), l -> new HashMap<>())
                .computeIfAbsent(w, x -> new HashSet<>()).add(retriever.articleId(i));
          }
        }
      }
    }
    var common = new HashMap<String, Set<String>>();
    articles.forEach((locale, words) -> words.forEach((w, a) -> {
      if (a.size() >= 3) {
        common.computeIfAbsent(locale, l -> new HashSet<>()).add(w);
      }
    }));
    return common;
  }

  private static void row(PrintWriter out, String kind, int order, String locale, String article,
      List<Retriever.Hit> hits) {
    if (hits.isEmpty()) {
      return;
    }
    var line = new StringBuilder(kind).append('\t').append(order).append('\t').append(locale).append('\t')
        .append(article.isEmpty() ? "-" : article);
    for (var h : hits) {
      line.append('\t').append(h.articleId()).append('\t').append(h.score()).append('\t').append(h.cosine())
          .append('\t').append(h.lexical()).append('\t').append(h.vote()).append('\t').append(h.coverage())
          .append('\t').append(h.centroid()).append('\t').append(h.spread());
    }
    out.println(line);
  }
}
