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
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Not a test: writes the retrieval features of the calibration's held-out questions and of labelled cases to a TSV,
 * for choosing calibration features offline (docs/quality.md, "Out of scope on CLINC150, fourth try"). Runs only when
 * {@code -Dkb=... -Dcases=a.jsonl,b.jsonl -Dout=file.tsv} are given.
 */
class OutOfScopeDump {

  private static final int K = 5;

  @Test
  void dump() throws IOException {
    assumeTrue(System.getProperty("kb") != null, "a tool run by name with -Dkb, -Dcases and -Dout, not a test");
    var kb = KnowledgeLoader.load(Path.of(System.getProperty("kb")));
    var retriever = new Retriever(kb, SharedModel.model(), Path.of(System.getProperty("cache", "/tmp/oos/dumpcache")));
    try (var out = new PrintWriter(Files.newBufferedWriter(Path.of(System.getProperty("out"))))) {
      var questions = new ArrayList<Integer>();
      for (int i = 0; i < retriever.size(); i++) {
        if (retriever.isQuestion(i)) {
          questions.add(i);
        }
      }
      Collections.shuffle(questions, new Random(42));
      int covered = Math.min(Calibration.SAMPLES, questions.size());
      var skip = new boolean[retriever.size()];
      for (int q = 0; q < covered; q++) {
        int i = questions.get(q);
        Arrays.fill(skip, false);
        skip[i] = true;
        row(out, "loo", retriever.articleId(i), retriever.search(retriever.text(i), retriever.vector(i), K, skip));
      }
      for (int q = 0; q < covered; q++) {
        int i = questions.get(q);
        Arrays.fill(skip, false);
        retriever.markArticle(i, skip);
        row(out, "lao", "", retriever.search(retriever.text(i), retriever.vector(i), K, skip));
      }
      var mapper = new ObjectMapper();
      for (var file : System.getProperty("cases").split(",")) {
        var name = Path.of(file).getParent().getFileName() + "/" + Path.of(file).getFileName();
        for (var line : Files.readAllLines(Path.of(file))) {
          var node = mapper.readTree(line);
          var text = node.get("text").asText();
          var article = node.has("article") ? node.get("article").asText() : "";
          row(out, name, article, retriever.search(text, retriever.embed(text), K));
        }
      }
    }
  }

  private static void row(PrintWriter out, String kind, String article, List<Retriever.Hit> hits) {
    if (hits.isEmpty()) {
      return;
    }
    var line = new StringBuilder(kind).append('\t').append(article.isEmpty() ? "-" : article);
    for (var h : hits) {
      line.append('\t').append(h.articleId()).append('\t').append(h.score()).append('\t').append(h.cosine())
          .append('\t').append(h.lexical()).append('\t').append(h.vote()).append('\t').append(h.coverage())
          .append('\t').append(h.centroid()).append('\t').append(h.spread());
    }
    out.println(line);
  }
}
