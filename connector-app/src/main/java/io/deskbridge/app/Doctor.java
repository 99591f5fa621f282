package io.deskbridge.app;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.deskbridge.app.eval.Evaluation;
import io.deskbridge.core.BotSettings;
import io.deskbridge.core.ConfigLoader;
import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.Installs;
import io.deskbridge.core.bot.Bot;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.bot.CalibrationCase;
import io.deskbridge.core.bot.KnowledgeHealth;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.engine.Engine;
import io.deskbridge.core.engine.Installation;
import io.deskbridge.core.knowledge.KnowledgeBase;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.spi.InstallProblem;
import io.deskbridge.core.store.Migrations;
import io.deskbridge.core.store.StoreException;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The checks of {@code doctor}: everything {@code serve} needs, checked one by one without serving, each reported as
 * a {@link Finding}: {@code OK} for what passed, {@code WARN} for what works but deserves a look, {@code FAIL} for a
 * problem, each problem in one line naming the setting, the file, the variable or the article, and the fix.
 *
 * <p>The checks run in the order of {@link #CHECKS}; a configuration that does not load stops them. Per installation
 * the checks of {@link #PER_INSTALLATION} run, each with the installation's connector. Building the bot for the
 * knowledge checks embeds what the knowledge cache lacks and keeps it there, as {@code serve} would.
 *
 * <p>Not thread-safe: one run.
 */
final class Doctor {

  /** How a check came out. */
  enum Status { OK, WARN, FAIL }

  /**
   * One line of the report.
   *
   * @param check   the area: {@code configuration}, {@code secrets}, {@code credentials}, {@code store}, {@code disk},
   *                {@code embedding}, {@code knowledge}
   * @param subject the setting, file or article it is about; empty when none
   * @param message what was found and, for a problem, the fix
   */
  record Finding(Status status, String check, String subject, String message) {}

  /** One check; it adds its findings through {@code out}. */
  @FunctionalInterface
  interface Check {
    void run(Doctor doctor, Consumer<Finding> out);
  }

  /** One check of one installation, given its connector (built from its settings, closed after the checks). */
  @FunctionalInterface
  interface InstallationCheck {
    void run(Doctor doctor, Installation installation, Consumer<Finding> out);
  }

  /** The checks, in order. */
  static final List<Check> CHECKS = List.of(Doctor::configuration, Doctor::secrets, Doctor::eachInstallation,
      Doctor::store, Doctor::disk, Doctor::embeddingModel, Doctor::knowledge);

  /** The checks of each installation, in order: its credentials, then its registration at the helpdesk. */
  static final List<InstallationCheck> PER_INSTALLATION = List.of(Doctor::credentials, Doctor::registration);

  /** Below this many bytes free where the store and the knowledge cache live, a warning. */
  static final long DEFAULT_MIN_FREE_BYTES = 1024L * 1024 * 1024;

  /** Near-duplicates and confused pairs listed at most; the count says how many more. */
  static final int LISTED = 5;

  private final Path file;
  private final Function<String, String> env;
  private final String onlyInstallation;
  private final long minFreeBytes;
  private final boolean testDelivery;
  private final java.util.Set<String> credentialsFailed = new java.util.HashSet<>();
  private final Clock clock;
  private DeskbridgeConfig config;
  private EmbeddingModel model;
  private int cachedBefore = -1;

  /**
   * @param onlyInstallation the one installation to check; null checks all
   */
  Doctor(Path file, Function<String, String> env, String onlyInstallation, long minFreeBytes, Clock clock) {
    this(file, env, onlyInstallation, minFreeBytes, false, clock);
  }

  /**
   * @param onlyInstallation the one installation to check; null checks all
   * @param testDelivery     also ask each helpdesk that offers one for a test delivery of its webhook (Deskbridge must
   *                         be serving at {@code server.publicUrl})
   */
  Doctor(Path file, Function<String, String> env, String onlyInstallation, long minFreeBytes, boolean testDelivery,
      Clock clock) {
    this.testDelivery = testDelivery;
    this.file = file;
    this.env = env;
    this.onlyInstallation = onlyInstallation;
    this.minFreeBytes = minFreeBytes;
    this.clock = clock;
  }

  /** Runs every check in order, handing each finding to {@code out} as it is made; the findings, in order. */
  List<Finding> run(Consumer<Finding> out) {
    var findings = new ArrayList<Finding>();
    Consumer<Finding> both = f -> {
      findings.add(f);
      out.accept(f);
    };
    for (var check : CHECKS) {
      check.run(this, both);
      if (config == null) {
        break; // nothing else can be checked without the configuration
      }
    }
    return findings;
  }

  // --- configuration ---

  private void configuration(Consumer<Finding> out) {
    try {
      config = ConfigLoader.load(file, env);
    } catch (IllegalArgumentException e) { // ConfigException included: one line naming the file and the setting
      out.accept(fail("configuration", file.toString(), e.getMessage()));
      return;
    }
    if (onlyInstallation != null
        && config.installations().stream().noneMatch(i -> i.id().equals(onlyInstallation))) {
      var ids = config.installations().stream().map(DeskbridgeConfig.InstallationConfig::id).toList();
      out.accept(fail("configuration", "--installation", "installation '" + onlyInstallation + "' is not in " + file
          + " (configured: " + String.join(", ", ids) + "): pass one of those ids or leave --installation out"));
      config = null;
      return;
    }
    out.accept(ok("configuration", file.toString(), file + " loads and validates: " + config.installations().size()
        + " installation(s), knowledge " + config.knowledge() + ", store " + config.store().describe()));
  }

  /** Every secret of the checked installations, and the store's password: which variable or file it is read from. */
  private void secrets(Consumer<Finding> out) {
    for (var installation : installations()) {
      walkSecrets(installation.settings(), out);
    }
    if (config.store().password() != null) {
      out.accept(ok("secrets", "store.password", "store.password: read (" + config.store().password() + ")"));
    }
  }

  private void walkSecrets(Settings settings, Consumer<Finding> out) {
    for (var key : settings.keys()) {
      var setting = settings.path() + "." + key;
      if (settings.raw(key) instanceof Map<?, ?> m && m.size() == 1 && (m.containsKey("env") || m.containsKey("file"))) {
        var problem = settings.secretProblem(key);
        if (problem.isPresent()) {
          out.accept(fail("secrets", setting, setting + " " + problem.get()));
        } else {
          out.accept(ok("secrets", setting, setting + ": read from " + (m.containsKey("env")
              ? "the environment variable " + m.get("env") : "the file " + m.get("file"))));
        }
      } else if (settings.raw(key) instanceof Map<?, ?>) {
        walkSecrets(settings.section(key), out);
      }
    }
  }

  // --- installations ---

  private List<DeskbridgeConfig.InstallationConfig> installations() {
    return config.installations().stream()
        .filter(i -> onlyInstallation == null || i.id().equals(onlyInstallation)).toList();
  }

  private void eachInstallation(Consumer<Finding> out) {
    var connectors = Connectors.discover();
    for (var i : installations()) {
      if (!i.settings().secretProblems().isEmpty()) {
        out.accept(fail("credentials", "installations[" + i.id() + "].settings", "installation '" + i.id()
            + "' (" + i.vendor() + ") not checked: its secrets cannot be read (above)"));
        continue;
      }
      Connector connector;
      try {
        connector = connectors.forVendor(i.vendor()).create(new ConnectorContext(i.id(), i.settings(), clock,
            i.routing().handoverTag()));
      } catch (IllegalArgumentException e) {
        out.accept(fail("credentials", "installations[" + i.id() + "].settings", "installation '" + i.id() + "' ("
            + i.vendor() + "): " + e.getMessage()));
        continue;
      }
      try (connector) {
        var installation = new Installation(i.id(), i.mode(), i.routing(), i.retry(), connector,
            i.requestsPerMinute(), i.reopenStartsEpisode(), i.chatDebounce(), i.chatSessionTimeout(),
            i.emailMaxRepliesPerDay());
        for (var check : PER_INSTALLATION) {
          check.run(this, installation, out);
        }
      }
    }
  }

  private void credentials(Installation inst, Consumer<Finding> out) {
    var vendor = inst.connector().vendor();
    var subject = "installations[" + inst.id() + "].settings";
    if (vendor.equals("api")) {
      out.accept(ok("credentials", subject, "installation '" + inst.id() + "' (api): the built-in Conversation API, "
          + "no helpdesk to log in to; its clients' keys: deskbridge api-key list"));
      return;
    }
    try {
      var identity = Engine.startUpCheck(inst);
      out.accept(ok("credentials", subject, "installation '" + inst.id() + "' (" + vendor + ") authenticated as "
          + identity.name() + " (id " + identity.userId() + "); its routing targets exist"));
    } catch (IllegalArgumentException e) { // ConfigException: names the setting and the fix
      credentialsFailed.add(inst.id());
      out.accept(fail("credentials", subject, e.getMessage()));
    } catch (RuntimeException e) {
      credentialsFailed.add(inst.id());
      out.accept(fail("credentials", subject, "installation '" + inst.id() + "' (" + vendor + ") failed its "
          + "start-up check: " + ServeCommand.rootMessage(e) + "; check " + subject));
    }
  }

  private void registration(Installation inst, Consumer<Finding> out) {
    var subject = "installations[" + inst.id() + "]";
    var installs = new Installs(config, file, Connectors.discover(), clock);
    if (!installs.registers(inst.id()) || credentialsFailed.contains(inst.id())) {
      return; // nothing to register, or nothing to read it with (the credentials' failure is above)
    }
    List<InstallProblem> problems;
    try {
      problems = installs.check(inst.id(), testDelivery);
    } catch (IllegalArgumentException e) { // names the setting the check needs
      out.accept(fail("registration", subject, e.getMessage()));
      return;
    } catch (RuntimeException e) {
      out.accept(fail("registration", subject, "installation '" + inst.id() + "': its registration could not be "
          + "read: " + ServeCommand.rootMessage(e) + "; check " + subject + ".settings"));
      return;
    }
    if (problems.isEmpty()) {
      out.accept(ok("registration", subject, "installation '" + inst.id() + "' is registered at its helpdesk as "
          + "install left it" + (testDelivery ? ", and its test delivery reached Deskbridge" : "")));
    }
    problems.forEach(p -> out.accept(fail("registration", subject, p.toString())));
  }

  // --- store and disk ---

  private void store(Consumer<Finding> out) {
    var store = config.store();
    var describe = store.describe();
    if (describe.startsWith("H2 file ") && !Files.exists(Path.of(describe.substring("H2 file ".length())))) {
      out.accept(ok("store", "store", describe + " does not exist yet: serve creates it with the current schema"));
      return;
    }
    Migrations migrations;
    try {
      migrations = Migrations.inspect(store);
    } catch (StoreException e) {
      var root = ServeCommand.rootMessage(e);
      if (root.contains("already in use") || root.contains("locked")) {
        out.accept(warn("store", "store", describe + " is open in another process (a running serve?): its "
            + "migrations were not checked; run doctor while it is stopped to check them"));
      } else {
        out.accept(fail("store", "store", "cannot reach the store (" + describe + "): " + root + "; check the "
            + "store settings (url, username, password, directory) and that the database is running"));
      }
      return;
    }
    if (!migrations.failed().isEmpty()) {
      out.accept(fail("store", "store", describe + ": migration(s) " + String.join(", ", migrations.failed())
          + " failed: restore the database from a backup or repair it (flyway repair) before serve starts"));
      return;
    }
    out.accept(ok("store", "store", describe + " reachable; schema at version " + (migrations.current().isEmpty()
        ? "none" : migrations.current()) + ", " + migrations.applied().size() + " migration(s) applied, "
        + (migrations.pending().isEmpty() ? "none pending"
        : migrations.pending().size() + " pending (" + String.join(", ", migrations.pending())
            + "): serve applies them at start")));
  }

  private void disk(Consumer<Finding> out) {
    var places = new LinkedHashMap<String, Path>();
    var describe = config.store().describe();
    if (describe.startsWith("H2 file ")) {
      places.put("the store", Path.of(describe.substring("H2 file ".length())).getParent());
    }
    if (config.cache() != null) {
      places.put("the knowledge cache", config.cache());
    }
    var byStore = new LinkedHashMap<FileStore, List<String>>();
    var folders = new LinkedHashMap<FileStore, Path>();
    for (var place : places.entrySet()) {
      var existing = place.getValue().toAbsolutePath();
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      try {
        var fileStore = Files.getFileStore(existing);
        byStore.computeIfAbsent(fileStore, s -> new ArrayList<>()).add(place.getKey() + " (" + place.getValue() + ")");
        folders.putIfAbsent(fileStore, existing);
      } catch (IOException | RuntimeException e) {
        out.accept(fail("disk", place.getValue().toString(), "cannot read the free space for " + place.getKey()
            + " at " + place.getValue() + ": " + e.getMessage()));
      }
    }
    for (var entry : byStore.entrySet()) {
      long free;
      try {
        free = entry.getKey().getUsableSpace();
      } catch (IOException e) {
        out.accept(warn("disk", folders.get(entry.getKey()).toString(), "cannot read the free space at "
            + folders.get(entry.getKey()) + ": " + e.getMessage()));
        continue;
      }
      var what = String.join(" and ", entry.getValue());
      if (free < minFreeBytes) {
        out.accept(warn("disk", folders.get(entry.getKey()).toString(), "only " + megabytes(free) + " free for "
            + what + " (below " + megabytes(minFreeBytes) + "): free space there or move dataDirectory to a larger "
            + "disk; the store stops taking webhooks when the disk is full"));
      } else {
        out.accept(ok("disk", folders.get(entry.getKey()).toString(), megabytes(free) + " free for " + what));
      }
    }
  }

  private static String megabytes(long bytes) {
    return bytes >= 10L * 1024 * 1024 * 1024 ? (bytes >> 30) + " GB" : (bytes >> 20) + " MB";
  }

  // --- the embedding model ---

  private void embeddingModel(Consumer<Finding> out) {
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

  // --- the knowledge base ---

  private void knowledge(Consumer<Finding> out) {
    if (model == null) {
      out.accept(fail("knowledge", "knowledge", "not checked: the embedding model did not load (above)"));
      return;
    }
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

  private static Finding ok(String check, String subject, String message) {
    return new Finding(Status.OK, check, subject, message);
  }

  private static Finding warn(String check, String subject, String message) {
    return new Finding(Status.WARN, check, subject, message);
  }

  private static Finding fail(String check, String subject, String message) {
    return new Finding(Status.FAIL, check, subject, message);
  }
}
