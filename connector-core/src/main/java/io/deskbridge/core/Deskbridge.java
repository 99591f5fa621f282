package io.deskbridge.core;

import io.deskbridge.core.bot.Bot;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.config.DeskbridgeConfig;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.engine.Engine;
import io.deskbridge.core.engine.Installation;
import io.deskbridge.core.knowledge.KnowledgeBase;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.store.InMemoryStore;
import io.deskbridge.core.webhook.WebhookHandler;
import io.deskbridge.core.webhook.WebhookServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running connector: the entry point that assembles everything from the configuration. It builds each
 * installation's connector through its {@link io.deskbridge.core.spi.ConnectorFactory}, makes one
 * authenticated call per installation (fail fast), starts the engine and then the webhook server.
 */
public final class Deskbridge implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Deskbridge.class);

  private final Engine engine;
  private final WebhookServer server;
  private final InMemoryStore store;
  private final List<Connector> connectors;

  private Deskbridge(Engine engine, WebhookServer server, InMemoryStore store, List<Connector> connectors) {
    this.engine = engine;
    this.server = server;
    this.store = store;
    this.connectors = connectors;
  }

  /**
   * Starts everything. Fails with a clear message when a setting is invalid, a vendor is missing, or an
   * installation cannot authenticate; nothing keeps running after a failure.
   */
  public static Deskbridge start(DeskbridgeConfig config, KnowledgeBase knowledge, BotConfig botConfig,
      Connectors connectors, Clock clock) {
    var built = new ArrayList<Connector>();
    try {
      var installations = new ArrayList<Installation>();
      for (var i : config.installations()) {
        var connector = connectors.forVendor(i.vendor()).create(new ConnectorContext(i.id(), i.settings(), clock));
        built.add(connector);
        installations.add(new Installation(i.id(), i.mode(), i.routing(), i.retry(), connector));
      }
      var bot = Bot.create(knowledge, botConfig);
      var store = new InMemoryStore();
      var engine = Engine.start(installations, bot, store, store, store, clock, config.server().workers());
      var handler = new WebhookHandler(id -> engine.installation(id).map(inst -> inst.connector().webhook()),
          engine::accept, store, clock);
      var server = WebhookServer.start(config.server().host(), config.server().port(), config.server().maxBodyBytes(),
          handler, clock);
      log.info("Deskbridge listening on {}:{} with {} article(s), {} installation(s)", config.server().host(),
          server.port(), knowledge.size(), installations.size());
      return new Deskbridge(engine, server, store, List.copyOf(built));
    } catch (RuntimeException e) {
      built.forEach(Connector::close);
      throw e;
    }
  }

  /** The port the webhook server listens on. */
  public int port() {
    return server.port();
  }

  /** The engine, for waiting until it is idle and reading the audit. */
  public Engine engine() {
    return engine;
  }

  /** The state, inbox and audit store (in memory in this version). */
  public InMemoryStore store() {
    return store;
  }

  /** Stops receiving webhooks, then lets the engine finish what it accepted, then closes the connectors. */
  @Override
  public void close() {
    server.close();
    try {
      engine.awaitIdle(java.time.Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    engine.close();
    connectors.forEach(Connector::close);
  }
}
