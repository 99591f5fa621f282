package io.deskbridge.app;

import static io.deskbridge.app.Doctor.fail;
import static io.deskbridge.app.Doctor.ok;
import static io.deskbridge.app.Doctor.warn;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.deskbridge.app.Doctor.Finding;
import io.deskbridge.app.eval.Evaluation;
import io.deskbridge.core.BotSettings;
import io.deskbridge.core.bot.Bot;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.bot.CalibrationCase;
import io.deskbridge.core.bot.KnowledgeHealth;
import io.deskbridge.core.knowledge.KnowledgeBase;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code doctor}'s checks of what the bot answers from, in order: the embedding model ({@code embedding}: it loads
 * and embeds; the knowledge cache folder is writable, and how many of its vectors it holds is counted before the bot
 * is built), then the knowledge base ({@code knowledge}: it loads; a bot built as {@code serve} builds it, which
 * embeds what the cache lacks and keeps it there; its {@link KnowledgeHealth} report, each problem naming the
 * article). Not thread-safe: one run.
 */
final class DoctorKnowledgeChecks {

  /** Near-duplicates and confused pairs listed at most; the count says how many more. */
  static final int LISTED = 5;

  private final Doctor doctor;
  private EmbeddingModel model;
  private int cachedBefore = -1;

  private DoctorKnowledgeChecks(Doctor doctor) {
    this.doctor = doctor;
  }

  /** The {@link Doctor.Check}: the embedding model, then the knowledge base. */
  static void run(Doctor doctor, Consumer<Finding> out) {
    var checks = new DoctorKnowledgeChecks(doctor);
    checks.embeddingModel(out);
    checks.knowledge(out);
  }

  private void embeddingModel(Consumer<Finding> out) {
    var config = doctor.config();
    var settings = BotSettings.embeddingModel(config.bot());
    long started = System.nanoTime();
    try {
      model = Bot.embeddingModel(settings, "bot.embedding");
      int dimension = model.embed("Where is my order?").content().vector().length;
      long millis = (System.nanoTime() - started) / 1_000_000;
      out.accept(ok("embedding", "bot.embedding", (settings.isBundled() ? "the bundled all-MiniLM-L6-v2 (English "
          + "only)" : settings.modelFile() + (settings.multilingual() ? " (multilingual)" : " (not multilingual)"))
          + " loads and embeds in " + millis + " ms; dimension " + dimension));
    } catch (RuntimeException e) {
      model = null;
      out.accept(fail("embedding", "bot.embedding", e.getMessage() == null ? e.toString() : e.getMessage()));
      return;
    }
    var cache = config.cache();
    if (cache == null) {
      out.accept(ok("embedding", "knowledgeCache", "no knowledge cache: every start embeds the whole knowledge base"));
      return;
    }
    if (Files.exists(cache) && (!Files.isDirectory(cache) || !Files.isWritable(cache))) {
      out.accept(fail("embedding", "knowledgeCache", "knowledgeCache " + cache + " is not a folder this user may "
          + "write: fix its permissions or point knowledgeCache (or dataDirectory) elsewhere"));
      return;
    }
    cachedBefore = KnowledgeHealth.cachedEmbeddings(model, cache);
  }

  private void knowledge(Consumer<Finding> out) {
    if (model == null) {
      out.accept(fail("knowledge", "knowledge", "not checked: the embedding model did not load (above)"));
      return;
    }
    var config = doctor.config();
    var path = config.knowledge();
    if (!Files.exists(path)) {
      out.accept(fail("knowledge", "knowledge", "knowledge: " + path + " does not exist; point it at a folder of "
          + "Markdown articles or a .jsonl file (a relative path is relative to the configuration file's folder)"));
      return;
    }
    KnowledgeBase kb;
    BotConfig botConfig;
    List<CalibrationCase> labelled;
    try {
      kb = KnowledgeLoader.load(path);
      botConfig = BotSettings.from(config.bot());
      labelled = config.calibrationCases() == null ? List.of()
          : Evaluation.calibrationCases(config.calibrationCases(), kb, "bot.calibrationCases");
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      out.accept(fail("knowledge", "knowledge", e.getMessage()));
      return;
    }
    if (kb.size() == 0) {
      out.accept(fail("knowledge", "knowledge", "knowledge: " + path + " holds no approved article: add articles "
          + "(Markdown with front matter, or JSONL) or point knowledge at the right folder"));
      return;
    }
    var cache = cachedBefore < 0 ? null : config.cache();
    Bot bot;
    try {
      bot = Bot.create(kb, botConfig, model, cache, labelled);
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      out.accept(fail("knowledge", "knowledge", e.getMessage()));
      return;
    }
    var languages = new TreeSet<>(kb.countByLocale().keySet());
    languages.add(botConfig.defaultLanguage());
    var report = KnowledgeHealth.check(bot, languages);
    if (cache != null) {
      out.accept(ok("embedding", "knowledgeCache", KnowledgeHealth.embeddingCacheFile(model, cache) + " held "
          + Math.min(cachedBefore, report.texts()) + " of the knowledge base's " + report.texts() + " texts"
          + (cachedBefore >= report.texts() ? "" : "; the rest are embedded now and kept there")));
    }
    out.accept(ok("knowledge", "knowledge", report.articles() + " article(s) in " + kb.size() + " locale version(s) "
        + kb.countByLocale() + " from " + path));
    knowledgeFindings(report, out);
  }

  /** The findings of a knowledge health report; the fixes name the article. */
  static void knowledgeFindings(KnowledgeHealth.Report report, Consumer<Finding> out) {
    var noQuestions = new LinkedHashMap<String, List<String>>();
    report.withoutQuestions().forEach(n -> noQuestions.computeIfAbsent(n.articleId(), id -> new ArrayList<>())
        .add(n.locale()));
    noQuestions.forEach((id, locales) -> out.accept(fail("knowledge", "article '" + id + "'", "article '" + id
        + "' has no sample questions in " + String.join(", ", locales) + ": add three to five ways customers ask "
        + "it under 'questions:' (the bot matches messages to them and fits its confidence on them)")));
    if (noQuestions.isEmpty()) {
      out.accept(ok("knowledge", "questions", "every article has sample questions in every locale"));
    }
    for (var missing : report.missingLocales()) {
      out.accept(fail("knowledge", "article '" + missing.articleId() + "'", "article '" + missing.articleId()
          + "' is missing in " + String.join(", ", missing.locales()) + " (languages: " + String.join(", ",
          report.languages()) + "): add a translation with id " + missing.articleId() + " and locale "
          + missing.locales().get(0) + ", or customers writing in it get another language's version"));
    }
    if (report.missingLocales().isEmpty()) {
      out.accept(ok("knowledge", "locales", "every article exists in every language (" + String.join(", ",
          new TreeSet<>(report.languages())) + ")"));
    }
    var duplicates = report.nearDuplicates();
    for (var d : duplicates.subList(0, Math.min(LISTED, duplicates.size()))) {
      out.accept(fail("knowledge", "article '" + d.firstArticle() + "'", String.format(Locale.ROOT, "sample "
          + "question \"%s\" of article '%s' and \"%s\" of article '%s' (%s) are near-duplicates (similarity %.2f): "
          + "reword or remove one, or merge the articles", d.firstQuestion(), d.firstArticle(), d.secondQuestion(),
          d.secondArticle(), d.locale(), d.similarity())));
    }
    if (duplicates.size() > LISTED) {
      out.accept(fail("knowledge", "questions", (duplicates.size() - LISTED) + " more near-duplicate sample "
          + "question pair(s) point at different articles (--json lists them all)"));
    }
    if (duplicates.isEmpty()) {
      out.accept(ok("knowledge", "questions", "no near-duplicate sample questions point at different articles"));
    }
    var confusions = report.confusions();
    for (var c : confusions.subList(0, Math.min(LISTED, confusions.size()))) {
      out.accept(warn("knowledge", "article '" + c.firstArticle() + "'", "articles '" + c.firstArticle() + "' and '"
          + c.secondArticle() + "' are confused: " + c.confused() + " of their " + c.questions() + " sample questions, "
          + "each held out, go to the other (" + c.answeredWrong() + " above the threshold): make their titles and "
          + "questions say what sets them apart"));
    }
    if (confusions.size() > LISTED) {
      var rest = confusions.subList(LISTED, confusions.size());
      out.accept(warn("knowledge", "questions", rest.size() + " more confused article pair(s), "
          + rest.stream().mapToInt(KnowledgeHealth.Confusion::confused).sum() + " question(s) (--json lists them)"));
    }
    if (confusions.isEmpty()) {
      out.accept(ok("knowledge", "questions", "no article is confused with another in the leave-one-out"));
    }
    var coverage = report.coverage();
    var line = String.format(Locale.ROOT, "leave-one-out over %d sample questions: %.0f %% ranked their own article "
            + "first; at the threshold of %d %% the bot would answer %.0f %% of them, %.0f %% of those with the right "
            + "article (an upper estimate: real messages are worded less like the samples)", coverage.questions(),
        coverage.questions() == 0 ? 0 : 100.0 * coverage.topOneRight() / coverage.questions(),
        coverage.thresholdPercent(), 100 * coverage.coverage(), 100 * coverage.precision());
    out.accept(coverage.questions() > 0 && coverage.coverage() < 0.5
        ? warn("knowledge", "bot.thresholdPercent", line + ": below half; add sample questions or lower "
            + "bot.thresholdPercent after checking precision with eval")
        : ok("knowledge", "bot.thresholdPercent", line));
  }
}
