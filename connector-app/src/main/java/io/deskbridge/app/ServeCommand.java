package io.deskbridge.app;

import io.deskbridge.core.Deskbridge;
import io.deskbridge.core.config.BotSettings;
import io.deskbridge.core.config.ConfigLoader;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves real helpdesks from a configuration file until stopped. */
@Command(name = "serve", description = "Receive webhooks and answer through the configured helpdesks.")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "the YAML configuration file")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    var deskbridge = start(config, System::getenv);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      deskbridge.close();
      stopped.countDown();
    }, "deskbridge-shutdown"));
    stopped.await();
    return 0;
  }

  /** Loads the configuration and the knowledge base and starts serving; fails fast with a clear message. */
  static Deskbridge start(Path config, java.util.function.Function<String, String> env) {
    var cfg = ConfigLoader.load(config, env);
    var knowledge = KnowledgeLoader.load(cfg.knowledge());
    return Deskbridge.start(cfg, knowledge, BotSettings.from(cfg.bot()), Connectors.discover(), Clock.systemUTC());
  }
}
