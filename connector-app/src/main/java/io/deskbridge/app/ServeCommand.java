package io.deskbridge.app;

import io.deskbridge.app.eval.Evaluation;
import io.deskbridge.core.Deskbridge;
import io.deskbridge.core.bot.Bot;
import io.deskbridge.core.bot.CalibrationCase;
import io.deskbridge.core.config.BotSettings;
import io.deskbridge.core.config.ConfigLoader;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves real helpdesks from a configuration file until stopped. */
@Command(name = "serve", description = "Receive webhooks and answer through the configured helpdesks.")
final class ServeCommand implements Callable<Integer> {
  /**
   * Set to {@code true} to replace the embedding model by {@link HashingEmbeddingModel}: for benchmarks
   * only (the bench's {@code --fake-bot} sets it for the connector processes it starts).
   */
  static final String FAKE_EMBEDDINGS = "DESKBRIDGE_FAKE_EMBEDDINGS";

  @Option(names = "--config", required = true, description = "the YAML configuration file")
  Path config;

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

  /** Loads the configuration and the knowledge base and starts serving; fails fast with a clear message. */
  static Deskbridge start(Path config, Function<String, String> env) {
    var cfg = ConfigLoader.load(config, env);
    var knowledge = KnowledgeLoader.load(cfg.knowledge());
    var botConfig = BotSettings.from(cfg.bot());
    var labelled = cfg.calibrationCases() == null ? List.<CalibrationCase>of()
        : Evaluation.calibrationCases(cfg.calibrationCases(), knowledge, "bot.calibrationCases");
    if ("true".equalsIgnoreCase(env.apply(FAKE_EMBEDDINGS))) {
      LoggerFactory.getLogger(ServeCommand.class).warn("{}=true: the bot uses a hashing bag of words instead of "
          + "the embedding model; for benchmarks only, answers are worse", FAKE_EMBEDDINGS);
      return Deskbridge.start(cfg, Bot.create(knowledge, botConfig, new HashingEmbeddingModel(), null, labelled),
          Connectors.discover(), Clock.systemUTC());
    }
    return Deskbridge.start(cfg, knowledge, botConfig, labelled, Connectors.discover(), Clock.systemUTC());
  }
}
