package io.deskbridge.core.bot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.knowledge.KnowledgeBase;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.morfologik.MorfologikFilter;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.junit.jupiter.api.Test;

/**
 * The measurement behind {@link LexicalIndex}'s choice of analyzer per Slavic language: each candidate (today's
 * stemmer, Morfologik for Polish, truncation to 4–6 letters, folding only) replaces the analyzer of one language at a
 * time, and top-1 is counted (a) on the knowledge base's own sample questions, each searched with itself left out,
 * BM25 alone and hybrid, and (b) when {@code -Dcases=FILE} names an eval case file for that knowledge base, on its
 * {@code answer} cases, searched as they are. The knowledge base is the demo's unless {@code -Dkb=FOLDER} names
 * another. Not part of the default run; {@code mvn -B -o -pl connector-core -am test -Dtest=AnalyzerComparison
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dcases=...]}. Prints a table; asserts nothing.
 */
class AnalyzerComparison {

  private static final Map<String, List<String>> CANDIDATES = Map.of(
      "pl", List.of("polish-stempel", "polish-morfologik", "czech-light", "truncate-4", "truncate-5", "truncate-6",
          "fold"),
      "cs", List.of("czech-light", "truncate-4", "truncate-5", "truncate-6", "fold"),
      "sk", List.of("czech-light", "truncate-4", "truncate-5", "truncate-6", "fold"),
      "sl", List.of("czech-light", "truncate-4", "truncate-5", "truncate-6", "fold"));

  record Case(String text, String language, String article) {}

  @Test
  void compare() throws IOException {
    var kb = System.getProperty("kb") == null ? SharedModel.demoKb() : KnowledgeLoader.load(Path.of(System.getProperty("kb")));
    var cases = System.getProperty("cases") == null ? List.<Case>of() : load(Path.of(System.getProperty("cases")));
    var out = new StringBuilder("language | analyzer | sample questions, BM25 | sample questions, hybrid | cases, BM25"
        + " | cases, hybrid\n");
    for (var language : List.of("pl", "cs", "sk", "sl")) {
      if (kb.articles().stream().noneMatch(a -> a.locale().equals(language))) {
        continue;
      }
      for (var name : CANDIDATES.get(language)) {
        var chosen = name.equals("polish-morfologik") ? morfologik() : LexicalIndex.named(name);
        java.util.function.Function<String, Analyzer> analyzers =
            l -> l.equals(language) ? chosen : LexicalIndex.analyzer(l);
        var retriever = new Retriever(kb, SharedModel.model(), null, analyzers);
        out.append(language).append(" | ").append(name).append(looTop1(retriever, language, false))
            .append(looTop1(retriever, language, true))
            .append(casesTop1(retriever, cases, language, false)).append(casesTop1(retriever, cases, language, true))
            .append('\n');
      }
    }
    System.out.println(out);
  }

  /** Morfologik's Polish lemmas (every lemma of an ambiguous word), Polish stop words removed, then folded. */
  private static Analyzer morfologik() {
    return LexicalIndex.chain(s -> new ASCIIFoldingFilter(new LowerCaseFilter(new MorfologikFilter(
        new StopFilter(new LowerCaseFilter(s), PolishAnalyzer.getDefaultStopSet())))));
  }

  private static String looTop1(Retriever retriever, String language, boolean hybrid) {
    int right = 0;
    int all = 0;
    var skip = new boolean[retriever.size()];
    for (int i = 0; i < retriever.size(); i++) {
      if (!retriever.isQuestion(i) || !retriever.locale(i).equals(language)) {
        continue;
      }
      Arrays.fill(skip, false);
      skip[i] = true;
      all++;
      if (retriever.articleId(i).equals(best(retriever, retriever.text(i), retriever.vector(i), skip, hybrid))) {
        right++;
      }
    }
    return " | " + pct(right, all);
  }

  private static String casesTop1(Retriever retriever, List<Case> cases, String language, boolean hybrid) {
    int right = 0;
    int all = 0;
    for (var c : cases) {
      if (c.language().equals(language)) {
        all++;
        if (c.article().equals(best(retriever, c.text(), retriever.embed(c.text()), null, hybrid))) {
          right++;
        }
      }
    }
    return " | " + pct(right, all);
  }

  /** The best article: hybrid retrieval's, or the text with the best BM25 score's (none when nothing matches). */
  private static String best(Retriever retriever, String text, float[] vector, boolean[] skip, boolean hybrid) {
    if (hybrid) {
      var hits = retriever.search(text, vector, 1, skip);
      return hits.isEmpty() ? "" : hits.get(0).articleId();
    }
    var scores = retriever.lexicalScores(text, skip);
    int best = -1;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] > 0 && (best < 0 || scores[i] > scores[best])) {
        best = i;
      }
    }
    return best < 0 ? "" : retriever.articleId(best);
  }

  private static String pct(int right, int all) {
    return all == 0 ? "–" : String.format("%.1f %% (%d/%d)", 100.0 * right / all, right, all);
  }

  private static List<Case> load(Path file) throws IOException {
    var mapper = new ObjectMapper();
    var cases = new ArrayList<Case>();
    for (var line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      var node = mapper.readTree(line);
      if (node.path("expect").asText().equals("answer") && node.hasNonNull("language")) {
        cases.add(new Case(node.get("text").asText(), node.get("language").asText(), node.get("article").asText()));
      }
    }
    return cases;
  }
}
