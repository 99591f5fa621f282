package io.deskbridge.app;

import io.deskbridge.app.eval.Evaluation;
import io.deskbridge.app.eval.HistoryReplay;
import io.deskbridge.app.eval.ReplyComparison;
import io.deskbridge.app.eval.SimulationReport;
import io.deskbridge.core.BotSettings;
import io.deskbridge.core.ConfigLoader;
import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.bot.Bot;
import io.deskbridge.core.bot.CalibrationCase;
import io.deskbridge.core.bot.Decider;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.spi.HistoryReader;
import io.deskbridge.core.spi.HistoryReader.HistoryPage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** History replay: the installation's bot in shadow over the helpdesk's solved conversations. */
@Command(name = "simulate", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Replay the helpdesk's solved conversations through the installation's bot in shadow (nothing is "
        + "written to the helpdesk or the store) and report what it would have done: answered, clarified or handed "
        + "over, why, and whether its answers agree with the agents' replies.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge simulate --config deskbridge.yaml --installation acme --since 30d",
        "  deskbridge simulate --config deskbridge.yaml --installation acme --since 2026-11-01 --out replay-nov",
        "",
        "Reads Zendesk's incremental ticket export (solved and closed tickets) and their comments, Salesforce's "
            + "closed Cases (SOQL) with their comments and e-mails, or Daktela's closed tickets and their activities. "
            + "Writes report.md, "
            + "conversations.jsonl and calibration.jsonl into --out: calibration.jsonl holds each conversation's "
            + "first message labelled with the bot's guess and \"reviewed\": false; check the labels, set "
            + "\"reviewed\": true, and pass it as eval --calibration or bot.calibrationCases. Customer and agent "
            + "texts are redacted."})
final class SimulateCommand implements Callable<Integer> {
  private static final Pattern AGO = Pattern.compile("(\\d{1,4})([dh])");
  /** How often a rate-limited or unavailable page is tried again before the run gives up. */
  static final int PAGE_ATTEMPTS = 5;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "the YAML configuration file")
  Path config;

  @Option(names = "--installation", required = true, paramLabel = "ID",
      description = "the installation whose helpdesk and bot to replay")
  String installation;

  @Option(names = "--since", defaultValue = "30d", paramLabel = "WHEN",
      description = "how far back: 30d, 12h, a date (2026-11-01, midnight UTC) or an instant; default 30d")
  String since;

  @Option(names = "--out", paramLabel = "DIR",
      description = "where to write the report files (default: simulate-<installation> in the working directory)")
  Path out;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
      description = "stop after N conversations (0, the default: all)")
  int limit;

  @Mixin
  VerboseOption verbose;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Instant from = since(since, Clock.systemUTC().instant());
    if (limit < 0) {
      throw new ParameterException(spec.commandLine(), "--limit must be 0 (all) or more, was " + limit);
    }
    var report = run(config, installation, from, limit, System::getenv, System.err);
    report.print(System.out);
    Path folder = out != null ? out : Path.of("simulate-" + installation);
    report.write(folder);
    System.out.println();
    System.out.println("written: " + folder.resolve(SimulationReport.REPORT) + ", "
        + folder.resolve(SimulationReport.CONVERSATIONS) + ", " + folder.resolve(SimulationReport.CALIBRATION));
    return 0;
  }

  /**
   * Replays the installation's solved conversations since {@code from} through its bot.
   *
   * @param progress where a line per page read goes
   * @throws ConfigException for a mistake in the file, an unknown installation, a vendor without history, credentials
   *                         the helpdesk refuses
   */
  static SimulationReport run(Path config, String installationId, Instant from, int limit,
      Function<String, String> env, PrintStream progress) {
    var cfg = ConfigLoader.load(config, env);
    try {
      return run(cfg, installationId, from, limit, progress);
    } catch (ConfigException e) {
      throw e.fromEnvironment() ? e : new ConfigException(config + ": " + e.getMessage(), e);
    }
  }

  private static SimulationReport run(DeskbridgeConfig cfg, String installationId, Instant from, int limit,
      PrintStream progress) {
    var installation = cfg.installations().stream().filter(i -> i.id().equals(installationId)).findFirst()
        .orElseThrow(() -> new ConfigException("no installation '" + installationId + "'; configured: "
            + String.join(", ", cfg.installations().stream().map(DeskbridgeConfig.InstallationConfig::id).toList())
            + " (--installation)"));
    cfg.requireSecrets();
    if (!Files.exists(cfg.knowledge())) {
      throw new ConfigException("knowledge: " + cfg.knowledge() + " does not exist; point it at a folder of "
          + "Markdown articles or a .jsonl file");
    }
    var knowledge = KnowledgeLoader.load(cfg.knowledge());
    var botConfig = BotSettings.from(cfg.bot());
    var labelled = cfg.calibrationCases() == null ? List.<CalibrationCase>of()
        : Evaluation.calibrationCases(cfg.calibrationCases(), knowledge, "bot.calibrationCases");
    try (Connector connector = Connectors.discover().forVendor(installation.vendor()).create(new ConnectorContext(
        installation.id(), installation.settings(), Clock.systemUTC(), installation.routing().handoverTag()))) {
      HistoryReader history = connector.history().orElseThrow(() -> new ConfigException("installation '"
          + installation.id() + "' (" + installation.vendor() + "): simulate cannot read this vendor's solved "
          + "conversations; it reads Zendesk, Salesforce and Daktela tickets"));
      String settingsPath = "installations[" + installation.id() + "].settings";
      try {
        connector.client().whoAmI(); // the bot's own messages are told apart by its user
      } catch (RuntimeException e) {
        var mapped = connector.errorMapper().map(e);
        throw new ConfigException("installation '" + installation.id() + "' (" + installation.vendor()
            + ") failed its start-up check: " + mapped.getMessage()
            + (String.valueOf(mapped.getMessage()).contains(settingsPath) ? "" : "; check " + settingsPath), e);
      }
      Decider bot = Bot.create(knowledge, botConfig,
          Bot.embeddingModel(BotSettings.embeddingModel(cfg.bot()), "bot.embedding"), cfg.cache(), labelled);
      var replay = new HistoryReplay(bot, new ReplyComparison(knowledge));
      var replayed = new ArrayList<HistoryReplay.Replayed>();
      Optional<String> cursor = Optional.empty();
      int pages = 0;
      do {
        HistoryPage page = page(connector, history, from, cursor, installation.id());
        pages++;
        for (var past : page.conversations()) {
          if (limit > 0 && replayed.size() >= limit) {
            break;
          }
          replayed.add(replay.replay(past));
        }
        progress.println("simulate " + installation.id() + ": page " + pages + ", " + replayed.size()
            + " conversation(s) replayed");
        cursor = page.next();
      } while (cursor.isPresent() && (limit == 0 || replayed.size() < limit));
      return new SimulationReport(installation.id(), from, botConfig.thresholdPercent(), replayed);
    }
  }

  /** One page, tried again on a rate limit (after its Retry-After, else 10 s) or an outage, at most 5 times. */
  private static HistoryPage page(Connector connector, HistoryReader history, Instant from, Optional<String> cursor,
      String installationId) {
    for (int attempt = 1; ; attempt++) {
      try {
        return history.page(from, cursor);
      } catch (RuntimeException e) {
        VendorException mapped = connector.errorMapper().map(e);
        if (mapped.kind() == VendorException.Kind.AUTH || mapped.kind() == VendorException.Kind.FORBIDDEN) {
          throw new ConfigException("installation '" + installationId + "': the helpdesk refused to export its "
              + "tickets: " + mapped.getMessage() + "; the API user needs to read all tickets (an admin, for "
              + "Zendesk's incremental export)", e);
        }
        if (!mapped.retriable() || attempt >= PAGE_ATTEMPTS) {
          throw mapped;
        }
        Duration wait = mapped.retryAfter().orElse(Duration.ofSeconds(10));
        try {
          Thread.sleep(Math.min(wait.toMillis(), Duration.ofMinutes(2).toMillis()));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw mapped;
        }
      }
    }
  }

  /** {@code 30d}, {@code 12h}, a date (midnight UTC) or an instant, before {@code now}. */
  Instant since(String text, Instant now) {
    var ago = AGO.matcher(text.strip());
    Instant at;
    if (ago.matches()) {
      long n = Long.parseLong(ago.group(1));
      at = now.minus(ago.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n));
    } else {
      try {
        at = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new ParameterException(spec.commandLine(), "--since must be like 30d, 12h, 2026-11-01 or "
            + "2026-11-01T08:00:00Z, was '" + text + "'");
      }
    }
    if (!at.isBefore(now)) {
      throw new ParameterException(spec.commandLine(), "--since must be in the past, was " + at);
    }
    return at;
  }
}
