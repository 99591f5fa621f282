package io.deskbridge.app;

import io.deskbridge.app.eval.Evaluation;
import io.deskbridge.core.Deskbridge;
import io.deskbridge.core.bot.Bot;
import io.deskbridge.core.bot.CalibrationCase;
import io.deskbridge.core.BotSettings;
import io.deskbridge.core.ConfigLoader;
import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import io.deskbridge.core.store.StoreException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Serves real helpdesks from a configuration file until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Receive webhooks and answer through the configured helpdesks.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  export ZENDESK_API_TOKEN=... ZENDESK_WEBHOOK_SECRET=...",
        "  deskbridge serve --config deskbridge.yaml",
        "  DESKBRIDGE_SERVER_PORT=9090 deskbridge serve --config deskbridge.yaml",
        "",
        "Relative paths in the file are relative to the file's folder. The store and the knowledge cache are kept "
            + "in dataDirectory (default $XDG_DATA_HOME/deskbridge, else ~/.local/share/deskbridge); the start-up "
            + "line says where. DESKBRIDGE_<SECTION>_<KEY> overrides a setting (DESKBRIDGE_SERVER_PORT: server.port). "
            + "A mistake in the file, the environment or the credentials ends with one line naming the setting, "
            + "and exit code 2."})
final class ServeCommand implements Callable<Integer> {
  /**
   * Set to {@code true} to replace the embedding model by {@link HashingEmbeddingModel}: for benchmarks
   * only (the bench's {@code --fake-bot} sets it for the connector processes it starts).
   */
  static final String FAKE_EMBEDDINGS = "DESKBRIDGE_FAKE_EMBEDDINGS";

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "the YAML configuration file")
  Path config;

  @Mixin
  VerboseOption verbose;

  @Option(names = "--fake-embeddings", hidden = true,
      description = "benchmarks only: a hashing bag-of-words instead of the embedding model")
  boolean fakeEmbeddings;

  @Override
  public Integer call() throws InterruptedException {
    Function<String, String> env = System::getenv;
    var deskbridge = start(config, fakeEmbeddings ? name -> name.equals(FAKE_EMBEDDINGS) ? "true" : env.apply(name) : env);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // SIGTERM or Ctrl-C: an orderly stop is a normal end, so the exit status is 0 (the JVM would report
      // 143 for the signal); halting after close also keeps the blocked main thread from mattering
      var log = LoggerFactory.getLogger(ServeCommand.class);
      int status = 0;
      try {
        log.info("stopping: no new webhooks; work in hand gets {} s, the rest stays in the store",
            Deskbridge.SHUTDOWN_GRACE.toSeconds());
        deskbridge.close();
        log.info("stopped");
      } catch (RuntimeException e) {
        log.error("stopping failed: {}", e.toString());
        status = 1;
      } finally {
        stopped.countDown();
      }
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(status);
    }, "deskbridge-shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * Loads the configuration and the knowledge base and starts serving; fails fast with a clear message.
   *
   * @throws ConfigException for a mistake the admin fixes (the file, the environment, the credentials, the store
   *                         settings): one line naming the file and the setting, or the environment variable
   */
  static Deskbridge start(Path config, Function<String, String> env) {
    var cfg = ConfigLoader.load(config, env);
    try {
      return start(cfg, env);
    } catch (ConfigException e) {
      throw e.fromEnvironment() ? e : new ConfigException(config + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) { // the knowledge base, the labelled cases: named in the message
      throw new ConfigException(config + ": " + e.getMessage(), e);
    } catch (StoreException e) {
      throw new ConfigException(config + ": cannot open the store (" + cfg.store().describe() + "): "
          + rootMessage(e) + "; check the store settings (url, username, password, directory), that the database "
          + "is running, and for H2 that no other Deskbridge process uses the file", e);
    } catch (RuntimeException e) {
      if (causedBy(e, BindException.class)) {
        throw new ConfigException(config + ": server.port " + cfg.server().port() + " on " + cfg.server().host()
            + " cannot be used (" + rootMessage(e) + "); stop the process that uses it or choose another port "
            + "(server.port, or DESKBRIDGE_SERVER_PORT)", e);
      }
      throw e;
    }
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static Deskbridge start(DeskbridgeConfig cfg, Function<String, String> env) {
    cfg.requireSecrets(); // before the knowledge base is embedded, which takes a while
    if (!Files.exists(cfg.knowledge())) {
      throw new ConfigException("knowledge: " + cfg.knowledge() + " does not exist; point it at a folder of "
          + "Markdown articles or a .jsonl file (a relative path is relative to the configuration file's folder)");
    }
    var knowledge = KnowledgeLoader.load(cfg.knowledge());
    var botConfig = BotSettings.from(cfg.bot());
    var labelled = cfg.calibrationCases() == null ? List.<CalibrationCase>of()
        : Evaluation.calibrationCases(cfg.calibrationCases(), knowledge, "bot.calibrationCases");
    if ("true".equalsIgnoreCase(env.apply(FAKE_EMBEDDINGS))) {
      LoggerFactory.getLogger(ServeCommand.class).warn("{}=true: the bot uses a hashing bag of words instead of "
          + "the embedding model; for benchmarks only, answers are worse", FAKE_EMBEDDINGS);
      return Deskbridge.start(cfg, knowledge, all -> Bot.create(all, botConfig, new HashingEmbeddingModel(), null,
          labelled), Connectors.discover(), Clock.systemUTC());
    }
    return Deskbridge.start(cfg, knowledge, botConfig, labelled, Connectors.discover(), Clock.systemUTC());
  }

  /** The first line of the innermost cause's message: what the driver said, without its stack of wrappers. */
  static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }
}
