package io.deskbridge.app;

import io.deskbridge.core.BotSettings;
import io.deskbridge.core.bot.Bot;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.kbsync.KnowledgeSync;
import io.deskbridge.core.kbsync.KnowledgeSyncConfig;
import io.deskbridge.core.kbsync.SyncedArticle;
import io.deskbridge.core.knowledge.KnowledgeBase;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.mock.zendesk.ZendeskFake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench kb-sync}: the knowledge sync of a Zendesk Help Center of {@code --articles} articles from the Zendesk
 * fake, through the real connector (zendesk-java-client over HTTP) into a fresh H2 store, as {@code kb sync} does it.
 * Per repetition: cold (empty store and an empty embedding cache: the sync, then the bot built over the synced
 * articles with the bundled embedding model) and unchanged (a second sync that finds nothing new; serve does not
 * rebuild the bot then). Prints every run and the medians. Measures; asserts nothing.
 */
@Command(name = "kb-sync", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Time the knowledge sync of N Help Center articles from the Zendesk fake: cold (sync + embedding) "
        + "and unchanged.",
    footerHeading = "%nExamples:%n",
    footer = {"  deskbridge bench kb-sync --articles 1000 --repeat 3"})
final class BenchKbSyncCommand implements Callable<Integer> {
  @Option(names = "--articles", defaultValue = "1000", description = "articles in the Help Center (default ${DEFAULT-VALUE})")
  int articles;

  @Option(names = "--repeat", defaultValue = "3", description = "repetitions (default ${DEFAULT-VALUE})")
  int repeat;

  @Override
  public Integer call() throws Exception {
    var missing = DemoLibraries.missing("bench kb-sync");
    if (missing.isPresent()) {
      System.err.println(missing.get());
      return 2;
    }
    if (articles < 1 || articles > 100_000 || repeat < 1 || repeat > 20) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--articles must be 1 to 100000 and --repeat 1 to 20");
    }
    var model = Bot.embeddingModel();
    var botConfig = BotSettings.from(Settings.of("bot", Map.of()));
    var config = new KnowledgeSyncConfig(Duration.ofHours(1), List.of(), List.of(), List.of());
    var syncs = new ArrayList<Double>();
    var colds = new ArrayList<Double>();
    var unchanged = new ArrayList<Double>();
    try (var fake = ZendeskFake.start()) {
      fake.helpCenter().seed(articles, "en-us");
      var settings = Settings.of("settings", Map.of("url", fake.baseUrl(), "email", fake.config().agentEmail(),
          "apiToken", Secret.of(fake.config().apiToken()), "webhookSecret", Secret.of("bench")));
      for (int run = 1; run <= repeat; run++) {
        Path dir = Files.createTempDirectory("deskbridge-kb-bench");
        try (var store = JdbcStore.open(StoreConfig.h2File(dir.resolve("store")));
            var connector = Connectors.discover().forVendor("zendesk").create(new ConnectorContext("bench", settings,
                Clock.systemUTC(), "deskbridge_handover"))) {
          var source = connector.knowledgeSource().orElseThrow();
          var sync = new KnowledgeSync(store.syncedKnowledge(), Clock.systemUTC());
          long t0 = System.nanoTime();
          var first = sync.run("bench", source, config, KnowledgeSync.Progress.NONE);
          long t1 = System.nanoTime();
          var kb = KnowledgeBase.of(store.syncedKnowledge().articles().stream().map(SyncedArticle::article).toList());
          Bot.create(kb, botConfig, model, dir.resolve("cache"));
          long t2 = System.nanoTime();
          var second = sync.run("bench", source, config, KnowledgeSync.Progress.NONE);
          long t3 = System.nanoTime();
          syncs.add((t1 - t0) / 1e9);
          colds.add((t2 - t0) / 1e9);
          unchanged.add((t3 - t2) / 1e9);
          System.out.printf(Locale.ROOT, "run %d: cold %.2f s (sync %.2f s: %s; embedding %.2f s), unchanged %.2f s "
                  + "(%s)%n", run, (t2 - t0) / 1e9, (t1 - t0) / 1e9, first, (t2 - t1) / 1e9, (t3 - t2) / 1e9, second);
        } finally {
          try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
          }
        }
      }
      System.out.printf(Locale.ROOT, "%d articles, %d run(s), %d core(s): median cold %.2f s (sync alone %.2f s), "
              + "median unchanged %.2f s; %d API calls%n", articles, repeat, Runtime.getRuntime().availableProcessors(),
          median(colds), median(syncs), median(unchanged), fake.apiCalls());
    }
    return 0;
  }

  private static double median(List<Double> values) {
    var sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
