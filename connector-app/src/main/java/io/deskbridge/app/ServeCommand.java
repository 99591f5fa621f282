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
    var cfg = ConfigLoader.load(config, System::getenv);
    var knowledge = KnowledgeLoader.load(cfg.knowledge());
    var botConfig = BotSettings.from(cfg.bot());
    var deskbridge = Deskbridge.start(cfg, knowledge, botConfig, Connectors.discover(), Clock.systemUTC());
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      deskbridge.close();
      stopped.countDown();
    }, "deskbridge-shutdown"));
    stopped.await();
    return 0;
  }
}
