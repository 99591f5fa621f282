package io.deskbridge.core;

import io.deskbridge.core.admin.AdminApi;
import io.deskbridge.core.api.ApiConnector;
import io.deskbridge.core.api.ConversationApi;
import io.deskbridge.core.bot.AddressForm;
import io.deskbridge.core.bot.Bot;
import io.deskbridge.core.bot.CalibrationCase;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.engine.Engine;
import io.deskbridge.core.engine.Installation;
import io.deskbridge.core.hosting.ApiRoutes;
import io.deskbridge.core.hosting.WebhookHandler;
import io.deskbridge.core.hosting.WebhookServer;
import io.deskbridge.core.bot.Decider;
import io.deskbridge.core.bot.SwappableDecider;
import io.deskbridge.core.csat.SatisfactionPoll;
import io.deskbridge.core.csat.SatisfactionScheduler;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.core.humanreply.HumanReplyPoll;
import io.deskbridge.core.humanreply.HumanReplyScheduler;
import io.deskbridge.core.knowledge.Article;
import io.deskbridge.core.knowledge.KnowledgeBase;
import io.deskbridge.core.kbsync.KnowledgeSync;
import io.deskbridge.core.kbsync.KnowledgeSyncScheduler;
import io.deskbridge.core.kbsync.SyncedArticle;
import io.deskbridge.core.llm.AnswerMode;
import io.deskbridge.core.llm.LlmDecider;
import io.deskbridge.core.llm.AnswerConfig;
import io.deskbridge.core.lookup.BackOfficeConfig;
import io.deskbridge.core.lookup.LookupDecider;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.store.JdbcStore;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running connector: the entry point that assembles everything from the configuration. It opens the
 * store (migrating its schema), builds each installation's connector through its
 * {@link io.deskbridge.core.spi.ConnectorFactory}, makes one authenticated call per installation (fail
 * fast), starts the engine's workers and then the webhook server, which also serves the Conversation API
 * ({@code /api/v1}) when an installation has {@code vendor: api}.
 */
public final class Deskbridge implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Deskbridge.class);
  /** How long {@link #close()} lets the workers finish the conversations in hand. */
  public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);

  private final Engine engine;
  private final WebhookServer server;
  private final JdbcStore store;
  private final List<Connector> connectors;
  private final ConversationApi conversationApi;
  private final KnowledgeSyncScheduler sync; // null without knowledge.sync
  private final SatisfactionScheduler csat; // null without the admin dashboard
  private final HumanReplyScheduler humanReplies; // null without the admin dashboard
  private final AtomicReference<Bot> knowledge;

  private Deskbridge(Engine engine, WebhookServer server, JdbcStore store, List<Connector> connectors,
      ConversationApi conversationApi, KnowledgeSyncScheduler sync, SatisfactionScheduler csat,
      HumanReplyScheduler humanReplies, AtomicReference<Bot> knowledge) {
    this.sync = sync;
    this.csat = csat;
    this.humanReplies = humanReplies;
    this.knowledge = knowledge;
    this.conversationApi = conversationApi;
    this.engine = engine;
    this.server = server;
    this.store = store;
    this.connectors = connectors;
  }

  /**
   * Starts everything. Fails with a clear message when a setting is invalid, a vendor is missing, the
   * database cannot be reached, or an installation cannot authenticate; nothing keeps running after a
   * failure. Mistakes the admin fixes (unreadable secrets, all of them at once; a refused token; an unknown host)
   * are {@link io.deskbridge.core.error.ConfigException}s naming the setting.
   */
  public static Deskbridge start(DeskbridgeConfig config, KnowledgeBase knowledge, BotConfig botConfig,
      Connectors connectors, Clock clock) {
    return start(config, knowledge, botConfig, List.of(), connectors, clock);
  }

  /**
   * As {@link #start(DeskbridgeConfig, KnowledgeBase, BotConfig, Connectors, Clock)}, with the bot's confidence
   * fitted on the admin's labelled messages (read by the caller from {@link DeskbridgeConfig#calibrationCases()});
   * empty fits it on the knowledge base's sample questions.
   */
  public static Deskbridge start(DeskbridgeConfig config, KnowledgeBase knowledge, BotConfig botConfig,
      List<CalibrationCase> calibrationCases, Connectors connectors, Clock clock) {
    var model = Bot.embeddingModel(BotSettings.embeddingModel(config.bot()), "bot.embedding");
    return start(config, knowledge, all -> Bot.create(all, botConfig, model, config.cache(), calibrationCases),
        connectors, clock);
  }

  /**
   * Starts everything with a bot the caller builds over the knowledge: {@code fileKnowledge} plus the articles synced
   * from the helpdesks ({@code knowledge.sync}); {@code botOver} is called at start and again whenever a sync changed
   * the synced articles, and the new bot answers from then on.
   */
  public static Deskbridge start(DeskbridgeConfig config, KnowledgeBase fileKnowledge,
      Function<KnowledgeBase, Bot> botOver, Connectors connectors, Clock clock) {
    return start(config, synced -> botOver.apply(synced.isEmpty() ? fileKnowledge
        : fileKnowledge.plus(KnowledgeBase.of(synced))), connectors, clock);
  }

  /**
   * Starts everything with a bot built by the caller, for instance over another embedding model (the
   * benchmark's CPU-light stand-in); otherwise as {@link #start(DeskbridgeConfig, KnowledgeBase, BotConfig,
   * Connectors, Clock)}.
   */
  public static Deskbridge start(DeskbridgeConfig config, Bot bot, Connectors connectors, Clock clock) {
    return start(config, synced -> bot, connectors, clock);
  }

  /**
   * @param botFactory builds the bot over the file knowledge base plus the given synced articles (the helpdesks' own
   *                   knowledge bases, see {@link KnowledgeSyncScheduler}); called at start and after a sync changed
   *                   them
   */
  private static Deskbridge start(DeskbridgeConfig config, Function<List<Article>, Bot> botFactory,
      Connectors connectors, Clock clock) {
    var built = new ArrayList<Connector>();
    JdbcStore store = null;
    Engine engine = null;
    ConversationApi conversationApi = null;
    KnowledgeSyncScheduler sync = null;
    SatisfactionScheduler csat = null;
    HumanReplyScheduler humanReplies = null;
    try {
      config.requireSecrets();
      var installations = new ArrayList<Installation>();
      for (var i : config.installations()) {
        var connector = connectors.forVendor(i.vendor()).create(new ConnectorContext(i.id(), i.settings(), clock,
            i.routing().handoverTag()));
        built.add(connector);
        installations.add(new Installation(i.id(), i.mode(), i.routing(), i.retry(), connector, i.requestsPerMinute(),
            i.reopenStartsEpisode(), i.chatDebounce(), i.chatSessionTimeout(), i.emailMaxRepliesPerDay()));
      }
      var syncJobs = syncJobs(config, built);
      store = JdbcStore.open(config.store());
      long syncedRevision = store.syncedKnowledge().revision();
      var synced = store.syncedKnowledge().articles().stream().map(SyncedArticle::article).toList();
      if (!synced.isEmpty()) {
        log.info("Knowledge synced from the helpdesks: {} article text(s)", synced.size());
      }
      var bot = botFactory.apply(synced);
      var apiInstallations = new ArrayList<String>();
      for (var connector : built) {
        if (connector instanceof ApiConnector api) { // the built-in kind: its conversations live in our store
          api.bind(store.conversationApi());
        }
      }
      installations.stream().filter(i -> i.connector() instanceof ApiConnector).forEach(i -> apiInstallations.add(i.id()));
      var meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new JvmMemoryMetrics().bindTo(meters);
      new ProcessorMetrics().bindTo(meters);
      var backOffices = new LinkedHashMap<String, BackOfficeConfig>();
      config.installations().stream().filter(i -> i.backOffice() != null)
          .forEach(i -> backOffices.put(i.id(), i.backOffice()));
      // answer.mode llm: the LLM phrases what the bot (with its lookups) approved; the looked-up values reach it
      var answers = new LinkedHashMap<String, AnswerConfig>();
      config.installations().forEach(i -> answers.put(i.id(), i.answer()));
      var forms = new LinkedHashMap<String, AddressForm>();
      answers.forEach((id, a) -> {
        if (a.tone().address() != null) {
          forms.put(id, a.tone().address());
        }
      });
      Function<Bot, Decider> chain = b -> {
        Decider d = LookupDecider.wrap(b, b.knowledge(), backOffices, clock, meters);
        d = LlmDecider.wrap(d, b::approvedArticles, b.knowledge(), answers, b.config().defaultLanguage(), meters,
            config.privacy().redactLlmPrompts());
        return AddressForm.wrap(d, forms); // the fixed phrases' address, in both modes
      };
      var current = new AtomicReference<>(bot);
      var decider = new SwappableDecider(chain.apply(bot));
      if (!backOffices.isEmpty() || bot.knowledge().articles().stream().anyMatch(a -> !a.lookups().isEmpty())) {
        log.info("Back-office lookups: {} article(s) declare lookups; back office for installation(s) {}",
            bot.knowledge().articles().stream().filter(a -> !a.lookups().isEmpty()).map(a -> a.id()).distinct()
                .count(), backOffices.isEmpty() ? "none (those articles give their own bodies)"
                : String.join(", ", backOffices.keySet()));
      }
      answers.forEach((id, a) -> {
        if (a.mode() == AnswerMode.LLM) {
          log.info("LLM answers for installation {}: {} at {} (extractive when refused or failed)", id,
              a.llm().model(), a.llm().baseUrl());
        }
      });
      engine = Engine.start(installations, decider, store, store, clock, config.engine(), meters);
      var running = engine;
      var openedStore = store;
      var handler = new WebhookHandler(id -> running.installation(id).map(inst -> inst.connector().webhook()),
          running::accept, store, clock, meters, WebhookHandler.DEFAULT_AUDITED_REJECTIONS_PER_MINUTE);
      var limits = new WebhookServer.Limits(config.server().maxBodyBytes(), config.server().maxConnections(),
          config.server().idleTimeout());
      boolean callbacks = built.stream().anyMatch(c -> c instanceof ApiConnector a && a.hasCallback());
      conversationApi = apiInstallations.isEmpty() ? null : new ConversationApi(engine, store.conversationApi(),
          store::state, store::audit, (id, language) -> current.get().knowledge().find(id, language)
              .or(() -> current.get().knowledge().byId(id).stream().findFirst()).map(a -> a.url()), clock, callbacks,
          meters);
      ApiRoutes api = conversationApi == null ? ApiRoutes.NONE : conversationApi;
      ApiRoutes admin = WebhookServer.ADMIN_OFF;
      if (config.admin().enabled()) {
        var vendors = new LinkedHashMap<String, String>();
        config.installations().forEach(i -> vendors.put(i.id(), i.vendor()));
        var csatJobs = satisfactionJobs(config, built);
        var ratings = store.satisfaction();
        admin = new AdminApi(config.admin(), store.dashboard(), store::audit, store::state, decider, vendors,
            bot.config().thresholdPercent() / 100.0, clock, ratings::between,
            csatJobs.stream().map(SatisfactionScheduler.Job::installation).collect(java.util.stream.Collectors.toSet()));
        csat = SatisfactionScheduler.start(csatJobs, new SatisfactionPoll(ratings, clock),
            config.admin().satisfactionEvery());
        humanReplies = HumanReplyScheduler.start(humanReplyJobs(config, engine, built, config.admin().humanReplyEvery()),
            new HumanReplyPoll(store.humanReplies(), clock), config.admin().humanReplyEvery());
      }
      var server = WebhookServer.start(config.server().host(), config.server().port(), limits, handler, clock,
          meters::scrape, () -> running.healthy() && openedStore.healthy(), api, admin);
      log.info("Deskbridge listening on {}:{} with {} article(s), {} installation(s); store: {}; knowledge cache: {}",
          config.server().host(), server.port(), bot.knowledge().size(), installations.size(),
          config.store().describe(), config.cache() == null ? "none" : config.cache());
      if (config.admin().enabled()) {
        log.info("Admin dashboard at /admin (the API under /admin/api needs admin.token)");
      }
      if (!apiInstallations.isEmpty()) {
        log.info("Conversation API at /api/v1 (document: /api/v1/openapi.json) for installation(s) {}",
            String.join(", ", apiInstallations));
      }
      if (!syncJobs.isEmpty()) {
        var syncedStore = openedStore.syncedKnowledge();
        sync = KnowledgeSyncScheduler.start(syncJobs, new KnowledgeSync(syncedStore, clock), syncedStore,
            syncedRevision, revision -> {
              var articles = syncedStore.articles().stream().map(SyncedArticle::article).toList();
              var rebuilt = botFactory.apply(articles);
              current.set(rebuilt);
              decider.swap(chain.apply(rebuilt));
              log.info("Knowledge rebuilt after a sync: {} article(s), {} from the helpdesks",
                  rebuilt.knowledge().size(), articles.size());
            });
      }
      return new Deskbridge(engine, server, store, List.copyOf(built), conversationApi, sync, csat, humanReplies,
          current);
    } catch (RuntimeException e) {
      if (humanReplies != null) {
        humanReplies.close();
      }
      if (csat != null) {
        csat.close();
      }
      if (sync != null) {
        sync.close();
      }
      if (conversationApi != null) {
        conversationApi.close();
      }
      if (engine != null) {
        engine.close();
      }
      if (store != null) {
        store.close();
      }
      built.forEach(Connector::close);
      throw e;
    }
  }

  /**
   * The installations whose {@code knowledge.sync} core runs, each with its connector's knowledge source.
   *
   * @throws ConfigException when an installation configures a sync its vendor cannot do
   */
  static List<KnowledgeSyncScheduler.Job> syncJobs(DeskbridgeConfig config, List<Connector> connectors) {
    var jobs = new ArrayList<KnowledgeSyncScheduler.Job>();
    for (int i = 0; i < config.installations().size(); i++) {
      var installation = config.installations().get(i);
      if (installation.knowledgeSync() == null) {
        continue;
      }
      var source = connectors.get(i).knowledgeSource().orElseThrow(() -> new ConfigException("installations["
          + installation.id() + "].knowledge.sync: vendor " + installation.vendor() + " has no knowledge base "
          + "Deskbridge can sync; remove the section (or point knowledge at exported articles)"));
      jobs.add(new KnowledgeSyncScheduler.Job(installation.id(), source, installation.knowledgeSync()));
    }
    return jobs;
  }

  /**
   * The installations whose satisfaction ratings {@code serve} polls for the dashboard's CSAT: those whose connector
   * provides them ({@link Connector#satisfaction()}).
   */
  static List<SatisfactionScheduler.Job> satisfactionJobs(DeskbridgeConfig config, List<Connector> connectors) {
    var jobs = new ArrayList<SatisfactionScheduler.Job>();
    for (int i = 0; i < config.installations().size(); i++) {
      var id = config.installations().get(i).id();
      var connector = connectors.get(i);
      connector.satisfaction().ifPresent(source -> jobs.add(new SatisfactionScheduler.Job(id, source,
          connector.errorMapper())));
    }
    return jobs;
  }

  /**
   * The installations whose first human reply after a handover {@code serve} polls for the dashboard: every helpdesk
   * installation whose load shows the conversation's history (a Conversation API installation's agent messages are in
   * the store already), each loading through the engine's vendor calls at most {@link HumanReplyPoll#limit}
   * conversations a round for its budget at the time.
   */
  static List<HumanReplyScheduler.Job> humanReplyJobs(DeskbridgeConfig config, Engine engine,
      List<Connector> connectors, Duration every) {
    var jobs = new ArrayList<HumanReplyScheduler.Job>();
    for (int i = 0; i < config.installations().size(); i++) {
      var connector = connectors.get(i);
      // a load that cannot show the conversation's history (Capability.UNVERIFIABLE_WRITES: Daktela web chat) would
      // never show an agent's reply either
      if (connector instanceof ApiConnector
          || connector.capabilities().has(io.deskbridge.core.spi.Capability.UNVERIFIABLE_WRITES)) {
        continue;
      }
      String id = config.installations().get(i).id();
      jobs.add(new HumanReplyScheduler.Job(id, engine::load, () -> engine.budgetPerMinute(id),
          connector.errorMapper()));
    }
    return jobs;
  }

  /** The knowledge the bot answers from now: the file knowledge base and the synced articles. */
  public KnowledgeBase knowledge() {
    return knowledge.get().knowledge();
  }

  /** The port the webhook server listens on. */
  public int port() {
    return server.port();
  }

  /** The engine, for waiting until it is idle. */
  public Engine engine() {
    return engine;
  }

  /** The store: audit, dead letters. */
  public JdbcStore store() {
    return store;
  }

  /**
   * Stops in a bounded time (about five seconds at most): stops receiving webhooks, lets each worker finish
   * the conversation in hand for up to {@link #SHUTDOWN_GRACE} (what remains, including events received but
   * not yet processed, stays in the store for the next start), closes the store (this also closes an H2
   * database: its own exit hook is off, see {@link io.deskbridge.core.store.StoreConfig#connectionUrl()}),
   * then the connectors. Waiting until all accepted work is done is {@link Engine#awaitIdle}'s job.
   */
  @Override
  public void close() {
    try {
      if (humanReplies != null) {
        humanReplies.close();
      }
      if (csat != null) {
        csat.close();
      }
      if (sync != null) {
        sync.close();
      }
      server.close();
      if (conversationApi != null) {
        conversationApi.close();
      }
    } finally {
      try {
        engine.close(SHUTDOWN_GRACE);
      } finally {
        try {
          store.close();
        } finally {
          connectors.forEach(Connector::close);
        }
      }
    }
  }
}
